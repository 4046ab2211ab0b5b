/// Every save rewrites the junction rows with the main row: they carry the meeting's date.
extension MeetingDraft: StoredDraft {
    public static let collection = RecordCollection.meetings

    public func save(in store: Store, isNew: Bool) throws {
        try store.save(MeetingTables.record, id: id, isNew: isNew, [
            .text(title), .text(kind), .text(date), .text(endDate), .text(dateBasis), .text(locationCity),
            .text(locationCountry), .text(locationBasis), .text(status), .text(summary),
        ])
        try store.replace(MeetingTables.parties, of: id, with: parties, deleteFirst: !isNew) {
            [.text($0.id), .text($0.role), .text(date)]
        }
        try store.replace(MeetingTables.participants, of: id, with: participants, deleteFirst: !isNew) {
            [.text($0.id), .text($0.role), .text(date)]
        }
        try store.replace(MeetingTables.topics, of: id, with: topics, deleteFirst: !isNew) { [.text($0), .text(date)] }
        try store.setRecordSources(.meetings, id: id, sources, isNew: isNew)
    }
}
