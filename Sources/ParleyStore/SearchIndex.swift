/// Maintains the search tables (FTS5, one per collection: `quotes_search`, `meetings_search`, `people_search`)
/// from the records they cover.
///
/// A record's row has the rowid its `<collection>_search_keys` row gives it, and keys follow the list's order:
/// FTS5 yields a word's matches in rowid order, so a search reads them already sorted and stops at the page's end.
/// A rebuild spaces keys `spacing` apart in list order; a record written later takes the midpoint between its
/// neighbours' keys (the end of the list, the common case, never runs out), and only when two neighbours' keys
/// are adjacent is the collection renumbered. Reindexing one record is a few B-tree lookups, whatever the size.
///
/// The key's row also holds the text the record was indexed with: the search tables are FTS5 *external content*
/// tables over their keys tables (migration 7), so the text is stored once, and FTS5, which removes a row's words
/// by tokenizing the text it was given, is given that text back when the record is reindexed, after the record
/// itself has changed (on a cluster's follower, after the changeset that changed it was applied).
///
/// The index is derived data: it is rebuilt inside every migration's transaction (from migration 7 on, which
/// made these tables what they are), and the write API reindexes one record with the same statements.
public enum SearchIndex {
    /// Keys between neighbours in a rebuilt index: room for twenty midpoints between any two records.
    static let spacing = 1 << 20

    /// A collection `q` searches.
    struct Searched: Sendable {
        let collection: String
        /// The list's order, as columns of the collection's table (the keys follow it).
        let order: [String]
        /// The searchable text of every record: `SELECT <body> FROM <collection> <alias> …`.
        let body: String
        /// The record's alias in `body`.
        let alias: String

        var table: String { collection + "_search" }
        var keys: String { collection + "_search_keys" }

        /// One record's key (?1) and text, for its id (?2). (Not `?2 IS NULL OR …`: SQLite could use no index
        /// through that OR.)
        var addKey: SQL {
            SQL("INSERT INTO \(keys) (key, record_id, body) SELECT ?1, \(alias).id, " + body + " WHERE \(alias).id = ?2")
        }
        /// The words of key ?1's text into the index.
        var insertRow: SQL { SQL("INSERT INTO \(table) (rowid, body) SELECT key, body FROM \(keys) WHERE key = ?1") }
        /// The words of key ?1's text out of the index: FTS5's 'delete' takes the text the row was indexed with.
        var deleteRow: SQL {
            SQL("INSERT INTO \(table) (\(table), rowid, body) SELECT 'delete', key, body FROM \(keys) WHERE key = ?1")
        }
        var keyOf: SQL { SQL("SELECT key FROM \(keys) WHERE record_id = ?1") }
        var removeKey: SQL { SQL("DELETE FROM \(keys) WHERE key = ?1") }
        var exists: SQL { SQL("SELECT 1 FROM \(collection) WHERE id = ?1") }

        /// The key of the record just before (or after) record ?1 in the list's order: one step along the order's index.
        func neighbour(before: Bool) -> SQL {
            let columns = order.map { "t." + $0 }.joined(separator: ", ")
            let direction = order.map { "t." + $0 + (before ? " DESC" : "") }.joined(separator: ", ")
            return SQL("""
                SELECT k.key FROM \(collection) t CROSS JOIN \(keys) k ON k.record_id = t.id
                WHERE (\(columns)) \(before ? "<" : ">") (SELECT \(order.joined(separator: ", ")) FROM \(collection) WHERE id = ?1)
                ORDER BY \(direction) LIMIT 1
                """)
        }

        /// Every record's key, spaced `spacing` apart in the list's order, by the record's rowid (`ranks`, a temporary
        /// table): one walk of the order's index.
        var rankAll: String {
            "INSERT INTO temp.\(SearchIndex.ranks) (r, key) SELECT rowid, row_number() OVER (ORDER BY \(order.joined(separator: ", "))) * \(spacing) FROM \(collection)"
        }

