/// A store whose file is a replica of a cluster: writes go to the cluster first, and the file follows the cluster's
/// log entry by entry.
extension Store {
    /// The log of applied entries, in the replica and in the cluster database alike. Not a migration: a file that never
    /// joined a cluster has none.
    public static let replicaLogSchema = "CREATE TABLE IF NOT EXISTS cluster_log (seq INTEGER PRIMARY KEY, changeset BLOB NOT NULL)"
    /// The cluster's name, set once when it is made: copied with every dump, never written by a write.
    static let identitySchema = "CREATE TABLE IF NOT EXISTS cluster_identity (id TEXT NOT NULL)"
    /// Tables of the cluster's own, not of the records: never in a changeset.
    static let clusterTables = ["cluster_log", "cluster_identity"]

    private static let lastEntry = SQL("SELECT coalesce(max(seq), 0) FROM cluster_log")
    private static let insertEntry = SQL("INSERT INTO cluster_log (seq, changeset) VALUES (?1, ?2)")
    private static let changedRecords = SQL("SELECT collection, record_id FROM changes WHERE seq > ?1 ORDER BY seq")

    /// Entries read from the cluster at once.
    public static let entriesPerBatch = 256

    /// How many times a write is tried again after its turn was lost with the leader (or another entry took its seq).
    static let conflictRetries = 16

    /// Makes this file a new cluster's first state: an empty log and the cluster's name.
    public func prepareReplica(identity: String) throws {
        try database.transaction(immediate: true) {
            try database.execute(Self.replicaLogSchema)
            try database.execute("DELETE FROM cluster_log")
            try database.execute(Self.identitySchema)
            try database.execute("DELETE FROM cluster_identity")
            let statement = try database.prepare("INSERT INTO cluster_identity (id) VALUES (?1)")
            try statement.bind(1, identity)
            try statement.run()
        }
        knownReplicaFile = true
    }

    /// The name of the cluster this file is a replica of; nil for a file that is none.
    public func replicaIdentity() throws -> String? {
        guard try isReplica() else { return nil }
        let statement = try database.prepare("SELECT id FROM cluster_identity")
        return try statement.step() ? statement.text(0) : nil
    }

    /// Makes a copy of a replica (a backup) a plain Parley file again: the cluster's tables go.
    public func leaveCluster() throws {
        try database.transaction(immediate: true) {
            for table in Self.clusterTables { try database.execute("DROP TABLE IF EXISTS \(table)") }
        }
        try database.execute("VACUUM")
        knownReplicaFile = false
    }

    /// Whether the file is a cluster's replica, read once per connection (a file becomes one only by `prepareReplica`
    /// or a dump, never under a running server).
    func isReplicaFile() throws -> Bool {
        if let known = knownReplicaFile { return known }
        let known = try isReplica()
        knownReplicaFile = known
        return known
    }

    /// The seq of the last entry this replica applied (0 before any).
    public func appliedEntry() throws -> Int {
        try database.withStatement(Self.lastEntry) { try $0.step() ? $0.int(0) : 0 }
    }

    /// Applies what the cluster committed since this replica's last entry, in order, each batch in one transaction;
    /// returns how many entries were applied. Followers call it in a loop; a write calls it before it starts.
    @discardableResult
    public func applyCommitted(from replication: any WriteReplication, limit: Int = entriesPerBatch) throws -> Int {
        var applied = 0
        while true {
            let entries = try replication.entries(after: try appliedEntry(), limit: limit)
            guard !entries.isEmpty else { return applied }
            let count = try database.transaction(immediate: true) { try apply(entries) }
            noteLocalWrite()
            applied += count
            if count < limit { return applied }
        }
    }

    /// Applies those of `entries` that come next, inside the caller's transaction, and returns how many did.
    func apply(_ entries: [ReplicaEntry]) throws -> Int {
        var last = try appliedEntry()
        var count = 0
        for entry in entries where entry.seq > last {
            guard entry.seq == last + 1 else {
                throw StoreError.replication("entry \(entry.seq) arrived after \(last): one is missing")
            }
            let changesBefore = try readDataVersion()
            // In the order the writer made them, so each row's references exist when it arrives; a row a cascade
            // already removed (a parent's delete took its children) is deleted again as a no-op.
            for statement in try statements(applying: entry.changeset) {
                try database.withStatement(text: statement.sql) { prepared in
                    for (index, value) in statement.values.enumerated() { try prepared.bind(Int32(index + 1), value) }
                    try prepared.run()
                }
            }
            try record(entry)
            try reindexChanges(after: changesBefore)
            last = entry.seq
            count += 1
        }
        // Bodies are derived data too: the entries' rows fired the triggers that queued them.
        try renderStaleBodies()
        return count
    }

