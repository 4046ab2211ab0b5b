/// A party's memberships are written from either side: `member_of` replaces the organizations it belongs to,
/// `members` replaces the parties that belong to it. So a new party still clears its rows: the other side may have
/// written them.
extension PartyDraft: StoredDraft {
    public static let collection = RecordCollection.parties

    public func save(in store: Store, isNew: Bool) throws {
        try store.save(PartyTables.record, id: id, isNew: isNew, [.text(name), .text(kind), .text(summary)])
        try store.replace(PartyTables.aliases, of: id, with: aliases, deleteFirst: true) { [.text($0.name), .text($0.note)] }
        try store.replace(PartyTables.memberOf, of: id, with: memberOf, deleteFirst: true) { [.text($0.id), .text($0.basis)] }
        try store.replace(PartyTables.members, of: id, with: members, deleteFirst: true) { [.text($0.id), .text($0.basis)] }
        try store.setRecordSources(.parties, id: id, sources, isNew: isNew)
    }
}
