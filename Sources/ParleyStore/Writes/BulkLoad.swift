/// Loading many records at once (`parley import`), linear in their number.
extension Store {
    /// The tables whose secondary indexes a bulk load rebuilds: every table a record is written to, and the feed.
    static let bulkLoadedTables: [String] = {
        var tables: [String] = []
        for collection in RecordCollection.allCases {
            for table in [collection.record.table] + collection.owned.map(\.table) where !tables.contains(table) {
                tables.append(table)
            }
        }
        return tables + ["record_sources", "changes"]
    }()

    /// Runs `body`, which creates many records, inside the caller's write transaction, as one bulk load: the tables'
    /// secondary indexes are dropped first and created again after (one sort each, instead of a random B-tree insert
    /// per row, which at a million rows no cache holds), so are their triggers (the maintained counts), the derived
    /// data (search index, counts) is rebuilt once at the end instead of per record (the meetings' stored bodies too,
    /// unless `body` stored every one with `storeLoadedBody`), and SQLite's page cache is
    /// raised for the duration. The stored result is the one the same creates would leave one by one; if `body`
    /// throws, the caller's transaction rolls all of it back, indexes included.
    ///
    /// The records' `create` changes are appended at the end too (before the triggers are back: the rebuild counts
    /// them), one statement per collection, in `order` and, within a collection, in the order they were created
    /// (their rowids): the feed a record-by-record load would have written. So the tables of `order` must hold nothing
    /// but the loaded records (an import has removed the seed's).
    public func bulkLoad<T>(order: [RecordCollection], actor: String, _ body: () throws -> T) throws -> T {
        precondition(database.isInTransaction, "bulkLoad runs inside a write transaction")
        let list = Self.bulkLoadedTables.map { "'\($0)'" }.joined(separator: ", ")
        let statement = try database.prepare("""
            SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
                AND tbl_name IN (\(list))
            ORDER BY type, name
            """)
        var dropped: [(type: String, name: String, sql: String)] = []
        while try statement.step() { dropped.append((statement.text(0), statement.text(1), statement.text(2))) }
        try database.execute("PRAGMA cache_size = -\(Database.bulkLoadCacheKiB)")
        try database.execute("PRAGMA threads = \(Database.bulkLoadSortThreads)")
        defer {
            try? database.execute("PRAGMA threads = 0")
            try? database.execute("PRAGMA cache_size = -\(Database.cacheKiB)")
        }
        for object in dropped { try database.execute("DROP \(object.type.uppercased()) \"\(object.name)\"") }
        // The loaded meetings' bodies are stored by the loader as it goes (`storeLoadedBody`) or rendered at the end:
        // none is kept from before.
        try StoredBodies.clear(in: database)
        isBulkLoading = true
        let result: T
        do {
            defer { isBulkLoading = false }
            result = try body()
        }
        // One time for the whole load, formatted once: the column's default would format it again for every row.
        let now = try database.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")
        let at = try now.step() ? now.text(0) : ""
        now.reset()
        for collection in order {
            let statement = try database.prepare("""
                INSERT INTO changes (at, collection, record_id, operation, actor)
                SELECT ?2, '\(collection.rawValue)', id, 'create', ?1 FROM \(collection.rawValue) ORDER BY rowid
                """)
            try statement.bind(1, actor)
            try statement.bind(2, at)
            try statement.run()
        }
        try database.execute("PRAGMA cache_size = -\(Database.indexBuildCacheKiB)")
        for object in dropped { try database.execute(object.sql) }
        try database.execute("PRAGMA cache_size = -\(Database.bulkLoadCacheKiB)")
        let bodiesStored = try StoredBodies.everyMeetingHasOne(in: database)
        try DerivedData.rebuild(in: database, keepingBodies: bodiesStored)
        if !bodiesStored { try renderAllBodies() }
        return result
    }
}
