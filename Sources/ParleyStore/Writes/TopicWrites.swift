enum TopicWriteSQL {
    static let insert = SQL("INSERT INTO topics (id, name, description) VALUES (?1, ?2, ?3)")
    static let update = SQL("UPDATE topics SET name = ?2, description = ?3 WHERE id = ?1")
}

extension TopicDraft: StoredDraft {
    public static let collection = RecordCollection.topics

    public func save(in store: Store, isNew: Bool) throws {
        try store.run(isNew ? TopicWriteSQL.insert : TopicWriteSQL.update, id, .text(name), .text(description))
        try store.setRecordSources(.topics, id: id, sources, isNew: isNew)
    }
}
