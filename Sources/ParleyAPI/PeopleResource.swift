import ParleyStore

/// `/people`: who speaks and negotiates, under corrected names, with the article's spellings as aliases.
enum PeopleResource: Resource {
    static let name = "people"
    static let fields = [
        FieldSpec("id"), FieldSpec("name"), FieldSpec("summary"), FieldSpec("aliases"), FieldSpec("posts"),
        FieldSpec("sources"),
    ]
    static let filters = ["party", "q"]

    static func list(_ store: Store, _ query: QueryParameters, after cursor: IDCursor?, limit: Int) throws
        -> Page<Person, IDCursor> {
        var filter = PersonFilter()
        filter.party = try query.id("party")
        filter.search = try query.search()
        return try store.people(filter, after: cursor, limit: limit)
    }

    static func item(_ store: Store, id: String) throws -> Person? {
        try store.person(id: id)
    }

    static func encode<Sink: RecordSink>(_ person: Person, into sink: inout Sink) {
        sink.beginObject()
        sink.field("id", person.id)
        sink.field("name", person.name)
        sink.field("summary", person.summary)
        sink.aliases(person.aliases)
        sink.objects("posts", person.posts) { sink, post in
            sink.field("title", post.title)
            sink.ref("party", post.party)
            sink.field("start_date", post.startDate)
            sink.field("end_date", post.endDate)
            sink.field("basis", post.basis)
        }
        sink.sources(person.sources)
        sink.endObject()
    }
}
