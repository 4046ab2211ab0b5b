/// `/parties`: filtered by kind and by organization membership; sorted by id.
enum PartySQL {
    static let table = ListTable(PartyTables.record, alias: "p", order: ["p.id"])

    static let aliases = PageRelation("x.alias, x.note", of: PartyTables.aliases, order: "x.alias")
    static let memberOf = PageRelation(referencedBy: PartyTables.memberOf, extra: ["x.basis"])
    static let members = PageRelation(referencedBy: PartyTables.members, extra: ["x.basis"])
}

extension Store {
    public func parties(_ filter: PartyFilter, after cursor: IDCursor?, limit: Int) throws -> Page<Party, IDCursor> {
        var parameters = ListParameters()
        let narrowings = Self.partyNarrowings(filter, &parameters)
        return try list(PartySQL.table, narrowings, parameters: parameters, cursor: cursor.map { [.text($0.id)] },
                        limit: limit, row: { statement in
                            let party = Self.partyRow(statement)
                            return (party, IDCursor(id: party.id))
                        }, related: loadRelated)
    }

    /// The filters of a request, the one that should drive first.
    static func partyNarrowings(_ filter: PartyFilter, _ parameters: inout ListParameters) -> [Narrowing] {
        var narrowings: [Narrowing] = []
        if let organization = filter.memberOf {
            narrowings.append(.junction("memberships", "x", record: "member_id", column: "organization_id",
                                        value: parameters.add(organization), of: PartySQL.table, order: ["member_id"]))
        }
        if let kind = filter.kind {
            narrowings.append(Narrowing("p.kind = \(parameters.add(kind))",
                                        driver: .ordered(from: "parties p INDEXED BY parties_kind", order: ["p.id"])))
        }
        return narrowings
    }

    public func party(id: String) throws -> Party? {
        try one(PartySQL.table.one, id: id, row: Self.partyRow, related: loadRelated)
    }

    static func partyRow(_ s: Statement) -> Party {
        Party(id: s.text(0), name: s.text(1), kind: s.text(2), summary: s.text(3))
    }

    private func loadRelated(_ parties: inout [Party]) throws {
        let ids = PageIDs(parties.map(\.id))
        parties.attach(try related(PartySQL.aliases, ids: ids) { Alias(name: $0.text(1), note: $0.optionalText(2)) }) {
            $0.aliases = $1
        }
        parties.attach(try related(PartySQL.memberOf, ids: ids) {
            MembershipRef(id: $0.text(1), name: $0.text(2), basis: $0.text(3))
        }) { $0.memberOf = $1 }
        parties.attach(try related(PartySQL.members, ids: ids) {
            MembershipRef(id: $0.text(1), name: $0.text(2), basis: $0.text(3))
        }) { $0.members = $1 }
        parties.attach(try recordSources(.parties, ids: ids)) { $0.sources = $1 }
    }
}
