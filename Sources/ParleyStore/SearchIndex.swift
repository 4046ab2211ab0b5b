/// Maintains the search tables (FTS5, one per collection: `quotes_search`, `meetings_search`, `people_search`)
/// from the records they cover. A record's row in its table has the rowid `search_keys` gives it, so reindexing or
/// deleting one record is a handful of B-tree lookups, whatever the size of the index.
///
/// The index is derived data: it is rebuilt inside every migration's transaction (from migration 4 on, which
/// created these tables), and the write API reindexes one record with the same statements.
public enum SearchIndex {
    /// A collection `q` searches: its table and the text of one record's row.
    struct Searched {
        let collection: String
        /// The FTS5 table.
        let table: String
        /// The searchable text of every record: `SELECT <key>, <body> FROM …`.
        let body: String
        /// The record's alias in `body`, to select one.
        let alias: String

        /// One record's row, the record's id as ?1. (Not `?1 IS NULL OR …`: SQLite could use no index through it.)
        var insertOne: SQL { SQL("INSERT INTO \(table) (rowid, body) " + body + " WHERE \(alias).id = ?1") }
        var insertAll: String { "INSERT INTO \(table) (rowid, body) " + body }
        var deleteRow: SQL { SQL("DELETE FROM \(table) WHERE rowid = ?1") }
    }

    static let people = Searched(collection: "people", table: "people_search", body: """
        SELECT k.key, p.name || ' ' || p.summary
            || ' ' || coalesce((SELECT group_concat(alias, ' ') FROM person_aliases WHERE person_id = p.id), '')
            || ' ' || coalesce((SELECT group_concat(title, ' ') FROM posts WHERE person_id = p.id), '')
        FROM people p JOIN search_keys k ON k.collection = 'people' AND k.record_id = p.id
        """, alias: "p")

    static let meetings = Searched(collection: "meetings", table: "meetings_search", body: """
        SELECT k.key, m.title || ' ' || m.summary
            || ' ' || coalesce(m.location_city, '') || ' ' || coalesce(m.location_country, '')
            || ' ' || coalesce((SELECT group_concat(pe.name, ' ') FROM meeting_participants mp
                                JOIN people pe ON pe.id = mp.person_id WHERE mp.meeting_id = m.id), '')
            || ' ' || coalesce((SELECT group_concat(pa.alias, ' ') FROM meeting_participants mp
                                JOIN person_aliases pa ON pa.person_id = mp.person_id WHERE mp.meeting_id = m.id), '')
            || ' ' || coalesce((SELECT group_concat(pa.name, ' ') FROM meeting_parties mp
                                JOIN parties pa ON pa.id = mp.party_id WHERE mp.meeting_id = m.id), '')
        FROM meetings m JOIN search_keys k ON k.collection = 'meetings' AND k.record_id = m.id
        """, alias: "m")

    static let quotes = Searched(collection: "quotes", table: "quotes_search", body: """
        SELECT k.key, q.text || ' ' || q.attribution || ' ' || coalesce(pe.name, '')
            || ' ' || coalesce((SELECT group_concat(alias, ' ') FROM person_aliases WHERE person_id = q.speaker_id), '')
        FROM quotes q JOIN search_keys k ON k.collection = 'quotes' AND k.record_id = q.id
        LEFT JOIN people pe ON pe.id = q.speaker_id
        """, alias: "q")

    static let all = [quotes, meetings, people]

    /// The collections `q` searches.
    public static let collections = all.map(\.collection)

    static func searched(_ collection: String) -> Searched? {
        all.first { $0.collection == collection }
    }

    // Statements are cached by the identity of their SQL object: keep one per collection.
    private static let inserts = Dictionary(uniqueKeysWithValues: all.map { ($0.collection, $0.insertOne) })
    private static let deletes = Dictionary(uniqueKeysWithValues: all.map { ($0.collection, $0.deleteRow) })

    static let keyOf = SQL("SELECT key FROM search_keys WHERE collection = ?1 AND record_id = ?2")
    static let addKey = SQL("INSERT INTO search_keys (collection, record_id) VALUES (?1, ?2)")
    static let removeKey = SQL("DELETE FROM search_keys WHERE key = ?1")
    static let recordExists: [String: SQL] = [
        "quotes": SQL("SELECT 1 FROM quotes WHERE id = ?1"),
        "meetings": SQL("SELECT 1 FROM meetings WHERE id = ?1"),
        "people": SQL("SELECT 1 FROM people WHERE id = ?1"),
    ]

    /// Rebuilds the whole index (every migration from the one that created these tables on).
    public static func rebuild(in database: Database) throws {
        // Before migration 4 the schema had one table for all collections, which the seed filled itself.
        let present = try database.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_keys'")
        guard try present.step() else { return }
        try database.execute("DELETE FROM search_keys")
        for searched in all {
            try database.execute("DELETE FROM \(searched.table)")
            try database.execute("""
                INSERT INTO search_keys (collection, record_id) SELECT '\(searched.collection)', id FROM \(searched.collection)
                """)
            try database.execute(searched.insertAll)
        }
    }

    /// Reindexes one record: its row is replaced, or removed with its key when the record is gone.
    public static func reindex(collection: String, id: String, in database: Database) throws {
        guard let insert = inserts[collection], let delete = deletes[collection],
              let exists = recordExists[collection] else { return }
        let key = try database.withStatement(keyOf) { statement -> Int? in
            try statement.bind(1, collection)
            try statement.bind(2, id)
            return try statement.step() ? statement.int(0) : nil
        }
        if let key {
            try database.withStatement(delete) {
                try $0.bind(1, key)
                try $0.run()
            }
        }
        let present = try database.withStatement(exists) {
            try $0.bind(1, id)
            return try $0.step()
        }
        guard present else {
            if let key {
                try database.withStatement(removeKey) {
                    try $0.bind(1, key)
                    try $0.run()
                }
            }
            return
        }
        if key == nil {
            try database.withStatement(addKey) {
                try $0.bind(1, collection)
                try $0.bind(2, id)
                try $0.run()
            }
        }
        try database.withStatement(insert) {
            try $0.bind(1, id)
            try $0.run()
        }
    }
}