    /// The search index is derived data, kept by each node: rebuilt for the records an entry changed.
    private func reindexChanges(after seq: Int) throws {
        var changed: [(RecordCollection, String)] = []
        try database.withStatement(Self.changedRecords) { statement in
            try statement.bind(1, seq)
            while try statement.step() {
                if let collection = RecordCollection(rawValue: statement.text(0)) { changed.append((collection, statement.text(1))) }
            }
        }
        for (collection, id) in changed { try reindex(collection, id: id) }
    }

    private func record(_ entry: ReplicaEntry) throws {
        try database.withStatement(Self.insertEntry) { statement in
            try statement.bind(1, entry.seq)
            try statement.bind(2, blob: entry.changeset)
            try statement.run()
        }
    }

    /// A write on a replica: the write runs on this file inside its write transaction, with its rows recorded; the
    /// cluster commits them as the next entry; only then does this file commit, so the node that took the request
    /// reads its own write the moment it is acknowledged.
    ///
    /// The write runs in the cluster's turn (`WriteReplication.takeTurn`): between catching up and committing, no
    /// other node's entry can take its seq. Writes that raced instead, caught up and committed optimistically, starved:
    /// a node whose writes took longer than the gaps in another node's steady stream lost every race (16 in a row,
    /// 2 s, in the cluster test's three writers on two cores). Most of what the entries bring is applied before the
    /// turn is taken, so the turn holds the leader's write lock for the write's own work and a few round trips.
    func replicatedWrite<T>(through replication: any WriteReplication, _ body: () throws -> T) throws -> T {
        for _ in 0..<Self.conflictRetries {
            do {
                return try database.transaction(immediate: true) {
                    // Caught up under this file's write lock, so no other entry is applied here before the write's own.
                    try catchUp(through: replication)
                    try replication.takeTurn()
                    do {
                        try catchUp(through: replication)
                        let capture = ChangeCapture(database: database, shapes: try replicatedShapes())
                        let result = try body()
                        let changes = try capture.finish()
                        guard !changes.isEmpty else {
                            replication.endTurn()
                            return result
                        }
                        let entry = ReplicaEntry(seq: try appliedEntry() + 1, changeset: Changeset.encode(changes))
                        try replication.commit(entry, statements: try statements(for: changes))
                        try record(entry)
                        return result
                    } catch {
                        replication.endTurn()
                        throw error
                    }
                }
            } catch is ReplicationConflict {
                continue
            }
        }
        throw StoreError.clusterUnavailable("\(Self.conflictRetries) attempts lost their turn with the leader")
    }

    /// Applies, inside the caller's transaction, every entry the cluster committed that this file lacks.
    private func catchUp(through replication: any WriteReplication) throws {
        while try apply(replication.entries(after: try appliedEntry(), limit: Self.entriesPerBatch)) == Self.entriesPerBatch {}
    }

    /// The tables a write's changeset covers, with their columns: every table but SQLite's own, the derived ones
    /// (the search index and the maintained counts: each node derives its own) and the log itself.
    func replicatedShapes() throws -> [String: TableShape] {
        if let cached = replicatedTableShapes { return cached }
        let derived = Set(DerivedData.tables + Self.clusterTables)
        var shapes: [String: TableShape] = [:]
        for name in try tableNames(ofType: "table") where !name.hasPrefix("sqlite_") && !derived.contains(name) {
            let statement = try database.prepare("SELECT cid, name, hidden, pk FROM pragma_table_xinfo(?1) ORDER BY cid")
            try statement.bind(1, name)
            var columns: [(cid: Int32, name: String, stored: Bool, key: Int)] = []
            while try statement.step() {
                columns.append((Int32(statement.int(0)), statement.text(1), statement.int(2) == 0, statement.int(3)))
            }
            let stored = columns.filter(\.stored)
            let key = columns.filter { $0.key > 0 }.sorted { $0.key < $1.key }
            guard !key.isEmpty else { throw StoreError.replication("\(name) has no primary key to replicate its rows by") }
            shapes[name] = TableShape(name: name, columnCount: Int32(columns.count), stored: stored.map(\.cid),
                                      storedNames: stored.map(\.name), key: key.map(\.cid), keyNames: key.map(\.name))
        }
        replicatedTableShapes = shapes
        return shapes
    }

