import Foundation
import HTTPServer
import ParleyAPI
import ParleyStore
import Synchronization
import TestSupport
import Testing

/// A cluster database that is a plain SQLite file, standing where the dqlite leader stands in `parley serve
/// --node-address` (ParleyCluster.ClusterReplication does the same over dqlite's wire protocol; Tests/Cluster runs
/// that for real). It takes what the store hands over: the entry into `cluster_log` and the SQL statements.
final class SQLiteCluster: WriteReplication, @unchecked Sendable {
    private let lock = Mutex(())
    private let database: Database
    /// The write turn, as the leader's write lock: one writer at a time from its catch-up to its commit.
    private let turn = DispatchSemaphore(value: 1)
    /// The thread holding the turn (a replica's write lock keeps each write on one thread).
    private let turnHolder = Mutex<pthread_t?>(nil)

    init(path: String) throws {
        database = try Database(path: path, mode: .existing)
        try database.execute("PRAGMA foreign_keys = ON")
    }

    func entries(after seq: Int, limit: Int) throws -> [ReplicaEntry] {
        try lock.withLock { _ in
            let statement = try database.prepare("SELECT seq, changeset FROM cluster_log WHERE seq > ?1 ORDER BY seq LIMIT ?2")
            try statement.bind(1, seq)
            try statement.bind(2, limit)
            var entries: [ReplicaEntry] = []
            while try statement.step() {
                guard case let .blob(changeset) = statement.value(1) else { throw Failure("a log row without its changeset") }
                entries.append(ReplicaEntry(seq: statement.int(0), changeset: changeset))
            }
            return entries
        }
    }

    func takeTurn() throws {
        turn.wait()
        turnHolder.withLock { $0 = pthread_self() }
    }

    func endTurn() {
        guard holdsTurn() else { return }
        turnHolder.withLock { $0 = nil }
        turn.signal()
    }

    private func holdsTurn() -> Bool {
        turnHolder.withLock { holder in holder.map { pthread_equal($0, pthread_self()) != 0 } ?? false }
    }

    func commit(_ entry: ReplicaEntry, statements: [ReplicaStatement]) throws {
        guard holdsTurn() else { throw Failure("an entry committed outside its writer's turn") }
        defer { endTurn() }
        try commitNow(entry, statements: statements)
    }

    private func commitNow(_ entry: ReplicaEntry, statements: [ReplicaStatement]) throws {
        try lock.withLock { _ in
            try database.transaction(immediate: true) {
                try database.execute("PRAGMA defer_foreign_keys = ON")
                let log = try database.prepare("INSERT INTO cluster_log (seq, changeset) VALUES (?1, ?2)")
                try log.bind(1, entry.seq)
                try log.bind(2, blob: entry.changeset)
                do {
                    try log.run()
                } catch let StoreError.sqlite(code, _, _) where code & 0xFF == 19 {
                    throw ReplicationConflict()
                }
                for replicated in statements {
                    let statement = try database.prepare(replicated.sql)
                    for (index, value) in replicated.values.enumerated() { try statement.bind(Int32(index + 1), value) }
                    try statement.run()
                }
            }
        }
    }

    /// Every row of `table` in primary-key order, as text, to compare the cluster with its replicas.
    static func rows(_ table: String, in path: String) throws -> [String] {
        let database = try Database(path: path, mode: .existing)
        let statement = try database.prepare("SELECT * FROM \"\(table)\" ORDER BY 1, 2")
        var rows: [String] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { "\(statement.value($0))" }.joined(separator: "|"))
        }
        return rows
    }
}

/// The cluster as a replica sees it when another node's write lands between its catch-up and its turn: `rival`
/// commits just before each turn is taken.
private final class OvertakenCluster: WriteReplication, @unchecked Sendable {
    let inner: SQLiteCluster
    let rival: () throws -> Void
    let rivalWrites = Mutex(0)

    init(_ inner: SQLiteCluster, rival: @escaping () throws -> Void) {
        self.inner = inner
        self.rival = rival
    }

    func entries(after seq: Int, limit: Int) throws -> [ReplicaEntry] { try inner.entries(after: seq, limit: limit) }

    func takeTurn() throws {
        try rival()
        rivalWrites.withLock { $0 += 1 }
        try inner.takeTurn()
    }

    func endTurn() { inner.endTurn() }

    func commit(_ entry: ReplicaEntry, statements: [ReplicaStatement]) throws { try inner.commit(entry, statements: statements) }
}

/// Three copies of one migrated file: the cluster's database and two replicas, each replica served by a real server.
private final class TwoReplicas: @unchecked Sendable {
    let directory: TemporaryDirectory
    let clusterPath: String
    let replicaPaths: [String]
    let cluster: SQLiteCluster
    let servers: [Server]

