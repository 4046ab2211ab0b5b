/// `/people`: filtered by the party of a post held and by search; sorted by id.
enum PersonSQL {
    static let table = ListTable(PersonTables.record, alias: "p", order: ["p.id"])

    static let aliases = PageRelation("x.alias, x.note", of: PersonTables.aliases, order: "x.alias")
    static let posts = PageRelation("x.title, x.party_id, pa.name, x.start_date, x.end_date, x.basis",
                                    of: PersonTables.posts, joins: PartyTables.record.nameJoin("pa", on: "x.party_id", left: true),
                                    order: "x.start_date IS NULL, x.start_date, x.id", indexOrder: false)
}

extension Store {
    public func people(_ filter: PersonFilter, after cursor: IDCursor?, limit: Int) throws -> Page<Person, IDCursor> {
        // Search text without a word matches nothing; FTS5 is not asked.
        if filter.search?.isEmpty == true { return Page(items: [], total: 0, next: nil) }
        var parameters = ListParameters()
        let narrowings = Self.personNarrowings(filter, &parameters)
        return try list(PersonSQL.table, narrowings, parameters: parameters, cursor: cursor.map { [.text($0.id)] },
                        limit: limit, row: { statement in
                            let person = Self.personRow(statement)
                            return (person, IDCursor(id: person.id))
                        }, related: loadRelated)
    }

    /// The filters of a request, the one that should drive first.
    static func personNarrowings(_ filter: PersonFilter, _ parameters: inout ListParameters) -> [Narrowing] {
        var narrowings: [Narrowing] = []
        if let party = filter.party {
            let p = parameters.add(party)
            // A person may hold several posts in one party: the driver walks (party_id, person_id) and keeps each
            // person's first post only, so it yields each person once, in id order, without sorting.
            narrowings.append(Narrowing(
                "EXISTS (SELECT 1 FROM posts x WHERE x.person_id = p.id AND x.party_id = \(p))",
                driver: .ordered(from: "posts x INDEXED BY posts_party_person CROSS JOIN people p ON p.id = x.person_id",
                                 order: ["x.person_id"]),
                drivingCondition: """
                    x.party_id = \(p) AND x.id = (SELECT min(y.id) FROM posts y WHERE y.party_id = \(p) AND y.person_id = x.person_id)
                    """))
        }
        if let search = filter.search {
            narrowings.append(.search(SearchIndex.people, alias: "p", parameters.add(search.expression)))
        }
        return narrowings
    }

    public func person(id: String) throws -> Person? {
        try one(PersonSQL.table.one, id: id, row: Self.personRow, related: loadRelated)
    }

    static func personRow(_ s: Statement) -> Person {
        Person(id: s.text(0), name: s.text(1), summary: s.text(2))
    }

    private func loadRelated(_ people: inout [Person]) throws {
        let ids = PageIDs(people.map(\.id))
        people.attach(try related(PersonSQL.aliases, ids: ids) { Alias(name: $0.text(1), note: $0.optionalText(2)) }) {
            $0.aliases = $1
        }
        people.attach(try related(PersonSQL.posts, ids: ids) { s in
            Post(title: s.text(1),
                 party: s.optionalText(2).map { RecordRef(id: $0, name: s.text(3)) },
                 startDate: s.optionalText(4), endDate: s.optionalText(5), basis: s.text(6))
        }) { $0.posts = $1 }
        people.attach(try recordSources(.people, ids: ids)) { $0.sources = $1 }
    }
}
