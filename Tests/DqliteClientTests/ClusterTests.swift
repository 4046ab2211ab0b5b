import DqliteClient
import DqliteNode
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Three real nodes in this process on loopback: bootstrap node 1, join 2 and 3 through the client
/// (ADD, then ASSIGN voter), stop the leader, and write again through a new leader.
@Suite(.serialized, .timeLimit(.minutes(1))) struct ClusterTests {
    @Test func threeVotersSurviveTheLeadersDeathAndFollowersAnswerNotLeader() throws {
        let directory = Loopback.temporaryDirectory("dqlite-cluster")
        defer { Loopback.removeTree(directory) }
        let addresses = (0..<3).map { _ in Loopback.address() }
        var nodes: [UInt64: DqliteNode] = [:]
        defer { for node in nodes.values { try? node.stop() } }
        for (index, address) in addresses.enumerated() {
            let id = UInt64(index + 1)
            nodes[id] = try Loopback.node(id: id, address: address, directory: "\(directory)/n\(id)")
        }

        // Node 1 leads its one-voter cluster; 2 and 3 join it.
        let first = try DqliteConnection(address: addresses[0], timeoutMilliseconds: 5_000)
        _ = try Loopback.eventually { try first.leader() }
        for id in [UInt64(2), 3] {
            try first.add(id: id, address: addresses[Int(id) - 1])
            try first.assign(id: id, role: .voter)
        }
        #expect(try first.cluster() == addresses.enumerated().map {
            DqliteNodeInfo(id: UInt64($0.offset + 1), address: $0.element, role: .voter)
        })

        let database = try first.open("cluster.db")
        try first.execSQL(database: database, "CREATE TABLE w (n INTEGER, at TEXT)")
        try first.execSQL(database: database, "INSERT INTO w VALUES (?, ?)", [.integer(1), .text("before")])

        // A follower knows the leader but answers writes and queries with "not leader" (10250).
        let follower = try DqliteConnection(address: addresses[1], timeoutMilliseconds: 5_000)
        let named = try Loopback.eventually { try follower.leader() }
        #expect(named.id == 1)
        #expect(named.address == addresses[0])
        let followerDatabase = try follower.open("cluster.db")
        #expect(throws: DqliteError.notLeader("not leader")) {
            try follower.execSQL(database: followerDatabase, "INSERT INTO w VALUES (2, 'follower')")
        }
        #expect(throws: DqliteError.notLeader("not leader")) {
            try follower.querySQL(database: followerDatabase, "SELECT count(*) FROM w")
        }
        #expect((try? follower.isLeader()) == false)

        // Every voter has the data before the leader dies.
        _ = try Loopback.eventually { () -> Bool? in
            try DqliteConnection(address: addresses[2]).cluster().count == 3 ? true : nil
        }

        // The leader dies; a write succeeds through a new leader within 5 s.
        let killedAt = Loopback.now()
        try nodes.removeValue(forKey: 1)?.stop()
        let survivors = Array(addresses[1...])
        var written: DqliteResult?
        var leaderAddress = ""
        while written == nil, Loopback.now() - killedAt < 15_000 {
            do {
                let leader = try DqliteConnection.connectToLeader(
                    survivors, timeoutMilliseconds: 1_000, withinMilliseconds: 1_000)
                let leaderDatabase = try leader.open("cluster.db")
                written = try leader.execSQL(database: leaderDatabase, "INSERT INTO w VALUES (?, ?)", [.integer(3), .text("after")])
                leaderAddress = leader.address
                #expect(try leader.querySQL(database: leaderDatabase, "SELECT n, at FROM w ORDER BY n").rows == [
                    [.integer(1), .text("before")], [.integer(3), .text("after")],
                ])
            } catch {
                // no leader yet, or leadership changed under the write: ask again
            }
        }
        let elapsed = Loopback.now() - killedAt
        print("dqlite cluster: a write through the new leader \(elapsed) ms after stopping the old one")
        #expect(written?.rowsAffected == 1)
        #expect(elapsed < 5_000, "a write through the new leader took \(elapsed) ms")
        #expect(survivors.contains(leaderAddress))

        // The other survivor is a follower that names the new leader and refuses writes.
        guard let otherAddress = survivors.first(where: { $0 != leaderAddress }) else { return }
        let other = try DqliteConnection(address: otherAddress, timeoutMilliseconds: 5_000)
        let otherDatabase = try other.open("cluster.db")
        #expect {
            try other.execSQL(database: otherDatabase, "INSERT INTO w VALUES (4, 'other')")
        } throws: { error in
            (error as? DqliteError)?.code == DqliteError.notLeaderCode
        }
        #expect(try Loopback.eventually { try other.leader() }.address == leaderAddress)

        // Node 1 restarted on its directory rejoins by itself and catches up: DUMP answers on any node
        // (no leader check), so its local copy shows the write made while it was down.
        nodes[1] = try Loopback.node(id: 1, address: addresses[0], directory: "\(directory)/n1")
        let restarted = try DqliteConnection(address: addresses[0], timeoutMilliseconds: 5_000)
        #expect(try Loopback.eventually { try restarted.leader() }.address == leaderAddress)
        let copy = "\(directory)/copy"
        #expect(mkdir(copy, 0o755) == 0)
        let caughtUp = try Loopback.eventually { () -> [[String]]? in
            let files = try restarted.dump("cluster.db")
            for file in files { _ = Loopback.write(file.bytes, to: "\(copy)/\(file.name)") }
            let rows = try LocalSQLite(path: "\(copy)/cluster.db").rows("SELECT n, at FROM w ORDER BY n")
            return rows.count == 2 ? rows : nil
        }
        #expect(caughtUp == [["1", "before"], ["3", "after"]])

        // Membership: a fourth node joins as a spare, then is removed.
        let leader = try DqliteConnection.connectToLeader(addresses, timeoutMilliseconds: 2_000)
        let fourthAddress = Loopback.address()
        nodes[4] = try Loopback.node(id: 4, address: fourthAddress, directory: "\(directory)/n4")
        try leader.add(id: 4, address: fourthAddress)
        #expect(try leader.cluster().contains(DqliteNodeInfo(id: 4, address: fourthAddress, role: .spare)))
        try leader.remove(id: 4)
        #expect(try leader.cluster().map(\.id).sorted() == [1, 2, 3])
    }
}
