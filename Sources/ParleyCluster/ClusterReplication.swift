import DqliteClient
import ParleyStore
import Synchronization

/// The cluster database as a replica's `WriteReplication`: entries are rows of its `cluster_log`, committed on the
/// leader in one dqlite transaction with the statements that apply them to the cluster's own rows. One link per
/// instance, used by one caller at a time (the lock serialises the loops' writes, which the replica's write lock
/// serialises anyway).
public final class ClusterReplication: WriteReplication, @unchecked Sendable {
    private let lock = Mutex(())
    private let link: LeaderLink

    public init(members: [String], searchMilliseconds: Int = 4_000) {
        link = LeaderLink(members: members, searchMilliseconds: searchMilliseconds)
    }

    public func entries(after seq: Int, limit: Int) throws -> [ReplicaEntry] {
        try lock.withLock { _ in
            try link.run { connection, database in
                let rows = try connection.querySQL(database: database, "SELECT seq, changeset FROM cluster_log WHERE seq > ? ORDER BY seq LIMIT ?",
                                                   [.integer(Int64(seq)), .integer(Int64(limit))])
                return try rows.rows.map(Self.entry)
            }
        }
    }

    /// Sends the entry and its statements in one transaction. Once COMMIT has been sent, a broken connection leaves the
    /// outcome unknown: the next leader is asked whether the entry is in the log (a new dqlite leader answers only
    /// after it has applied everything committed), and the entry is sent again only when it is not.
    public func commit(_ entry: ReplicaEntry, statements: [ReplicaStatement]) throws {
        try lock.withLock { _ in
            var commitSent = false
            do {
                try send(entry, statements, commitSent: &commitSent)
            } catch StoreError.clusterUnavailable(let reason) where commitSent {
                throw StoreError.clusterUnavailable("COMMIT was sent, then the leader was lost (\(reason)): the write may have been committed")
            }
        }
    }

    private func send(_ entry: ReplicaEntry, _ statements: [ReplicaStatement], commitSent: inout Bool) throws {
        try link.run { connection, database in
            if commitSent, let stored = try Self.stored(entry.seq, connection, database) {
                if stored == entry.changeset { return }
                throw ReplicationConflict()
            }
            commitSent = false
            _ = try connection.execSQL(database: database, "BEGIN")
            do {
                // References are checked at COMMIT: a cascade on the leader may order rows otherwise than on the writer.
                _ = try connection.execSQL(database: database, "PRAGMA defer_foreign_keys = ON")
                do {
                    _ = try connection.execSQL(database: database, "INSERT INTO cluster_log (seq, changeset) VALUES (?, ?)",
                                               [.integer(Int64(entry.seq)), .blob(entry.changeset)])
                } catch let error as DqliteError where error.isConstraint {
                    throw ReplicationConflict()
                }
                for statement in statements {
                    _ = try connection.execSQL(database: database, statement.sql, statement.values.map(Self.value))
                }
                commitSent = true
                _ = try connection.execSQL(database: database, "COMMIT")
            } catch let error as DqliteError where commitSent && error.isLeaderChange {
                throw error  // the outcome is unknown: the next leader is asked first (commitSent stays set)
            } catch {
                commitSent = false
                _ = try? connection.execSQL(database: database, "ROLLBACK")
                throw error
            }
        }
    }

    /// Runs `body` on the leader's connection and database (bootstrap, dump, membership).
    func onLeader<T: Sendable>(_ body: (DqliteConnection, UInt32) throws -> T) throws -> T {
        try lock.withLock { _ in try link.run(body) }
    }

    private static func stored(_ seq: Int, _ connection: DqliteConnection, _ database: UInt32) throws -> [UInt8]? {
        let rows = try connection.querySQL(database: database, "SELECT changeset FROM cluster_log WHERE seq = ?", [.integer(Int64(seq))])
        guard let row = rows.rows.first, case let .blob(bytes)? = row.first else { return nil }
        return bytes
    }

    private static func entry(_ row: [DqliteValue]) throws -> ReplicaEntry {
        guard row.count == 2, case let .integer(seq) = row[0], case let .blob(changeset) = row[1] else {
            throw StoreError.replication("the cluster's log holds a malformed row")
        }
        return ReplicaEntry(seq: Int(seq), changeset: changeset)
    }

    static func value(_ value: StoredValue) -> DqliteValue {
        switch value {
        case let .integer(integer): .integer(integer)
        case let .real(real): .float(real)
        case let .text(text): .text(text)
        case let .blob(blob): .blob(blob)
        case .null: .null
        }
    }
}
