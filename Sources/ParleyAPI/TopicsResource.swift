import ParleyStore

/// `/topics`: what the negotiations are about.
enum TopicsResource: Resource {
    static let name = "topics"
    static let fields = [FieldSpec("id"), FieldSpec("name"), FieldSpec("description"), FieldSpec("sources")]
    static let filters: [String] = []

    static func list(_ store: Store, _ query: QueryParameters, after cursor: IDCursor?, limit: Int) throws
        -> Page<Topic, IDCursor> {
        try store.topics(after: cursor, limit: limit)
    }

    static func item(_ store: Store, id: String) throws -> Topic? {
        try store.topic(id: id)
    }

    static func encode<Sink: RecordSink>(_ topic: Topic, into sink: inout Sink) {
        sink.beginObject()
        sink.field("id", topic.id)
        sink.field("name", topic.name)
        sink.field("description", topic.description)
        sink.sources(topic.sources)
        sink.endObject()
    }
}
