import HTTPServer
import ParleyStore

/// `POST /topics`, `PATCH /topics/{id}`: `id`, `name` required; `description` (default ""), `sources`.
extension TopicsResource: WritableResource {
    static let collection = RecordCollection.topics
    static let inputFields = ["id", "name", "description", "sources"]

    static func draft(from body: JSONValue, _ validation: Validation) throws -> TopicDraft? {
        guard let input = InputObject(body, at: "", allowed: inputFields, in: validation) else { return nil }
        let id = input.slug("id", required: true)
        let name = input.string("name", required: true, nonEmpty: true)
        let description = input.string("description")
        let sources = try input.sources("sources")
        guard validation.isValid, let id else { return nil }
        return TopicDraft(id: id, name: name, description: description, sources: sources)
    }

    static func draft(of topic: Topic) -> TopicDraft { TopicDraft(topic) }

    static func document(_ draft: TopicDraft) -> JSONValue {
        .object([
            ("id", .string(draft.id)), ("name", .string(draft.name)), ("description", .string(draft.description)),
            ("sources", Document.sources(draft.sources)),
        ])
    }
}