    /// SQL that applies `changeset` to a database with this schema: the cluster's, or this replica's.
    public func statements(applying changeset: [UInt8]) throws -> [ReplicaStatement] {
        try statements(for: Changeset.rows(changeset))
    }

    /// SQL that applies `changes` (a write's, as recorded) to a database with this schema.
    func statements(for changes: [RowChange]) throws -> [ReplicaStatement] {
        let shapes = try replicatedShapes()
        return try changes.map { change in
            guard let shape = shapes[change.table] else { throw StoreError.replication("a change to \(change.table), which is not replicated") }
            let expected = change.operation == .delete ? 0 : shape.stored.count
            guard change.row.count == expected, change.operation == .insert || change.key.count == shape.key.count else {
                throw StoreError.replication("a change to \(change.table) that does not fit its columns")
            }
            let table = quoted(shape.name)
            let keyCondition = shape.keyNames.map { "\(quoted($0)) = ?" }.joined(separator: " AND ")
            switch change.operation {
            case .insert:
                let placeholders = Array(repeating: "?", count: shape.storedNames.count).joined(separator: ", ")
                return ReplicaStatement(sql: "INSERT INTO \(table) (\(shape.storedNames.map(quoted).joined(separator: ", "))) VALUES (\(placeholders))",
                                        values: change.row)
            case .update:
                let assignments = shape.storedNames.map { "\(quoted($0)) = ?" }.joined(separator: ", ")
                return ReplicaStatement(sql: "UPDATE \(table) SET \(assignments) WHERE \(keyCondition)", values: change.row + change.key)
            case .delete:
                return ReplicaStatement(sql: "DELETE FROM \(table) WHERE \(keyCondition)", values: change.key)
            }
        }
    }

    /// Names from this file's own schema, never from a client: quoted so a name such as `key` stays a name.
    func quoted(_ name: String) -> String { "\"\(name)\"" }
}

/// Copying a whole file into a new cluster's database, which takes SQL only.
extension Store {
    /// The statements that recreate this file's schema: tables (a virtual table creates its own shadow tables, so
    /// those are left out), then indexes, triggers and views.
    public func schemaStatements() throws -> [String] {
        let statement = try database.prepare("""
            SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
            ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid
            """)
        var objects: [(type: String, name: String, sql: String)] = []
        while try statement.step() { objects.append((statement.text(0), statement.text(1), statement.text(2))) }
        let shadow = Set(try tableNames(ofType: "shadow"))
        return objects.filter { !shadow.contains($0.name) }.map(\.sql)
    }

    /// Tables by what SQLite says they are: "table" (an ordinary one), "virtual", or "shadow" (a virtual table's own
    /// storage, such as an FTS5 table's `_data`, written only through it).
    private func tableNames(ofType type: String) throws -> [String] {
        let statement = try database.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = ?1 ORDER BY name")
        try statement.bind(1, type)
        var names: [String] = []
        while try statement.step() { names.append(statement.text(0)) }
        return names
    }

    /// The rows of every replicated table in batches, with the table's stored column names; `rowsOfColumns` says how
    /// many rows a batch holds for a table of so many columns.
    public func forEachReplicatedBatch(rowsOfColumns: (Int) -> Int,
                                       _ body: (_ table: String, _ columns: [String], _ rows: [[StoredValue]]) throws -> Void) throws {
        for (table, shape) in try replicatedShapes().sorted(by: { $0.key < $1.key }) {
            let columns = shape.storedNames
            let batch = max(rowsOfColumns(columns.count), 1)
            let statement = try database.prepare("SELECT \(columns.map(quoted).joined(separator: ", ")) FROM \(quoted(table))")
            var rows: [[StoredValue]] = []
            while try statement.step() {
                rows.append((0..<Int32(columns.count)).map { statement.value($0) })
                if rows.count == batch {
                    try body(table, columns, rows)
                    rows.removeAll(keepingCapacity: true)
                }
            }
            if !rows.isEmpty { try body(table, columns, rows) }
        }
    }
}

extension Store {
    /// Whether this file has been a cluster's replica (it has the log of applied entries).
    public func isReplica() throws -> Bool {
        let statement = try database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cluster_log'")
        return try statement.step()
    }

    /// Rebuilds the search tables and the maintained counts from the records: a replica made from the cluster's
    /// dump derives its own.
    public func rebuildDerivedData() throws {
        try database.transaction(immediate: true) { try DerivedData.rebuild(in: database) }
    }
}
