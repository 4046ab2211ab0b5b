/// What a change in the feed did to its record.
public enum ChangeOperation: String, Sendable, CaseIterable {
    case create, update, delete
}

/// A draft the store can save: its collection, its id, and how its rows are written.
public protocol StoredDraft: Sendable, Equatable {
    static var collection: RecordCollection { get }
    var id: String { get }
    /// Writes the record's own rows: inserts the main row when `isNew`, else updates it, and replaces its child rows
    /// (aliases, posts, memberships, roles, topics, sources); a new record has none of its own to delete first (a
    /// party's memberships are shared with the other party, so a new party still clears them). Called inside a write
    /// transaction.
    func save(in store: Store, isNew: Bool) throws
}

/// Creating, replacing and deleting records. Each runs inside `write`, which holds the write lock for the whole
/// transaction: the record's rows, its search-index entry and its change are committed together or not at all.
extension Store {
    /// Runs `body` in one write transaction. `BEGIN IMMEDIATE` takes SQLite's write lock up front, so concurrent
    /// writers (other loops, other processes) wait for it within the busy timeout instead of failing halfway; past
    /// the timeout this throws `StoreError.busy`. Committed when `body` returns, rolled back when it throws.
    public func write<T>(_ body: () throws -> T) throws -> T {
        defer { noteLocalWrite() }
        // What the write made stale is rendered before it commits, so no reader sees a meeting without its body.
        let rendered = { () throws -> T in
            let result = try body()
            try self.renderStaleBodies()
            return result
        }
        if let replication { return try replicatedWrite(through: replication, rendered) }
        if try isReplicaFile() { throw StoreError.replicaWithoutCluster(path: database.path) }
        return try database.transaction(immediate: true, rendered)
    }

    /// Inserts a new record and appends its `create` change; returns the change's sequence number.
    @discardableResult
    public func create<Draft: StoredDraft>(_ draft: Draft, actor: String) throws -> Int {
        try draft.save(in: self, isNew: true)
        // A bulk load indexes and logs its records once, at its end (`bulkLoad`), in the order they were created.
        if isBulkLoading { return 0 }
        try reindex(Draft.collection, id: draft.id)
        return try recordChange(Draft.collection, id: draft.id, operation: .create, actor: actor)
    }

    /// Replaces an existing record's fields and rows and appends an `update` change.
    @discardableResult
    public func update<Draft: StoredDraft>(_ draft: Draft, actor: String) throws -> Int {
        try draft.save(in: self, isNew: false)
        try reindex(Draft.collection, id: draft.id)
        return try recordChange(Draft.collection, id: draft.id, operation: .update, actor: actor)
    }

    /// Deletes a record no other record refers to (else `StoreError.stillReferenced`) and appends a `delete` change.
    @discardableResult
    public func delete(_ collection: RecordCollection, id: String, actor: String) throws -> Int {
        let referrers = try references(to: collection, id: id, limit: 1)
        guard referrers.isEmpty else { throw StoreError.stillReferenced(referrers) }
        try setRecordSources(collection, id: id, [])
        // The record's own child rows go with it (ON DELETE CASCADE).
        try run(collection.record.delete, id)
        try SearchIndex.reindex(collection: collection.rawValue, id: id, in: database)
        return try recordChange(collection, id: id, operation: .delete, actor: actor)
    }

    /// Whether a record exists.
    public func exists(_ collection: RecordCollection, id: String) throws -> Bool {
        try name(of: collection, id: id) != nil
    }

    /// The name (a meeting's title) of a record, or nil when there is none with that id.
    public func name(of collection: RecordCollection, id: String) throws -> String? {
        try database.withStatement(collection.record.name) { statement in
            try statement.bind(1, id)
            return try statement.step() ? statement.text(0) : nil
        }
    }

    /// The text of a source paragraph, or nil when the source has no such paragraph.
    public func paragraphText(source: String, number: Int) throws -> String? {
        try database.withStatement(WriteSQL.paragraph) { statement in
            try statement.bind(1, source)
            try statement.bind(2, number)
            return try statement.step() ? statement.text(0) : nil
        }
    }

