/// `/changes`: the change feed after a sequence number, in commit order (which is `seq` order: SQLite lets one
/// writer commit at a time and `seq` is taken inside the write transaction).
enum ChangeSQL {
    static let count = SQL("SELECT count(*) FROM changes WHERE seq > ?1")
    // ?1 since, ?2 cursor seq, ?3 limit.
    static let page = SQL("""
        SELECT seq, at, collection, record_id, operation, actor FROM changes
        WHERE seq > ?1 AND (?2 IS NULL OR seq > ?2) ORDER BY seq LIMIT ?3
        """)
}

extension Store {
    public func changes(since: Int, after cursor: SeqCursor?, limit: Int) throws -> Page<Change, SeqCursor> {
        try list(
            count: ChangeSQL.count, page: ChangeSQL.page, limit: limit,
            bindFilter: { statement in try statement.bind(1, since) },
            bindPage: { statement, limit in
                try statement.bind(2, cursor?.seq)
                try statement.bind(3, limit)
            },
            row: { s in
                let change = Change(seq: s.int(0), at: s.text(1), collection: s.text(2), id: s.text(3),
                                    operation: s.text(4), actor: s.text(5))
                return (change, SeqCursor(seq: change.seq))
            },
            related: { _ in })
    }
}
