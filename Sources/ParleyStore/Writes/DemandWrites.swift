enum DemandWriteSQL {
    static let insert = SQL("INSERT INTO demands (id, text, summary, party_id, meeting_id) VALUES (?1, ?2, ?3, ?4, ?5)")
    static let update = SQL("UPDATE demands SET text = ?2, summary = ?3, party_id = ?4, meeting_id = ?5 WHERE id = ?1")
    static let deleteAddressees = SQL("DELETE FROM demand_addressees WHERE demand_id = ?1")
    static let insertAddressee = SQL("INSERT INTO demand_addressees (demand_id, party_id) VALUES (?1, ?2)")
    static let deleteTopics = SQL("DELETE FROM demand_topics WHERE demand_id = ?1")
    static let insertTopic = SQL("INSERT INTO demand_topics (demand_id, topic_id) VALUES (?1, ?2)")
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
        try store.run(isNew ? DemandWriteSQL.insert : DemandWriteSQL.update, id, .text(text), .text(summary), .text(party),
                      .text(meeting))
        if !isNew { try store.run(DemandWriteSQL.deleteAddressees, id) }
        for party in addressees { try store.run(DemandWriteSQL.insertAddressee, id, .text(party)) }
        try store.run(DemandWriteSQL.setAddresseeText, id)
        if !isNew { try store.run(DemandWriteSQL.deleteTopics, id) }
        for topic in topics { try store.run(DemandWriteSQL.insertTopic, id, .text(topic)) }
        try store.setRecordSources(.demands, id: id, sources, isNew: isNew)
    }
}
