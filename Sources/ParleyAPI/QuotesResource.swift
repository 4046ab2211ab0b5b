import ParleyStore

/// `/quotes`: what was said, exactly as printed, in reading order, with offsets into the source paragraph.
enum QuotesResource: Resource {
    static let name = "quotes"
    static let fields = [
        FieldSpec("id"), FieldSpec("text"), FieldSpec("kind"), FieldSpec("speaker"), FieldSpec("party"),
        FieldSpec("date"), FieldSpec("date_basis"), FieldSpec("meeting"), FieldSpec("topics"),
        FieldSpec("attribution"), FieldSpec("sources"),
    ]
    static let filters = ["speaker", "party", "meeting", "topic", "kind", "date", "from", "to", "q"]

    static func list(_ store: Store, _ query: QueryParameters, after cursor: QuoteCursor?, limit: Int) throws
        -> Page<Quote, QuoteCursor> {
        var filter = QuoteFilter()
        filter.speaker = try query.id("speaker")
        filter.party = try query.id("party")
        filter.meeting = try query.id("meeting")
        filter.topic = try query.id("topic")
        filter.kind = try query.oneOf("kind", QuoteFilter.kinds)
        filter.day = try query.day("date")
        (filter.from, filter.to) = try query.period()
        filter.search = try query.search()
        return try store.quotes(filter, after: cursor, limit: limit)
    }

    static func item(_ store: Store, id: String) throws -> Quote? {
        try store.quote(id: id)
    }

    static func encode<Sink: RecordSink>(_ quote: Quote, into sink: inout Sink) {
        sink.beginObject()
        sink.field("id", quote.id)
        sink.field("text", quote.text)
        sink.field("kind", quote.kind)
        sink.ref("speaker", quote.speaker)
        sink.ref("party", quote.party)
        sink.field("date", quote.date)
        sink.field("date_basis", quote.dateBasis)
        sink.ref("meeting", quote.meeting, nameKey: "title")
        sink.refs("topics", quote.topics)
        sink.field("attribution", quote.attribution)
        sink.objects("sources", quote.source.map { [$0] } ?? []) { sink, source in
            sink.field("source", source.source)
            sink.field("paragraph", source.paragraph)
            sink.field("start", source.start)
            sink.field("end", source.end)
        }
        sink.endObject()
    }
}
