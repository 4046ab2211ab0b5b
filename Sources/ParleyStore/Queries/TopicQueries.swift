/// `/topics`: every topic, sorted by id.
enum TopicSQL {
    static let table = ListTable(TopicTables.record, alias: "t", order: ["t.id"])
}

extension Store {
    public func topics(after cursor: IDCursor?, limit: Int) throws -> Page<Topic, IDCursor> {
        try list(TopicSQL.table, [], parameters: ListParameters(), cursor: cursor.map { [.text($0.id)] }, limit: limit,
                 row: { statement in
                     let topic = Self.topicRow(statement)
                     return (topic, IDCursor(id: topic.id))
                 }, related: loadRelated)
    }

    public func topic(id: String) throws -> Topic? {
        try one(TopicSQL.table.one, id: id, row: Self.topicRow, related: loadRelated)
    }

    static func topicRow(_ s: Statement) -> Topic {
        Topic(id: s.text(0), name: s.text(1), description: s.text(2))
    }

    private func loadRelated(_ topics: inout [Topic]) throws {
        topics.attach(try recordSources(.topics, ids: PageIDs(topics.map(\.id)))) { $0.sources = $1 }
    }
}
