enum MeetingWriteSQL {
    static let insert = SQL("""
        INSERT INTO meetings (id, title, kind, date, end_date, date_basis, location_city, location_country,
                              location_basis, status, summary)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        """)
    static let update = SQL("""
        UPDATE meetings SET title = ?2, kind = ?3, date = ?4, end_date = ?5, date_basis = ?6, location_city = ?7,
                            location_country = ?8, location_basis = ?9, status = ?10, summary = ?11
        WHERE id = ?1
        """)
    static let deleteParties = SQL("DELETE FROM meeting_parties WHERE meeting_id = ?1")
    static let insertParty = SQL("INSERT INTO meeting_parties (meeting_id, party_id, role, meeting_date) VALUES (?1, ?2, ?3, ?4)")
    static let deleteParticipants = SQL("DELETE FROM meeting_participants WHERE meeting_id = ?1")
    static let insertParticipant = SQL("INSERT INTO meeting_participants (meeting_id, person_id, role, meeting_date) VALUES (?1, ?2, ?3, ?4)")
    static let deleteTopics = SQL("DELETE FROM meeting_topics WHERE meeting_id = ?1")
    static let insertTopic = SQL("INSERT INTO meeting_topics (meeting_id, topic_id, meeting_date) VALUES (?1, ?2, ?3)")
}

/// The junction rows carry the meeting's date (migration 4), so a filter through them walks their index in the
/// list's order; every save rewrites them with the main row.
extension MeetingDraft: StoredDraft {
    public static let collection = RecordCollection.meetings

    public func save(in store: Store, isNew: Bool) throws {
        try store.run(isNew ? MeetingWriteSQL.insert : MeetingWriteSQL.update, id, .text(title), .text(kind), .text(date),
                      .text(endDate), .text(dateBasis), .text(locationCity), .text(locationCountry), .text(locationBasis),
                      .text(status), .text(summary))
        if !isNew { try store.run(MeetingWriteSQL.deleteParties, id) }
        for party in parties { try store.run(MeetingWriteSQL.insertParty, id, .text(party.id), .text(party.role), .text(date)) }
        if !isNew { try store.run(MeetingWriteSQL.deleteParticipants, id) }
        for person in participants { try store.run(MeetingWriteSQL.insertParticipant, id, .text(person.id), .text(person.role), .text(date)) }
        if !isNew { try store.run(MeetingWriteSQL.deleteTopics, id) }
        for topic in topics { try store.run(MeetingWriteSQL.insertTopic, id, .text(topic), .text(date)) }
        try store.setRecordSources(.meetings, id: id, sources, isNew: isNew)
    }
}
