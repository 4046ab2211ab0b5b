import ParleyStore

/// `/demands`: Russia's list, as the article gives it, each tied to its party, addressees and topics.
enum DemandsResource: Resource {
    static let name = "demands"
    static let fields = [
        FieldSpec("id"), FieldSpec("text"), FieldSpec("summary"), FieldSpec("party"), FieldSpec("addressees"),
        FieldSpec("meeting"), FieldSpec("topics"), FieldSpec("sources"),
    ]
    static let filters = ["party", "addressee", "topic", "meeting"]

    static func list(_ store: Store, _ query: QueryParameters, after cursor: IDCursor?, limit: Int) throws
        -> Page<Demand, IDCursor> {
        var filter = DemandFilter()
        filter.party = try query.id("party")
        filter.addressee = try query.id("addressee")
        filter.topic = try query.id("topic")
        filter.meeting = try query.id("meeting")
        return try store.demands(filter, after: cursor, limit: limit)
    }

    static func item(_ store: Store, id: String) throws -> Demand? {
        try store.demand(id: id)
    }

    static func encode<Sink: RecordSink>(_ demand: Demand, into sink: inout Sink) {
        sink.beginObject()
        sink.field("id", demand.id)
        sink.field("text", demand.text)
        sink.field("summary", demand.summary)
        sink.ref("party", demand.party)
        sink.refs("addressees", demand.addressees)
        sink.ref("meeting", demand.meeting, nameKey: "title")
        sink.refs("topics", demand.topics)
        sink.sources(demand.sources)
        sink.endObject()
    }
}
