/// `/changes`: the change feed after a sequence number, in commit order (which is `seq` order: SQLite lets one
/// writer commit at a time and `seq` is taken inside the write transaction).
enum ChangeSQL {
    static let table = ListTable(table: "changes", alias: "c", columns: "c.seq, c.at, c.collection, c.record_id, c.operation, c.actor",
                                 joins: "", order: ["c.seq"], key: "seq")
}

extension Store {
    public func changes(since: Int, after cursor: SeqCursor?, limit: Int) throws -> Page<Change, SeqCursor> {
        var parameters = ListParameters()
        let after = Narrowing("c.seq > \(parameters.add(since))")
        return try list(ChangeSQL.table, [after], parameters: parameters, cursor: cursor.map { [.int($0.seq)] },
                        limit: limit, total: .changes(since: since), row: { s in
                            let change = Change(seq: s.int(0), at: s.text(1), collection: s.text(2), id: s.text(3),
                                                operation: s.text(4), actor: s.text(5))
                            return (change, SeqCursor(seq: change.seq))
                        }, related: { _ in })
    }
}
