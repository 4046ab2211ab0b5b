/// `/people`: filtered by the party of a post held and by search; sorted by id.
enum PersonSQL {
    static let columns = "SELECT p.id, p.name, p.summary FROM people p"
    // ?1 party, ?2 FTS5 expression.
    static let filter = """
        WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM posts x WHERE x.person_id = p.id AND x.party_id = ?1))
          AND (?2 IS NULL OR p.id IN (SELECT record_id FROM search_index WHERE search_index MATCH ?2 AND collection = 'people'))
        """
    static let count = SQL("SELECT count(*) FROM people p " + filter)
    // ?3 cursor id, ?4 limit.
    static let page = SQL(columns + " " + filter + " AND (?3 IS NULL OR p.id > ?3) ORDER BY p.id LIMIT ?4")
    static let one = SQL(columns + " WHERE p.id = ?1")

    static let aliases = SQL("SELECT alias, note FROM person_aliases WHERE person_id = ?1 ORDER BY alias")
    static let posts = SQL("""
        SELECT x.title, x.party_id, pa.name, x.start_date, x.end_date, x.basis
        FROM posts x LEFT JOIN parties pa ON pa.id = x.party_id
        WHERE x.person_id = ?1 ORDER BY x.start_date IS NULL, x.start_date, x.id
        """)
}

extension Store {
    public func people(_ filter: PersonFilter, after cursor: IDCursor?, limit: Int) throws -> Page<Person, IDCursor> {
        // Search text without a word matches nothing; FTS5 is not asked.
        if filter.search?.isEmpty == true { return Page(items: [], total: 0, next: nil) }
        return try list(
            count: PersonSQL.count, page: PersonSQL.page, limit: limit,
            bindFilter: { statement in
                try statement.bind(1, filter.party)
                try statement.bind(2, filter.search?.expression)
            },
            bindPage: { statement, limit in
                try statement.bind(3, cursor?.id)
                try statement.bind(4, limit)
            },
            row: { statement in
                let person = Self.personRow(statement)
                return (person, IDCursor(id: person.id))
            },
            related: loadRelated)
    }

    public func person(id: String) throws -> Person? {
        try one(PersonSQL.one, id: id, row: Self.personRow, related: loadRelated)
    }

    static func personRow(_ s: Statement) -> Person {
        Person(id: s.text(0), name: s.text(1), summary: s.text(2))
    }

    private func loadRelated(_ person: inout Person) throws {
        person.aliases = try related(PersonSQL.aliases, id: person.id) { Alias(name: $0.text(0), note: $0.optionalText(1)) }
        person.posts = try related(PersonSQL.posts, id: person.id) { s in
            Post(title: s.text(0),
                 party: s.optionalText(1).map { RecordRef(id: $0, name: s.text(2)) },
                 startDate: s.optionalText(3), endDate: s.optionalText(4), basis: s.text(5))
        }
        person.sources = try recordSources(collection: "people", id: person.id)
    }
}
