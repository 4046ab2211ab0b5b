import HTTPServer
import ParleyStore

/// `POST /people`, `PATCH /people/{id}`: `id`, `name` required; `summary`, `aliases`, `posts` and `sources`. A post is
/// `{"title": …, "party": {"id": …} or null, "start_date": …, "end_date": …, "basis": …}` with dates as precise as
/// known (YYYY, YYYY-MM or YYYY-MM-DD) or null.
extension PeopleResource: WritableResource {
    static let collection = RecordCollection.people
    static let inputFields = ["id", "name", "summary", "aliases", "posts", "sources"]
    static let postFields = ["title", "party", "start_date", "end_date", "basis"]

    static func draft(from body: JSONValue, _ validation: Validation) throws -> PersonDraft? {
        guard let input = InputObject(body, at: "", allowed: inputFields, in: validation) else { return nil }
        let id = input.slug("id", required: true)
        let name = input.string("name", required: true, nonEmpty: true)
        let summary = input.string("summary")
        let aliases = input.aliases("aliases")
        var posts: [PostDraft] = []
        for (element, pointer) in input.array("posts") {
            guard let post = InputObject(element, at: pointer, allowed: postFields, in: validation) else { continue }
            let title = post.string("title", required: true, nonEmpty: true)
            let party = try post.reference("party", to: .parties, nullable: true)
            let start = post.partialDate("start_date")
            let end = post.partialDate("end_date")
            let basis = post.oneOf("basis", PartiesResource.bases, required: true)
            if let start, let end, !PartialDate.isOrdered(start, end) {
                post.fail("end_date", "is before start_date (\(start))")
            }
            if let basis { posts.append(PostDraft(title: title, party: party, startDate: start, endDate: end, basis: basis)) }
        }
        let sources = try input.sources("sources")
        guard validation.isValid, let id else { return nil }
        return PersonDraft(id: id, name: name, summary: summary, aliases: aliases, posts: posts, sources: sources)
    }

    static func draft(of person: Person) -> PersonDraft { PersonDraft(person) }

    static func document(_ draft: PersonDraft) -> JSONValue {
        .object([
            ("id", .string(draft.id)), ("name", .string(draft.name)), ("summary", .string(draft.summary)),
            ("aliases", Document.aliases(draft.aliases)),
            ("posts", .array(draft.posts.map {
                .object([
                    ("title", .string($0.title)), ("party", Document.ref($0.party)),
                    ("start_date", Document.string($0.startDate)), ("end_date", Document.string($0.endDate)),
                    ("basis", .string($0.basis)),
                ])
            })),
            ("sources", Document.sources(draft.sources)),
        ])
    }
}
