import HTTPServer
import ParleyStore

/// `POST /parties`, `PATCH /parties/{id}`: `id`, `name`, `kind` required; `summary`, `aliases`, `member_of` (the
/// organizations it belongs to), `members` (the parties that belong to it) and `sources`. Each membership is
/// `{"id": …, "basis": "stated" | "inferred"}`; writing either list replaces that side's memberships.
extension PartiesResource: WritableResource {
    static let collection = RecordCollection.parties
    static let inputFields = ["id", "name", "kind", "summary", "aliases", "member_of", "members", "sources"]
    static let bases = ["stated", "inferred"]

    static func draft(from body: JSONValue, _ validation: Validation) throws -> PartyDraft? {
        guard let input = InputObject(body, at: "", allowed: inputFields, in: validation) else { return nil }
        let id = input.slug("id", required: true)
        let name = input.string("name", required: true, nonEmpty: true)
        let kind = input.oneOf("kind", PartyFilter.kinds, required: true)
        let summary = input.string("summary")
        let aliases = input.aliases("aliases")
        var memberships: [[MembershipDraft]] = []
        for side in ["member_of", "members"] {
            let relations = try input.relations(side, to: .parties, member: "basis") { $0.oneOf("basis", bases, required: true) }
            for (index, relation) in relations.enumerated() where relation.id == id {
                validation.fail(Validation.pointer(Validation.pointer(input.at(side), index), "id"),
                                "a party cannot be a member of itself")
            }
            memberships.append(relations.map { MembershipDraft(id: $0.id, basis: $0.value) })
        }
        let sources = try input.sources("sources")
        guard validation.isValid, let id, let kind else { return nil }
        return PartyDraft(id: id, name: name, kind: kind, summary: summary, aliases: aliases, memberOf: memberships[0],
                          members: memberships[1], sources: sources)
    }

    static func draft(of party: Party) -> PartyDraft { PartyDraft(party) }

    static func document(_ draft: PartyDraft) -> JSONValue {
        func memberships(_ list: [MembershipDraft]) -> JSONValue {
            .array(list.map { .object([("id", .string($0.id)), ("basis", .string($0.basis))]) })
        }
        return .object([
            ("id", .string(draft.id)), ("name", .string(draft.name)), ("kind", .string(draft.kind)),
            ("summary", .string(draft.summary)), ("aliases", Document.aliases(draft.aliases)),
            ("member_of", memberships(draft.memberOf)), ("members", memberships(draft.members)),
            ("sources", Document.sources(draft.sources)),
        ])
    }
}
