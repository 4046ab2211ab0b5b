/// `/demands`: filtered by demanding party, addressee, topic and meeting; sorted by id.
enum DemandSQL {
    static let columns = """
        SELECT d.id, d.text, d.summary, d.party_id, p.name, d.meeting_id, m.title
        FROM demands d
        JOIN parties p ON p.id = d.party_id
        LEFT JOIN meetings m ON m.id = d.meeting_id
        """
    // ?1 party, ?2 addressee, ?3 topic, ?4 meeting.
    static let filter = """
        WHERE (?1 IS NULL OR d.party_id = ?1)
          AND (?2 IS NULL OR EXISTS (SELECT 1 FROM demand_addressees x WHERE x.demand_id = d.id AND x.party_id = ?2))
          AND (?3 IS NULL OR EXISTS (SELECT 1 FROM demand_topics x WHERE x.demand_id = d.id AND x.topic_id = ?3))
          AND (?4 IS NULL OR d.meeting_id = ?4)
        """
    static let count = SQL("SELECT count(*) FROM demands d " + filter)
    // ?5 cursor id, ?6 limit.
    static let page = SQL(columns + " " + filter + " AND (?5 IS NULL OR d.id > ?5) ORDER BY d.id LIMIT ?6")
    static let one = SQL(columns + " WHERE d.id = ?1")

    static let addressees = SQL("""
        SELECT p.id, p.name FROM demand_addressees x JOIN parties p ON p.id = x.party_id
        WHERE x.demand_id = ?1 ORDER BY x.party_id
        """)
    static let topics = SQL("""
        SELECT t.id, t.name FROM demand_topics x JOIN topics t ON t.id = x.topic_id
        WHERE x.demand_id = ?1 ORDER BY x.topic_id
        """)
}

extension Store {
    public func demands(_ filter: DemandFilter, after cursor: IDCursor?, limit: Int) throws -> Page<Demand, IDCursor> {
        try list(
            count: DemandSQL.count, page: DemandSQL.page, limit: limit,
            bindFilter: { statement in
                try statement.bind(1, filter.party)
                try statement.bind(2, filter.addressee)
                try statement.bind(3, filter.topic)
                try statement.bind(4, filter.meeting)
            },
            bindPage: { statement, limit in
                try statement.bind(5, cursor?.id)
                try statement.bind(6, limit)
            },
            row: { statement in
                let demand = Self.demandRow(statement)
                return (demand, IDCursor(id: demand.id))
            },
            related: loadRelated)
    }

    public func demand(id: String) throws -> Demand? {
        try one(DemandSQL.one, id: id, row: Self.demandRow, related: loadRelated)
    }

    static func demandRow(_ s: Statement) -> Demand {
        Demand(id: s.text(0), text: s.text(1), summary: s.text(2), party: RecordRef(id: s.text(3), name: s.text(4)),
               meeting: s.optionalText(5).map { RecordRef(id: $0, name: s.text(6)) })
    }

    private func loadRelated(_ demand: inout Demand) throws {
        demand.addressees = try related(DemandSQL.addressees, id: demand.id) { RecordRef(id: $0.text(0), name: $0.text(1)) }
        demand.topics = try related(DemandSQL.topics, id: demand.id) { RecordRef(id: $0.text(0), name: $0.text(1)) }
        demand.sources = try recordSources(collection: "demands", id: demand.id)
    }
}
