extension TopicDraft: StoredDraft {
    public static let collection = RecordCollection.topics

    public func save(in store: Store, isNew: Bool) throws {
        try store.save(TopicTables.record, id: id, isNew: isNew, [.text(name), .text(description)])
        try store.setRecordSources(.topics, id: id, sources, isNew: isNew)
    }
}
