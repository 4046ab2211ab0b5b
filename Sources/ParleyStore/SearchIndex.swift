/// Maintains `search_index` (FTS5) from the records it covers: quotes, meetings and people.
/// The index is derived data, so it is rebuilt inside every migration's transaction (whatever a seed
/// wrote into it), and the write API reindexes one record with the same statements.
public enum SearchIndex {
    /// The collections `q` searches.
    public static let collections = ["quotes", "meetings", "people"]

    // Each statement takes ?1 = a record id, or NULL for every record.
    static let deleteSQL = SQL("DELETE FROM search_index WHERE collection = ?2 AND (?1 IS NULL OR record_id = ?1)")

    static let peopleSQL = SQL("""
        INSERT INTO search_index (collection, record_id, body)
        SELECT 'people', p.id, p.name || ' ' || p.summary
            || ' ' || coalesce((SELECT group_concat(alias, ' ') FROM person_aliases WHERE person_id = p.id), '')
            || ' ' || coalesce((SELECT group_concat(title, ' ') FROM posts WHERE person_id = p.id), '')
        FROM people p WHERE (?1 IS NULL OR p.id = ?1)
        """)

    static let meetingsSQL = SQL("""
        INSERT INTO search_index (collection, record_id, body)
        SELECT 'meetings', m.id, m.title || ' ' || m.summary
            || ' ' || coalesce(m.location_city, '') || ' ' || coalesce(m.location_country, '')
            || ' ' || coalesce((SELECT group_concat(pe.name, ' ') FROM meeting_participants mp
                                JOIN people pe ON pe.id = mp.person_id WHERE mp.meeting_id = m.id), '')
            || ' ' || coalesce((SELECT group_concat(pa.alias, ' ') FROM meeting_participants mp
                                JOIN person_aliases pa ON pa.person_id = mp.person_id WHERE mp.meeting_id = m.id), '')
            || ' ' || coalesce((SELECT group_concat(pa.name, ' ') FROM meeting_parties mp
                                JOIN parties pa ON pa.id = mp.party_id WHERE mp.meeting_id = m.id), '')
        FROM meetings m WHERE (?1 IS NULL OR m.id = ?1)
        """)

    static let quotesSQL = SQL("""
        INSERT INTO search_index (collection, record_id, body)
        SELECT 'quotes', q.id, q.text || ' ' || q.attribution || ' ' || coalesce(pe.name, '')
            || ' ' || coalesce((SELECT group_concat(alias, ' ') FROM person_aliases WHERE person_id = q.speaker_id), '')
        FROM quotes q LEFT JOIN people pe ON pe.id = q.speaker_id WHERE (?1 IS NULL OR q.id = ?1)
        """)

    /// Rebuilds the whole index.
    public static func rebuild(in database: Database) throws {
        for collection in collections { try reindex(collection: collection, id: nil, in: database) }
    }

    /// Reindexes one record (or, with `id` nil, a whole collection). A deleted record is simply removed.
    public static func reindex(collection: String, id: String?, in database: Database) throws {
        let insert: SQL
        switch collection {
        case "people": insert = peopleSQL
        case "meetings": insert = meetingsSQL
        case "quotes": insert = quotesSQL
        default: return
        }
        try database.withStatement(deleteSQL) {
            try $0.bind(1, id)
            try $0.bind(2, collection)
            try $0.run()
        }
        try database.withStatement(insert) {
            try $0.bind(1, id)
            try $0.run()
        }
    }
}
