/// `/topics`: every topic, sorted by id.
enum TopicSQL {
    static let columns = "SELECT t.id, t.name, t.description FROM topics t"
    static let count = SQL("SELECT count(*) FROM topics t")
    // ?1 cursor id, ?2 limit.
    static let page = SQL(columns + " WHERE (?1 IS NULL OR t.id > ?1) ORDER BY t.id LIMIT ?2")
    static let one = SQL(columns + " WHERE t.id = ?1")
}

extension Store {
    public func topics(after cursor: IDCursor?, limit: Int) throws -> Page<Topic, IDCursor> {
        try list(
            count: TopicSQL.count, page: TopicSQL.page, limit: limit,
            bindFilter: { _ in },
            bindPage: { statement, limit in
                try statement.bind(1, cursor?.id)
                try statement.bind(2, limit)
            },
            row: { statement in
                let topic = Self.topicRow(statement)
                return (topic, IDCursor(id: topic.id))
            },
            related: loadRelated)
    }

    public func topic(id: String) throws -> Topic? {
        try one(TopicSQL.one, id: id, row: Self.topicRow, related: loadRelated)
    }

    static func topicRow(_ s: Statement) -> Topic {
        Topic(id: s.text(0), name: s.text(1), description: s.text(2))
    }

    private func loadRelated(_ topic: inout Topic) throws {
        topic.sources = try recordSources(collection: "topics", id: topic.id)
    }
}
