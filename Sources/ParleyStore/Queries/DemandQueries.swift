/// `/demands`: filtered by demanding party, addressee, topic and meeting; sorted by id.
enum DemandSQL {
    static let table = ListTable(
        table: "demands", alias: "d",
        columns: "d.id, d.text, d.summary, d.party_id, p.name, d.meeting_id, m.title",
        joins: "JOIN parties p ON p.id = d.party_id LEFT JOIN meetings m ON m.id = d.meeting_id",
        order: ["d.id"])

    static let addressees = PageRelation(referencedBy: DemandTables.addressees)
    static let topics = PageRelation(referencedBy: DemandTables.topics)
}

extension Store {
    public func demands(_ filter: DemandFilter, after cursor: IDCursor?, limit: Int) throws -> Page<Demand, IDCursor> {
        var parameters = ListParameters()
        let narrowings = Self.demandNarrowings(filter, &parameters)
        return try list(DemandSQL.table, narrowings, parameters: parameters, cursor: cursor.map { [.text($0.id)] },
                        limit: limit, row: { statement in
                            let demand = Self.demandRow(statement)
                            return (demand, IDCursor(id: demand.id))
                        }, related: loadRelated)
    }

    /// The filters of a request, the one that should drive first.
    static func demandNarrowings(_ filter: DemandFilter, _ parameters: inout ListParameters) -> [Narrowing] {
        var narrowings: [Narrowing] = []
        for (value, column, index) in [(filter.party, "party_id", "demands_party"),
                                       (filter.meeting, "meeting_id", "demands_meeting")] {
            guard let value else { continue }
            narrowings.append(Narrowing("d.\(column) = \(parameters.add(value))",
                                        driver: .ordered(from: "demands d INDEXED BY \(index)", order: ["d.id"])))
        }
        for (value, table, alias) in [(filter.addressee, "demand_addressees", "xa"), (filter.topic, "demand_topics", "xt")] {
            guard let value else { continue }
            narrowings.append(.junction(table, alias, record: "demand_id", column: table == "demand_topics" ? "topic_id" : "party_id",
                                        value: parameters.add(value), of: DemandSQL.table, order: ["demand_id"]))
        }
        return narrowings
    }

    public func demand(id: String) throws -> Demand? {
        try one(DemandSQL.table.one, id: id, row: Self.demandRow, related: loadRelated)
    }

    static func demandRow(_ s: Statement) -> Demand {
        Demand(id: s.text(0), text: s.text(1), summary: s.text(2), party: RecordRef(id: s.text(3), name: s.text(4)),
               meeting: s.optionalText(5).map { RecordRef(id: $0, name: s.text(6)) })
    }

    private func loadRelated(_ demands: inout [Demand]) throws {
        let ids = PageIDs(demands.map(\.id))
        demands.attach(try related(DemandSQL.addressees, ids: ids) { RecordRef(id: $0.text(1), name: $0.text(2)) }) {
            $0.addressees = $1
        }
        demands.attach(try related(DemandSQL.topics, ids: ids) { RecordRef(id: $0.text(1), name: $0.text(2)) }) {
            $0.topics = $1
        }
        demands.attach(try recordSources(.demands, ids: ids)) { $0.sources = $1 }
    }
}