    /// Records that refer to this one, and in which field, sorted by collection and id: every one, or with `limit`
    /// at most that many (a refused DELETE names a few; it need not count a party's million meetings).
    public func references(to collection: RecordCollection, id: String, limit: Int? = nil) throws -> [RecordReference] {
        guard let sql = collection.referencesSQL else { return [] }
        return try database.withStatement(sql) { statement in
            try statement.bind(1, id)
            try statement.bind(2, limit ?? -1)  // a negative LIMIT is none
            var found: [RecordReference] = []
            while try statement.step() {
                found.append(RecordReference(collection: RecordCollection(rawValue: statement.text(0)) ?? .meetings,
                                             id: statement.text(1), field: statement.text(2)))
            }
            // Sorted here, not in SQL: a UNION's ORDER BY would sort every referrer before the LIMIT.
            return found.sorted { ($0.collection.rawValue, $0.id, $0.field) < ($1.collection.rawValue, $1.id, $1.field) }
        }
    }

    // MARK: shared by the collections' saves

    /// Appends a change; returns its sequence number.
    @discardableResult
    public func recordChange(_ collection: RecordCollection, id: String, operation: ChangeOperation, actor: String) throws -> Int {
        try database.withStatement(WriteSQL.insertChange) { statement in
            try statement.bind(1, collection.rawValue)
            try statement.bind(2, id)
            try statement.bind(3, operation.rawValue)
            try statement.bind(4, actor)
            try statement.run()
        }
        return database.lastInsertRowID
    }

    /// Replaces the paragraphs a record comes from.
    func setRecordSources(_ collection: RecordCollection, id: String, _ sources: [SourceRef], isNew: Bool = false) throws {
        if !isNew {
            try database.withStatement(WriteSQL.deleteRecordSources) { statement in
                try statement.bind(1, collection.rawValue)
                try statement.bind(2, id)
                try statement.run()
            }
        }
        for source in sources {
            try database.withStatement(WriteSQL.insertRecordSource) { statement in
                try statement.bind(1, collection.rawValue)
                try statement.bind(2, id)
                try statement.bind(3, source.source)
                try statement.bind(4, source.paragraph)
                try statement.run()
            }
        }
    }

    /// Runs a statement that takes the record id as ?1 and further text or integer parameters.
    func run(_ sql: SQL, _ id: String, _ values: SQLValue...) throws {
        try run(sql, id, values)
    }

    func run(_ sql: SQL, _ id: String, _ values: [SQLValue]) throws {
        try database.withStatement(sql) { statement in
            try statement.bind(1, id)
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 2)
                switch value {
                case let .text(text): try statement.bind(index, text)
                case let .int(number): try statement.bind(index, number)
                }
            }
            try statement.run()
        }
    }

    /// Reindexes the record and the records whose indexed text includes its name (a person's meetings and quotes,
    /// a party's meetings).
    func reindex(_ collection: RecordCollection, id: String) throws {
        try SearchIndex.reindex(collection: collection.rawValue, id: id, in: database)
        guard collection == .people || collection == .parties else { return }
        for reference in try references(to: collection, id: id)
        where reference.collection == .meetings || reference.collection == .quotes {
            try SearchIndex.reindex(collection: reference.collection.rawValue, id: reference.id, in: database)
        }
    }
}

/// A parameter of a write statement.
enum SQLValue {
    case text(String?)
    case int(Int?)
}

/// The statements every collection shares (each collection's own are derived from its tables: `RecordTables.swift`).
enum WriteSQL {
    static let insertChange = SQL("INSERT INTO changes (collection, record_id, operation, actor) VALUES (?1, ?2, ?3, ?4)")
    static let deleteRecordSources = SQL("DELETE FROM record_sources WHERE collection = ?1 AND record_id = ?2")
    static let insertRecordSource = SQL("""
        INSERT INTO record_sources (collection, record_id, source_id, paragraph) VALUES (?1, ?2, ?3, ?4)
        """)
    static let paragraph = SQL("SELECT text FROM paragraphs WHERE source_id = ?1 AND number = ?2")
}

extension Store {
    /// Deletes every record of every collection, appending a `delete` change for each (for `parley import`, inside
    /// its transaction with foreign keys deferred). Returns how many.
    public func removeAllRecords(actor: String) throws -> Int {
        var removed = 0
        for collection in RecordCollection.allCases {
            let ids = try database.withStatement(collection.record.allIDs) { statement in
                var ids: [String] = []
                while try statement.step() { ids.append(statement.text(0)) }
                return ids
            }
            for id in ids {
                try setRecordSources(collection, id: id, [])
                try run(collection.record.delete, id)
                try SearchIndex.reindex(collection: collection.rawValue, id: id, in: database)
                try recordChange(collection, id: id, operation: .delete, actor: actor)
                removed += 1
            }
        }
        return removed
    }
}
