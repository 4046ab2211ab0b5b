import ParleyStore

/// `/meetings`: the dated negotiation events. `date` finds what was in progress that day.
enum MeetingsResource: Resource {
    static let name = "meetings"
    static let fields = [
        FieldSpec("id"), FieldSpec("title"), FieldSpec("kind"), FieldSpec("date"), FieldSpec("end_date"),
        FieldSpec("date_basis"), FieldSpec("location", subfields: ["city", "country", "basis"]), FieldSpec("status"),
        FieldSpec("parties"), FieldSpec("participants"), FieldSpec("topics"), FieldSpec("summary"), FieldSpec("sources"),
    ]
    static let filters = ["date", "from", "to", "party", "person", "topic", "kind", "q"]

    static func list(_ store: Store, _ query: QueryParameters, after cursor: MeetingCursor?, limit: Int) throws
        -> Page<Meeting, MeetingCursor> {
        try store.meetings(filter(query), after: cursor, limit: limit)
    }

    static func storedBodies(_ store: Store, _ query: QueryParameters, after cursor: MeetingCursor?, limit: Int) throws
        -> Page<[UInt8], MeetingCursor>? {
        try store.meetingBodies(filter(query), after: cursor, limit: limit, format: MeetingBodies.shared.format)
    }

    static func storedBody(_ store: Store, id: String) throws -> [UInt8]? {
        try store.meetingBody(id: id, format: MeetingBodies.shared.format)
    }

    static func filter(_ query: QueryParameters) throws -> MeetingFilter {
        var filter = MeetingFilter()
        filter.day = try query.day("date")
        (filter.from, filter.to) = try query.period()
        filter.party = try query.id("party")
        filter.person = try query.id("person")
        filter.topic = try query.id("topic")
        filter.kind = try query.id("kind")
        filter.search = try query.search()
        return filter
    }

    static func item(_ store: Store, id: String) throws -> Meeting? {
        try store.meeting(id: id)
    }

    static func encode<Sink: RecordSink>(_ meeting: Meeting, into sink: inout Sink) {
        sink.beginObject()
        sink.field("id", meeting.id)
        sink.field("title", meeting.title)
        sink.field("kind", meeting.kind)
        sink.field("date", meeting.date)
        sink.field("end_date", meeting.endDate)
        sink.field("date_basis", meeting.dateBasis)
        sink.key("location")
        sink.beginObject()
        sink.field("city", meeting.locationCity)
        sink.field("country", meeting.locationCountry)
        sink.field("basis", meeting.locationBasis)
        sink.endObject()
        sink.field("status", meeting.status)
        sink.roleRefs("parties", meeting.parties)
        sink.roleRefs("participants", meeting.participants)
        sink.refs("topics", meeting.topics)
        sink.field("summary", meeting.summary)
        sink.sources(meeting.sources)
        sink.endObject()
    }
}
