/// A quote's source paragraph is stored on the quote (with the offsets, when known) and, like the seed's, as the
/// quote's row in `record_sources`.
extension QuoteDraft: StoredDraft {
    public static let collection = RecordCollection.quotes

    public func save(in store: Store, isNew: Bool) throws {
        try store.save(QuoteTables.record, id: id, isNew: isNew, [
            .text(text), .text(kind), .text(speaker), .text(party), .text(date), .text(dateBasis), .text(meeting),
            .text(source?.source), .int(source?.paragraph), .int(source?.start), .int(source?.end), .text(attribution),
        ])
        try store.replace(QuoteTables.topics, of: id, with: topics, deleteFirst: !isNew) { [.text($0)] }
        try store.setRecordSources(.quotes, id: id, source.map { [SourceRef(source: $0.source, paragraph: $0.paragraph)] } ?? [], isNew: isNew)
    }
}