        /// Every record's key with its text, the texts made in the table's order and written in the keys' order. (Made in
        /// the list's order they cost three times as much at a million meetings: each record's row and related rows
        /// were read from wherever the list's order put them, past what the cache held.)
        var assignAll: String {
            "INSERT INTO \(keys) (key, record_id, body) SELECT o.key, \(alias).id, " + body
                + ", temp.\(SearchIndex.ranks) o WHERE o.r = \(alias).rowid ORDER BY o.key"
        }

        /// The largest key of a record at or before a list position (the cursor's components as `placeholders`), or
        /// the smallest integer: where a search's next page starts.
        func keyAtOrBefore(_ placeholders: [String]) -> String {
            let columns = order.map { "t." + $0 }
            let position = columns.count == 1 ? "\(columns[0]) <= \(placeholders[0])"
                : "(" + columns.joined(separator: ", ") + ") <= (" + placeholders.joined(separator: ", ") + ")"
            return """
                coalesce((SELECT k.key FROM \(collection) t CROSS JOIN \(keys) k ON k.record_id = t.id WHERE \(position)
                          ORDER BY \(columns.map { $0 + " DESC" }.joined(separator: ", ")) LIMIT 1), -9223372036854775808)
                """
        }
    }

    static let people = Searched(collection: "people", order: ["id"], body: """
        p.name || ' ' || p.summary
            || ' ' || coalesce((SELECT group_concat(alias, ' ') FROM person_aliases WHERE person_id = p.id), '')
            || ' ' || coalesce((SELECT group_concat(title, ' ') FROM posts WHERE person_id = p.id), '')
        FROM people p
        """, alias: "p")

    static let meetings = Searched(collection: "meetings", order: ["date", "id"], body: """
        m.title || ' ' || m.summary
            || ' ' || coalesce(m.location_city, '') || ' ' || coalesce(m.location_country, '')
            || ' ' || coalesce((SELECT group_concat(pe.name, ' ') FROM meeting_participants mp
                                JOIN people pe ON pe.id = mp.person_id WHERE mp.meeting_id = m.id), '')
            || ' ' || coalesce((SELECT group_concat(pa.alias, ' ') FROM meeting_participants mp
                                JOIN person_aliases pa ON pa.person_id = mp.person_id WHERE mp.meeting_id = m.id), '')
            || ' ' || coalesce((SELECT group_concat(pa.name, ' ') FROM meeting_parties mp
                                JOIN parties pa ON pa.id = mp.party_id WHERE mp.meeting_id = m.id), '')
        FROM meetings m
        """, alias: "m")

    static let quotes = Searched(collection: "quotes", order: ["reading_key"], body: """
        q.text || ' ' || q.attribution || ' ' || coalesce(pe.name, '')
            || ' ' || coalesce((SELECT group_concat(alias, ' ') FROM person_aliases WHERE person_id = q.speaker_id), '')
        FROM quotes q LEFT JOIN people pe ON pe.id = q.speaker_id
        """, alias: "q")

    static let all = [quotes, meetings, people]

    /// The collections `q` searches.
    public static let collections = all.map(\.collection)

    /// Statements are cached by the identity of their SQL object: each is made once.
    struct Statements: Sendable {
        let addKey, insertRow, deleteRow, keyOf, removeKey, exists, before, after: SQL
        init(_ searched: Searched) {
            addKey = searched.addKey
            insertRow = searched.insertRow
            deleteRow = searched.deleteRow
            keyOf = searched.keyOf
            removeKey = searched.removeKey
            exists = searched.exists
            before = searched.neighbour(before: true)
            after = searched.neighbour(before: false)
        }
    }

    private static let statements = Dictionary(uniqueKeysWithValues: all.map { ($0.collection, ($0, Statements($0))) })

    /// Rebuilds the whole index (every migration from the one that made these tables what they are, 7, on; before
    /// it the tables had other columns, and migration 7 rebuilds what the earlier ones left).
    public static func rebuild(in database: Database) throws {
        guard try database.hasColumn("body", in: "quotes_search_keys") else { return }
        for searched in all { try rebuild(searched, in: database) }
    }

    /// FTS5's defaults, which its settings for a rebuild are set back to (they persist in the table's `_config`).
    static let automerge = 4, hashBytes = 1 << 20
    /// Pending doclists held in memory during a rebuild before FTS5 writes them out as a segment.
    static let rebuildHashBytes = 256 << 20

