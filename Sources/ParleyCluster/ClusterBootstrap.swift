import DqliteClient
import ParleyStore

/// How a cluster database comes to be, and how a node's file becomes its replica.
enum ClusterBootstrap {
    /// Parameters per statement: dqlite's wire format counts them in one byte.
    static let parametersPerStatement = 255
    /// A dump or a copy moves the whole database in one exchange: a large one takes far longer than a write.
    static let bulkRequestMilliseconds = 120_000

    /// The first node's file becomes the cluster's first state: its schema (search tables included, left empty: each
    /// node derives its own) and every replicated row, in one transaction, so a crash leaves no half-made cluster.
    static func copy(_ store: Store, to replication: ClusterReplication) throws {
        let schema = try store.schemaStatements()
        try replication.onLeader { connection, database in
            connection.timeoutMilliseconds = bulkRequestMilliseconds
            defer { connection.timeoutMilliseconds = LeaderLink.requestMilliseconds }
            _ = try connection.execSQL(database: database, "BEGIN")
            do {
                // Tables are copied in name order, not in the order their references need: checked at COMMIT.
                _ = try connection.execSQL(database: database, "PRAGMA defer_foreign_keys = ON")
                for statement in schema { _ = try connection.execSQL(database: database, statement) }
                try store.forEachReplicatedBatch(rowsOfColumns: { parametersPerStatement / max($0, 1) }) { table, columns, rows in
                    let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
                    let sql = "INSERT INTO \"\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES "
                        + Array(repeating: row, count: rows.count).joined(separator: ", ")
                    _ = try connection.execSQL(database: database, sql, rows.flatMap { $0.map(ClusterReplication.value) })
                }
                // The name last: a cluster database with a name is a whole one.
                if let identity = try store.replicaIdentity() {
                    _ = try connection.execSQL(database: database, "INSERT INTO cluster_identity (id) VALUES (?)", [.text(identity)])
                }
                _ = try connection.execSQL(database: database, "COMMIT")
            } catch {
                _ = try? connection.execSQL(database: database, "ROLLBACK")
                throw error
            }
        }
    }

    /// Replaces the file at `path` with the cluster's database, as the leader's DUMP gives it (a file and its WAL,
    /// in SQLite's own formats), then derives the search tables (unless not `searchable`).
    static func dump(from replication: ClusterReplication, to path: String, searchable: Bool = true) throws {
        let files = try replication.onLeader { connection, _ in
            connection.timeoutMilliseconds = bulkRequestMilliseconds
            defer { connection.timeoutMilliseconds = LeaderLink.requestMilliseconds }
            return try connection.dump(LeaderLink.databaseName)
        }
        guard let main = files.first(where: { $0.name == LeaderLink.databaseName }) else {
            throw StoreError.replication("the leader's dump holds no database file")
        }
        let wal = files.first { $0.name == LeaderLink.databaseName + "-wal" }
        ClusterFiles.remove(path + "-shm")
        // The log first, then the file: a file without its log would be opened as the older state.
        if let wal, !wal.bytes.isEmpty { try ClusterFiles.write(path + "-wal", wal.bytes) } else { ClusterFiles.remove(path + "-wal") }
        try ClusterFiles.write(path, main.bytes)
        let store = try Store.open(path: path, mode: .existing)
        if searchable { try store.rebuildDerivedData() }
    }
}
