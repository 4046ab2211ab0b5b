enum DemandWriteSQL {
    /// The display text the seed keeps beside the addressee rows ("NATO and the United States").
    static let setAddresseeText = SQL("""
        UPDATE demands SET addressee = coalesce((
            SELECT group_concat(name, ' and ') FROM (
                SELECT p.name FROM demand_addressees x JOIN parties p ON p.id = x.party_id WHERE x.demand_id = ?1 ORDER BY p.id)
        ), '') WHERE id = ?1
        """)
}

extension DemandDraft: StoredDraft {
    public static let collection = RecordCollection.demands

    public func save(in store: Store, isNew: Bool) throws {
        try store.save(DemandTables.record, id: id, isNew: isNew, [.text(text), .text(summary), .text(party), .text(meeting)])
        try store.replace(DemandTables.addressees, of: id, with: addressees, deleteFirst: !isNew) { [.text($0)] }
        try store.run(DemandWriteSQL.setAddresseeText, id)
        try store.replace(DemandTables.topics, of: id, with: topics, deleteFirst: !isNew) { [.text($0)] }
        try store.setRecordSources(.demands, id: id, sources, isNew: isNew)
    }
}
