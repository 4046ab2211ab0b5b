/// `/quotes`: filtered by speaker, party, meeting, topic, kind, day, period and search; in reading order.
enum QuoteSQL {
    static let table = ListTable(
        table: "quotes", alias: "q",
        columns: """
            q.id, q.text, q.kind, q.speaker_id, sp.name, q.party_id, pa.name, q.date, q.date_basis,
            q.meeting_id, m.title, q.attribution, q.source_id, q.paragraph, q.start_offset, q.end_offset, q.reading_key
            """,
        joins: """
            LEFT JOIN people sp ON sp.id = q.speaker_id
            LEFT JOIN parties pa ON pa.id = q.party_id
            LEFT JOIN meetings m ON m.id = q.meeting_id
            """,
        order: ["q.reading_key"], orderPositions: [17], orderIndex: "quotes_reading")

    /// A range of at most this many days is read a day at a time: one arm per day, each in reading order through
    /// `quotes_date`, merged (as a meetings day merges its length classes). A longer one counts its matches first.
    static let maximumDayArms = 31


    static let topics = PageRelation(referencedBy: QuoteTables.topics)

    /// The days from `from` to `to`, both included, when there are at least one and at most `maximumDayArms`.
    static func days(from: Day, to: Day) -> [Day]? {
        var days: [Day] = []
        var day: Day? = from
        while let current = day, current <= to {
            guard days.count < maximumDayArms else { return nil }
            days.append(current)
            day = current.next
        }
        return days.isEmpty ? nil : days
    }

    /// The `reading_key` (migration 4) of a cursor's position: source, paragraph, offset + 1 and id, zero-padded
    /// and joined by U+0001, as the column's printf writes them.
    static func readingKey(_ cursor: QuoteCursor) -> String {
        func padded(_ number: Int) -> String {
            let digits = String(number)
            return digits.count >= 10 ? digits : String(repeating: "0", count: 10 - digits.count) + digits
        }
        let separator = "\u{01}"
        let start = cursor.start == Int.max ? cursor.start : cursor.start + 1
        return cursor.source + separator + padded(cursor.paragraph) + separator + padded(start) + separator + cursor.id
    }
}

extension Store {
    public func quotes(_ filter: QuoteFilter, after cursor: QuoteCursor?, limit: Int) throws -> Page<Quote, QuoteCursor> {
        // Search text without a word matches nothing; FTS5 is not asked.
        if filter.search?.isEmpty == true { return Page(items: [], total: 0, next: nil) }
        var parameters = ListParameters()
        let narrowings = Self.quoteNarrowings(filter, &parameters)
        return try list(QuoteSQL.table, narrowings, parameters: parameters,
                        cursor: cursor.map { [.text(QuoteSQL.readingKey($0))] }, limit: limit,
                        total: ListCounts.total(of: [("speaker", filter.speaker), ("party", filter.party),
                                                     ("meeting", filter.meeting), ("topic", filter.topic), ("kind", filter.kind)],
                                                day: filter.day, from: filter.from, to: filter.to, search: filter.search),
                        row: { statement in
                            let quote = Self.quoteRow(statement)
                            return (quote, QuoteCursor(source: quote.source?.source ?? "~",
                                                       paragraph: quote.source?.paragraph ?? 0,
                                                       start: quote.source?.start ?? -1, id: quote.id))
                        },
                        related: loadRelated)
    }

    /// The filters of a quotes request, the one that should drive first: each column filter walks an index on
    /// (column, reading_key), the topic filter `quote_topics`' copy of the key.
    static func quoteNarrowings(_ filter: QuoteFilter, _ parameters: inout ListParameters) -> [Narrowing] {
        var narrowings: [Narrowing] = []
        for (value, column, index) in [(filter.speaker, "speaker_id", "quotes_speaker"),
                                       (filter.meeting, "meeting_id", "quotes_meeting"),
                                       (filter.party, "party_id", "quotes_party"),
                                       (filter.day?.text, "date", "quotes_date"),
                                       (filter.kind, "kind", "quotes_kind")] {
            guard let value else { continue }
            narrowings.append(Narrowing("q.\(column) = \(parameters.add(value))",
                                        driver: .ordered(from: "quotes q INDEXED BY \(index)", order: QuoteSQL.table.order)))
        }
        if let topic = filter.topic {
            narrowings.append(.junction("quote_topics", "xt", record: "quote_id", column: "topic_id", value: parameters.add(topic),
                                        of: QuoteSQL.table, order: ["reading_key"]))
        }
        if let search = filter.search {
            narrowings.append(.search(SearchIndex.quotes, alias: "q", parameters.add(search.expression)))
        }
        if filter.from != nil || filter.to != nil {
            var conditions: [String] = []
            if let from = filter.from { conditions.append("q.date >= \(parameters.add(from.text))") }
            if let to = filter.to { conditions.append("q.date <= \(parameters.add(to.text))") }
            let condition = conditions.joined(separator: " AND ")
            if let from = filter.from, let to = filter.to, let days = QuoteSQL.days(from: from, to: to) {
                // A short range has no index in reading order, but each of its days has one.
                narrowings.append(Narrowing(condition, driver: .arms(days.map { ("quotes_date", "q.date = \(parameters.add($0.text))") })))
                return narrowings
            }
            // A range of dates is not in reading order: sparse, its matches are sorted; dense, they are walked.
            narrowings.append(Narrowing(condition, driver: .unordered(
                count: "SELECT count(*) FROM (SELECT 1 FROM quotes q INDEXED BY quotes_date WHERE \(condition) LIMIT \(exactTotalLimit + 1))",
                from: "quotes q INDEXED BY quotes_date")))
        }
        return narrowings
    }

    public func quote(id: String) throws -> Quote? {
        try one(QuoteSQL.table.one, id: id, row: Self.quoteRow, related: loadRelated)
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

    private func loadRelated(_ quotes: inout [Quote]) throws {
        quotes.attach(try related(QuoteSQL.topics, ids: PageIDs(quotes.map(\.id))) { RecordRef(id: $0.text(1), name: $0.text(2)) }) {
            $0.topics = $1
        }
    }
}
