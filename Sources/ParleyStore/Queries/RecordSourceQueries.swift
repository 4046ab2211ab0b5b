/// Which paragraphs of which source a record comes from (`record_sources`), shared by every collection.
extension Store {
    /// One statement per collection (statements are cached by their SQL object), each for a whole page of ids; in
    /// `RecordCollection.allCases` order, so a collection's is found by its position.
    static let recordSourcesSQL: [PageRelation] = RecordCollection.allCases.map {
        PageRelation("x.source_id, x.paragraph", from: "record_sources", owner: "record_id",
                     where: "x.collection = '\($0.rawValue)'", order: "x.source_id, x.paragraph")
    }

    func recordSources(_ collection: RecordCollection, ids: PageIDs) throws -> [[SourceRef]] {
        let sql = Self.recordSourcesSQL[RecordCollection.allCases.firstIndex(of: collection) ?? 0]
        return try related(sql, ids: ids) { SourceRef(source: $0.text(1), paragraph: $0.int(2)) }
    }
}
