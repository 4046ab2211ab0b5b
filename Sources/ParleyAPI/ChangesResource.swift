import ParleyStore

/// `/changes`: every create, update and delete in commit order, the seed's records first. A follower keeps the
/// `seq` of the last change it applied and asks for `since=<seq>`; following `links.next` to the end and then
/// polling from the last `seq` seen, it never misses a change nor sees one twice.
enum ChangesResource: Resource {
    static let name = "changes"
    static let fields = [
        FieldSpec("seq"), FieldSpec("at"), FieldSpec("collection"), FieldSpec("id"), FieldSpec("operation"), FieldSpec("actor"),
    ]
    static let filters = ["since"]
    /// `wait=S`: the long poll (see ChangeStreams.swift).
    static var listParameters: [String] { filters + ["wait", "limit", "cursor", "fields", "format", "pretty"] }

    static func list(_ store: Store, _ query: QueryParameters, after cursor: SeqCursor?, limit: Int) throws
        -> Page<Change, SeqCursor> {
        try store.changes(since: query.sequenceNumber("since") ?? 0, after: cursor, limit: limit)
    }

    /// Changes are listed, not fetched one by one.
    static func item(_ store: Store, id: String) throws -> Change? { nil }

    static func encode<Sink: RecordSink>(_ change: Change, into sink: inout Sink) {
        sink.beginObject()
        sink.field("seq", change.seq)
        sink.field("at", change.at)
        sink.field("collection", change.collection)
        sink.field("id", change.id)
        sink.field("operation", change.operation)
        sink.field("actor", change.actor)
        sink.endObject()
    }
}