    init() throws {
        directory = try TemporaryDirectory()
        let seed = directory.path("seed.sqlite")
        try Migrator.migrate(databasePath: seed)  // the connection closes: the log is folded into the file
        clusterPath = directory.path("cluster.sqlite")
        replicaPaths = [directory.path("r1.sqlite"), directory.path("r2.sqlite")]
        for path in [clusterPath] + replicaPaths {
            try FileManager.default.copyItem(atPath: seed, toPath: path)
            try Store.open(path: path, mode: .existing).prepareReplica(identity: "test-cluster")
        }
        let cluster = try SQLiteCluster(path: clusterPath)
        self.cluster = cluster
        servers = try replicaPaths.map { path in
            var configuration = APIConfiguration(databasePath: path, responseCacheBytes: 1 << 20)
            configuration.replication = cluster
            return try startTestServer({ $0.workers = 2 }, handlerFactory: APIHandler.makeFactory(configuration))
        }
    }

    deinit { servers.forEach { $0.shutdown() } }

    /// A store on replica `index` whose writes go through the cluster (as `parley token create --cluster` does).
    func store(_ index: Int) throws -> Store {
        let store = try Store.open(path: replicaPaths[index], mode: .existing)
        store.replication = cluster
        return store
    }

    /// What the follower thread does: applies every entry the replica lacks.
    func follow(_ index: Int) throws {
        try store(index).applyCommitted(from: cluster)
    }

    func send(_ index: Int, _ method: String, _ target: String, token: String, body: String? = nil) throws -> TestResponse {
        var headers = [("Authorization", "Bearer " + token)]
        if body != nil { headers.append(("Content-Type", method == "PATCH" ? "application/merge-patch+json" : "application/json")) }
        return try TestHTTPClient(port: servers[index].port).request(method, target, headers: headers, body: Array((body ?? "").utf8))
    }

    func get(_ index: Int, _ target: String) throws -> TestResponse {
        try TestHTTPClient(port: servers[index].port).request("GET", target)
    }
}

@Suite struct ReplicationTests {
    @Test func writesOnOneReplicaReachTheClusterAndTheOtherReplicaRowForRow() throws {
        let replicas = try TwoReplicas()
        let token = try replicas.store(0).createToken(name: "replicated")
        #expect(try replicas.send(0, "POST", "/meetings", token: token, body: Bodies.meeting("replicated-round")).status == 201)
        #expect(try replicas.send(0, "POST", "/quotes", token: token, body: Bodies.quote("replicated-quote", meeting: "replicated-round")).status == 201)
        #expect(try replicas.send(0, "PATCH", "/meetings/replicated-round", token: token, body: #"{"summary": "Changed on replica 1."}"#).status == 200)
        #expect(try replicas.send(0, "POST", "/topics", token: token, body: Bodies.topic("short-lived")).status == 201)
        #expect(try replicas.send(0, "DELETE", "/topics/short-lived", token: token).status == 204)
        // Replica 2 takes the token and every record from the cluster, then writes through it in turn.
        try replicas.follow(1)
        #expect(try replicas.send(1, "PATCH", "/quotes/replicated-quote", token: token, body: #"{"attribution": "said"}"#).status == 200)
        try replicas.follow(0)

        for target in ["/meetings/replicated-round", "/quotes/replicated-quote", "/changes?since=80", "/meetings?date=2022-02-10",
                       "/quotes?q=ready", "/topics/short-lived"] {
            let (first, second) = (try replicas.get(0, target), try replicas.get(1, target))
            #expect(first.status == second.status, "\(target)")
            #expect(first.body == second.body, "\(target) differs between the replicas")
            #expect(first.header("ETag") == second.header("ETag"), "\(target)")
        }
        // Search is derived on each replica from the replicated rows.
        #expect(try JSON.items(JSON.object(replicas.get(1, "/quotes?q=ready&limit=100").body)).contains { $0["id"] as? String == "replicated-quote" })
        // The cluster's rows, and both replicas', are the same, table by table (generated columns are never sent).
        for table in ["meetings", "meeting_parties", "meeting_participants", "meeting_topics", "quotes", "quote_topics",
                      "record_sources", "changes", "tokens", "topics", "cluster_log"] {
            let cluster = try SQLiteCluster.rows(table, in: replicas.clusterPath)
            #expect(try SQLiteCluster.rows(table, in: replicas.replicaPaths[0]) == cluster, "\(table)")
            #expect(try SQLiteCluster.rows(table, in: replicas.replicaPaths[1]) == cluster, "\(table)")
        }
        #expect(try SQLiteCluster.rows("cluster_log", in: replicas.clusterPath).count == 7)  // the token and six writes
    }