    /// The rowid of the word a rebuild writes and removes again (see `rebuild`): the smallest integer, no key's.
    static let scratchRowid = Int64.min

    /// The temporary table of a rebuild's keys by rowid (the connection's own; emptied after each collection).
    static let ranks = "search_ranks"

    static func rebuild(_ searched: Searched, in database: Database) throws {
        try database.execute("DELETE FROM \(searched.keys)")
        try database.execute("CREATE TEMP TABLE IF NOT EXISTS \(ranks) (r INTEGER PRIMARY KEY, key INTEGER NOT NULL)")
        try database.execute(searched.rankAll)
        try database.execute(searched.assignAll)
        try database.execute("DELETE FROM temp.\(ranks)")
        // A few large segments, none merged until the end: with its defaults FTS5 writes a segment per megabyte of
        // doclists and keeps merging them as they come, and at a million records those merges were most of the
        // rebuild. 'rebuild' drops the old index and tokenizes every key's text in key order (FTS5 appends to its
        // in-memory doclists only while rowids grow); the one 'optimize' below merges what it wrote once.
        try configure(searched, automerge: 0, hashBytes: rebuildHashBytes, in: database)
        try database.execute("INSERT INTO \(searched.table) (\(searched.table)) VALUES ('rebuild')")
        try configure(searched, automerge: automerge, hashBytes: hashBytes, in: database)
        // One segment, a level above the writes' own: a query then reads one doclist per word. 'rebuild' writes one
        // segment on level 0, which 'optimize' leaves where it is when it is alone; there the segments of the next
        // few writes join it, and the automerge rewrote all of it inside one write (0.8 s at 400,000 quotes, 7 s at
        // four million). A word put in and taken out under a rowid no key takes (keys start at `spacing` and go
        // below it by `spacing` at a time) is a second segment, and 'optimize' merges the two into level 1.
        try database.execute("INSERT INTO \(searched.table) (rowid, body) VALUES (\(Self.scratchRowid), 'x')")
        try database.execute("INSERT INTO \(searched.table) (\(searched.table), rowid, body) VALUES ('delete', \(Self.scratchRowid), 'x')")
        try database.execute("INSERT INTO \(searched.table) (\(searched.table)) VALUES ('optimize')")
    }

    private static func configure(_ searched: Searched, automerge: Int, hashBytes: Int, in database: Database) throws {
        try database.execute("INSERT INTO \(searched.table) (\(searched.table), rank) VALUES ('automerge', \(automerge))")
        try database.execute("INSERT INTO \(searched.table) (\(searched.table), rank) VALUES ('hashsize', \(hashBytes))")
    }

    /// Reindexes one record: its row is replaced, under a key between its neighbours', or removed with its key when
    /// the record is gone.
    public static func reindex(collection: String, id: String, in database: Database) throws {
        guard let (searched, sql) = statements[collection] else { return }
        func key(_ statement: SQL, _ text: String) throws -> Int? {
            try database.withStatement(statement) {
                try $0.bind(1, text)
                return try $0.step() ? $0.int(0) : nil
            }
        }
        func run(_ statement: SQL, _ values: [SQLValue]) throws {
            try database.withStatement(statement) { statement in
                try ListParameters(slots: values).bind(statement)
                try statement.run()
            }
        }
        if let old = try key(sql.keyOf, id) {
            try run(sql.deleteRow, [.int(old)])
            try run(sql.removeKey, [.int(old)])
        }
        guard try key(sql.exists, id) != nil else { return }
        let before = try key(sql.before, id)
        let after = try key(sql.after, id)
        let new: Int
        switch (before, after) {
        case (nil, nil): new = spacing
        case let (before?, nil): new = before + spacing
        case let (nil, after?): new = after - spacing
        case let (before?, after?) where after - before > 1: new = before + (after - before) / 2
        default:
            // No integer between the neighbours: renumber the collection (rare: twenty writes into one gap).
            try rebuild(searched, in: database)
            return
        }
        try run(sql.addKey, [.int(new), .text(id)])
        try run(sql.insertRow, [.int(new)])
    }
}
