/// `/quotes`: filtered by speaker, party, meeting, topic, kind, day, period and search; in reading order.
enum QuoteSQL {
    static let columns = """
        SELECT q.id, q.text, q.kind, q.speaker_id, sp.name, q.party_id, pa.name, q.date, q.date_basis,
               q.meeting_id, m.title, q.attribution, q.source_id, q.paragraph, q.start_offset, q.end_offset
        FROM quotes q
        LEFT JOIN people sp ON sp.id = q.speaker_id
        LEFT JOIN parties pa ON pa.id = q.party_id
        LEFT JOIN meetings m ON m.id = q.meeting_id
        """
    // ?1 speaker, ?2 party, ?3 meeting, ?4 topic, ?5 kind, ?6 day, ?7 from, ?8 to, ?9 FTS5 expression.
    static let filter = """
        WHERE (?1 IS NULL OR q.speaker_id = ?1)
          AND (?2 IS NULL OR q.party_id = ?2)
          AND (?3 IS NULL OR q.meeting_id = ?3)
          AND (?4 IS NULL OR EXISTS (SELECT 1 FROM quote_topics x WHERE x.quote_id = q.id AND x.topic_id = ?4))
          AND (?5 IS NULL OR q.kind = ?5)
          AND (?6 IS NULL OR q.date = ?6)
          AND (?7 IS NULL OR q.date >= ?7)
          AND (?8 IS NULL OR q.date <= ?8)
          AND (?9 IS NULL OR q.id IN (SELECT record_id FROM search_index WHERE search_index MATCH ?9 AND collection = 'quotes'))
        """
    static let count = SQL("SELECT count(*) FROM quotes q " + filter)
    // ?10..?13 the cursor (source, paragraph, start, id); ?14 limit.
    static let page = SQL(columns + " " + filter + """

          AND (?10 IS NULL OR (\(sortKey), q.id) > (?10, ?11, ?12, ?13))
        ORDER BY \(sortKey), q.id LIMIT ?14
        """)
    /// Reading order; quotes without a source or offsets get sort keys that are never NULL (see `QuoteCursor`).
    static let sortKey = "coalesce(q.source_id, '~'), coalesce(q.paragraph, 0), coalesce(q.start_offset, -1)"
    static let one = SQL(columns + " WHERE q.id = ?1")

    static let topics = SQL("""
        SELECT t.id, t.name FROM quote_topics x JOIN topics t ON t.id = x.topic_id
        WHERE x.quote_id = ?1 ORDER BY x.topic_id
        """)
}

extension Store {
    public func quotes(_ filter: QuoteFilter, after cursor: QuoteCursor?, limit: Int) throws -> Page<Quote, QuoteCursor> {
        // Search text without a word matches nothing; FTS5 is not asked.
        if filter.search?.isEmpty == true { return Page(items: [], total: 0, next: nil) }
        return try list(
            count: QuoteSQL.count, page: QuoteSQL.page, limit: limit,
            bindFilter: { statement in
                try statement.bind(1, filter.speaker)
                try statement.bind(2, filter.party)
                try statement.bind(3, filter.meeting)
                try statement.bind(4, filter.topic)
                try statement.bind(5, filter.kind)
                try statement.bind(6, filter.day?.text)
                try statement.bind(7, filter.from?.text)
                try statement.bind(8, filter.to?.text)
                try statement.bind(9, filter.search?.expression)
            },
            bindPage: { statement, limit in
                try statement.bind(10, cursor?.source)
                try statement.bind(11, cursor?.paragraph)
                try statement.bind(12, cursor?.start)
                try statement.bind(13, cursor?.id)
                try statement.bind(14, limit)
            },
            row: { statement in
                let quote = Self.quoteRow(statement)
                return (quote, QuoteCursor(source: quote.source?.source ?? "~", paragraph: quote.source?.paragraph ?? 0,
                                           start: quote.source?.start ?? -1, id: quote.id))
            },
            related: loadRelated)
    }

    public func quote(id: String) throws -> Quote? {
        try one(QuoteSQL.one, id: id, row: Self.quoteRow, related: loadRelated)
    }

    static func quoteRow(_ s: Statement) -> Quote {
        Quote(id: s.text(0), text: s.text(1), kind: s.text(2),
              speaker: s.optionalText(3).map { RecordRef(id: $0, name: s.text(4)) },
              party: s.optionalText(5).map { RecordRef(id: $0, name: s.text(6)) },
              date: s.optionalText(7), dateBasis: s.optionalText(8),
              meeting: s.optionalText(9).map { RecordRef(id: $0, name: s.text(10)) },
              attribution: s.text(11),
              source: s.optionalText(12).map {
                  QuoteSource(source: $0, paragraph: s.int(13), start: s.optionalInt(14), end: s.optionalInt(15))
              })
    }

    private func loadRelated(_ quote: inout Quote) throws {
        quote.topics = try related(QuoteSQL.topics, id: quote.id) { RecordRef(id: $0.text(0), name: $0.text(1)) }
    }
}
