extension PersonDraft: StoredDraft {
    public static let collection = RecordCollection.people

    public func save(in store: Store, isNew: Bool) throws {
        try store.save(PersonTables.record, id: id, isNew: isNew, [.text(name), .text(summary)])
        try store.replace(PersonTables.aliases, of: id, with: aliases, deleteFirst: !isNew) { [.text($0.name), .text($0.note)] }
        try store.replace(PersonTables.posts, of: id, with: posts, deleteFirst: !isNew) {
            [.text($0.title), .text($0.party), .text($0.startDate), .text($0.endDate), .text($0.basis)]
        }
        try store.setRecordSources(.people, id: id, sources, isNew: isNew)
    }
}
