/// Which paragraphs of which source a record comes from (`record_sources`), shared by every collection.
extension Store {
    /// One statement per collection (statements are cached by their SQL object), each for a whole page of ids.
    static let recordSourcesSQL: [RecordCollection: SQL] = Dictionary(uniqueKeysWithValues: RecordCollection.allCases.map {
        ($0, SQL("""
            SELECT record_id, source_id, paragraph FROM record_sources
            WHERE collection = '\($0.rawValue)' AND record_id IN (SELECT value FROM json_each(?1))
            ORDER BY record_id, source_id, paragraph
            """))
    })

    func recordSources(_ collection: RecordCollection, ids: [String]) throws -> [String: [SourceRef]] {
        guard let sql = Self.recordSourcesSQL[collection] else { return [:] }
        return try related(sql, ids: ids) { SourceRef(source: $0.text(1), paragraph: $0.int(2)) }
    }
}
