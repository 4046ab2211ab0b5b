/// `/parties`: filtered by kind and by organization membership; sorted by id.
enum PartySQL {
    static let columns = "SELECT p.id, p.name, p.kind, p.summary FROM parties p"
    // ?1 kind, ?2 member of.
    static let filter = """
        WHERE (?1 IS NULL OR p.kind = ?1)
          AND (?2 IS NULL OR EXISTS (SELECT 1 FROM memberships x WHERE x.member_id = p.id AND x.organization_id = ?2))
        """
    static let count = SQL("SELECT count(*) FROM parties p " + filter)
    // ?3 cursor id, ?4 limit.
    static let page = SQL(columns + " " + filter + " AND (?3 IS NULL OR p.id > ?3) ORDER BY p.id LIMIT ?4")
    static let one = SQL(columns + " WHERE p.id = ?1")

    static let aliases = SQL("SELECT alias, note FROM party_aliases WHERE party_id = ?1 ORDER BY alias")
    static let memberOf = SQL("""
        SELECT o.id, o.name, x.basis FROM memberships x JOIN parties o ON o.id = x.organization_id
        WHERE x.member_id = ?1 ORDER BY x.organization_id
        """)
    static let members = SQL("""
        SELECT m.id, m.name, x.basis FROM memberships x JOIN parties m ON m.id = x.member_id
        WHERE x.organization_id = ?1 ORDER BY x.member_id
        """)
}

extension Store {
    public func parties(_ filter: PartyFilter, after cursor: IDCursor?, limit: Int) throws -> Page<Party, IDCursor> {
        try list(
            count: PartySQL.count, page: PartySQL.page, limit: limit,
            bindFilter: { statement in
                try statement.bind(1, filter.kind)
                try statement.bind(2, filter.memberOf)
            },
            bindPage: { statement, limit in
                try statement.bind(3, cursor?.id)
                try statement.bind(4, limit)
            },
            row: { statement in
                let party = Self.partyRow(statement)
                return (party, IDCursor(id: party.id))
            },
            related: loadRelated)
    }

    public func party(id: String) throws -> Party? {
        try one(PartySQL.one, id: id, row: Self.partyRow, related: loadRelated)
    }

    static func partyRow(_ s: Statement) -> Party {
        Party(id: s.text(0), name: s.text(1), kind: s.text(2), summary: s.text(3))
    }

    private func loadRelated(_ party: inout Party) throws {
        party.aliases = try related(PartySQL.aliases, id: party.id) { Alias(name: $0.text(0), note: $0.optionalText(1)) }
        party.memberOf = try related(PartySQL.memberOf, id: party.id) {
            MembershipRef(id: $0.text(0), name: $0.text(1), basis: $0.text(2))
        }
        party.members = try related(PartySQL.members, id: party.id) {
            MembershipRef(id: $0.text(0), name: $0.text(1), basis: $0.text(2))
        }
        party.sources = try recordSources(collection: "parties", id: party.id)
    }
}