    @Test func concurrentWritersOnBothReplicasAllCommitInOneGaplessOrder() throws {
        let replicas = try TwoReplicas()
        let token = try replicas.store(0).createToken(name: "racers")
        try replicas.follow(1)
        let statuses = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            let status = (try? replicas.send(index % 2, "POST", "/topics", token: token, body: Bodies.topic("race-\(index)")).status) ?? -1
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 } == Array(repeating: 201, count: 40))
        try replicas.follow(0)
        try replicas.follow(1)
        let log = try SQLiteCluster.rows("cluster_log", in: replicas.clusterPath)
        #expect(log.count == 41)
        #expect(try replicas.get(0, "/changes?since=0&limit=500").body == replicas.get(1, "/changes?since=0&limit=500").body)
        for table in ["topics", "changes", "cluster_log"] {
            #expect(try SQLiteCluster.rows(table, in: replicas.replicaPaths[0]) == SQLiteCluster.rows(table, in: replicas.clusterPath))
            #expect(try SQLiteCluster.rows(table, in: replicas.replicaPaths[1]) == SQLiteCluster.rows(table, in: replicas.clusterPath))
        }
    }

    @Test func aWriteOvertakenBeforeItsTurnCatchesUpInItAndTakesTheNextSeq() throws {
        let replicas = try TwoReplicas()
        let rivalStore = try replicas.store(1)
        let overtaken = OvertakenCluster(replicas.cluster) { _ = try rivalStore.createToken(name: "rival") }
        let store = try Store.open(path: replicas.replicaPaths[0], mode: .existing)
        store.replication = overtaken
        _ = try store.createToken(name: "overtaken")
        #expect(overtaken.rivalWrites.withLock { $0 } == 1)  // one try: the rival's entry did not take its seq
        let log = try SQLiteCluster.rows("cluster_log", in: replicas.clusterPath)
        #expect(log.map { $0.split(separator: "|")[0] } == ["integer(1)", "integer(2)"])
        try replicas.follow(1)
        for table in ["tokens", "cluster_log"] {
            #expect(try SQLiteCluster.rows(table, in: replicas.replicaPaths[0]) == SQLiteCluster.rows(table, in: replicas.clusterPath))
            #expect(try SQLiteCluster.rows(table, in: replicas.replicaPaths[1]) == SQLiteCluster.rows(table, in: replicas.clusterPath))
        }
        #expect(try SQLiteCluster.rows("tokens", in: replicas.clusterPath).count == 2)
    }

    @Test func aReplicaFileRefusesWritesOutsideItsCluster() throws {
        let replicas = try TwoReplicas()
        let token = try replicas.store(0).createToken(name: "outsider")
        let alone = try Store.open(path: replicas.replicaPaths[0], mode: .existing)
        #expect(throws: StoreError.replicaWithoutCluster(path: replicas.replicaPaths[0])) { try alone.createToken(name: "sneaky") }
        // A server on the file that is not a member answers 403 and writes nothing.
        let server = try startTestServer(handlerFactory: APIHandler.makeFactory(APIConfiguration(databasePath: replicas.replicaPaths[0])))
        defer { server.shutdown() }
        let response = try TestHTTPClient(port: server.port).request(
            "POST", "/topics", headers: [("Authorization", "Bearer " + token), ("Content-Type", "application/json")],
            body: Array(Bodies.topic("outside").utf8))
        #expect(response.status == 403)
        #expect(try replicas.get(0, "/topics/outside").status == 404)
    }

    @Test func changesetsListTheRowsAWriteChanged() throws {
        let replicas = try TwoReplicas()
        let store = try replicas.store(0)
        _ = try store.createToken(name: "listed")
        let log = try Database(path: replicas.clusterPath, mode: .existing).prepare("SELECT changeset FROM cluster_log WHERE seq = 1")
        #expect(try log.step())
        guard case let .blob(changeset) = log.value(0) else { throw Failure("no changeset") }
        let rows = try Changeset.rows(changeset)
        #expect(rows.map(\.table) == ["tokens"])
        #expect(rows.first?.operation == .insert)
        #expect(rows.first?.row.first == .text("listed"))
        #expect(try store.statements(applying: changeset).map(\.sql) == [#"INSERT INTO "tokens" ("name", "hash", "created_at", "revoked_at") VALUES (?, ?, ?, ?)"#])
        #expect(try Changeset.rows([]) == [])
    }

    @Test func changesetsRoundTripEveryValueAndRefuseDamagedBytes() throws {
        let changes = [
            RowChange(table: "t", operation: .insert, key: [],
                      row: [.integer(.min), .integer(.max), .real(-0.5), .text("Gruško ✓"), .text(""), .blob([0, 255]), .blob([]), .null]),
            RowChange(table: "u", operation: .update, key: [.text("k")], row: [.integer(1)]),
            RowChange(table: "u", operation: .delete, key: [.text("k")], row: []),
        ]
        let bytes = Changeset.encode(changes)
        #expect(try Changeset.rows(bytes) == changes)
        #expect(Changeset.encode([]) == [])
        // Every truncation, and every damaged type byte, is refused, never misread nor looped on.
        let boundaries = Set((0...changes.count).map { Changeset.encode(Array(changes.prefix($0))).count } + [4])
        for length in 1..<bytes.count where !boundaries.contains(length) {
            #expect(throws: StoreError.self) { try Changeset.rows(Array(bytes.prefix(length))) }
        }
        #expect(throws: StoreError.self) { try Changeset.rows(Array("PLC2".utf8)) }
        var damaged = bytes
        damaged[4 + 4 + 1 + 1 + 2] = 9  // the first value's type byte
        #expect(throws: StoreError.self) { try Changeset.rows(damaged) }
    }
}
