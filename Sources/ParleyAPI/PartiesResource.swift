import ParleyStore

/// `/parties`: states, alliances, organizations and unions, with their memberships both ways.
enum PartiesResource: Resource {
    static let name = "parties"
    static let fields = [
        FieldSpec("id"), FieldSpec("name"), FieldSpec("kind"), FieldSpec("summary"), FieldSpec("aliases"),
        FieldSpec("member_of"), FieldSpec("members"), FieldSpec("sources"),
    ]
    static let filters = ["kind", "member_of"]

    static func list(_ store: Store, _ query: QueryParameters, after cursor: IDCursor?, limit: Int) throws
        -> Page<Party, IDCursor> {
        var filter = PartyFilter()
        filter.kind = try query.oneOf("kind", PartyFilter.kinds)
        filter.memberOf = try query.id("member_of")
        return try store.parties(filter, after: cursor, limit: limit)
    }

    static func item(_ store: Store, id: String) throws -> Party? {
        try store.party(id: id)
    }

    static func encode<Sink: RecordSink>(_ party: Party, into sink: inout Sink) {
        sink.beginObject()
        sink.field("id", party.id)
        sink.field("name", party.name)
        sink.field("kind", party.kind)
        sink.field("summary", party.summary)
        sink.aliases(party.aliases)
        memberships("member_of", party.memberOf, into: &sink)
        memberships("members", party.members, into: &sink)
        sink.sources(party.sources)
        sink.endObject()
    }

    private static func memberships<Sink: RecordSink>(_ key: StaticString, _ refs: [MembershipRef], into sink: inout Sink) {
        sink.objects(key, refs) { $0.field("id", $1.id); $0.field("name", $1.name); $0.field("basis", $1.basis) }
    }
}
