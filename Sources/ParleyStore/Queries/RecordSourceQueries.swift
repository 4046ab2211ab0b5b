/// Which paragraphs of which source a record comes from (`record_sources`), shared by every collection.
extension Store {
    static let recordSourcesSQL = SQL("""
        SELECT source_id, paragraph FROM record_sources
        WHERE record_id = ?1 AND collection = ?2
        ORDER BY source_id, paragraph
        """)

    func recordSources(collection: String, id: String) throws -> [SourceRef] {
        try database.withStatement(Self.recordSourcesSQL) { statement in
            try statement.bind(1, id)
            try statement.bind(2, collection)
            var sources: [SourceRef] = []
            while try statement.step() {
                sources.append(SourceRef(source: statement.text(0), paragraph: statement.int(1)))
            }
            return sources
        }
    }
}
