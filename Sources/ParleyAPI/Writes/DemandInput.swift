import HTTPServer
import ParleyStore

/// `POST /demands`, `PATCH /demands/{id}`: `id`, `text` and `party` (who demands) required; `summary`, `addressees`,
/// `meeting` (or null), `topics` and `sources`.
extension DemandsResource: WritableResource {
    static let collection = RecordCollection.demands
    static let inputFields = ["id", "text", "summary", "party", "addressees", "meeting", "topics", "sources"]

    static func draft(from body: JSONValue, _ validation: Validation) throws -> DemandDraft? {
        guard let input = InputObject(body, at: "", allowed: inputFields, in: validation) else { return nil }
        let id = input.slug("id", required: true)
        let text = input.string("text", required: true, nonEmpty: true)
        let summary = input.string("summary")
        let party = try input.reference("party", to: .parties, required: true)
        let addressees = try input.references("addressees", to: .parties)
        let meeting = try input.reference("meeting", to: .meetings, nullable: true)
        let topics = try input.references("topics", to: .topics)
        let sources = try input.sources("sources")
        guard validation.isValid, let id, let party else { return nil }
        return DemandDraft(id: id, text: text, summary: summary, party: party, addressees: addressees, meeting: meeting,
                           topics: topics, sources: sources)
    }

    static func draft(of demand: Demand) -> DemandDraft { DemandDraft(demand) }

    static func document(_ draft: DemandDraft) -> JSONValue {
        .object([
            ("id", .string(draft.id)), ("text", .string(draft.text)), ("summary", .string(draft.summary)),
            ("party", Document.ref(draft.party)), ("addressees", Document.refs(draft.addressees)),
            ("meeting", Document.ref(draft.meeting)), ("topics", Document.refs(draft.topics)),
            ("sources", Document.sources(draft.sources)),
        ])
    }
}
