/// `/meetings`: filtered by day, period, party, person, topic, kind and search; sorted by date, then id.
enum MeetingSQL {
    static let columns = """
        SELECT m.id, m.title, m.kind, m.date, m.end_date, m.date_basis, m.location_city, m.location_country,
               m.location_basis, m.status, m.summary
        FROM meetings m
        """
    // ?1 day, ?2 from, ?3 to, ?4 party, ?5 person, ?6 topic, ?7 kind, ?8 FTS5 expression.
    static let filter = """
        WHERE (?1 IS NULL OR (m.date <= ?1 AND m.end_date >= ?1))
          AND (?2 IS NULL OR m.end_date >= ?2)
          AND (?3 IS NULL OR m.date <= ?3)
          AND (?4 IS NULL OR EXISTS (SELECT 1 FROM meeting_parties x WHERE x.meeting_id = m.id AND x.party_id = ?4))
          AND (?5 IS NULL OR EXISTS (SELECT 1 FROM meeting_participants x WHERE x.meeting_id = m.id AND x.person_id = ?5))
          AND (?6 IS NULL OR EXISTS (SELECT 1 FROM meeting_topics x WHERE x.meeting_id = m.id AND x.topic_id = ?6))
          AND (?7 IS NULL OR m.kind = ?7)
          AND (?8 IS NULL OR m.id IN (SELECT record_id FROM search_index WHERE search_index MATCH ?8 AND collection = 'meetings'))
        """
    static let count = SQL("SELECT count(*) FROM meetings m " + filter)
    // ?9, ?10: the cursor (date, id); ?11: limit.
    static let page = SQL(columns + " " + filter + """

          AND (?9 IS NULL OR (m.date, m.id) > (?9, ?10))
        ORDER BY m.date, m.id LIMIT ?11
        """)
    static let one = SQL(columns + " WHERE m.id = ?1")

    static let parties = SQL("""
        SELECT p.id, p.name, x.role FROM meeting_parties x JOIN parties p ON p.id = x.party_id
        WHERE x.meeting_id = ?1
        ORDER BY CASE x.role WHEN 'host' THEN 0 WHEN 'negotiating-side' THEN 1 WHEN 'author' THEN 2
                 WHEN 'addressee' THEN 3 WHEN 'consulted' THEN 4 ELSE 5 END, p.id
        """)
    // Related lists order by the junction table's column (equal to the joined id): its primary key
    // already yields that order, so SQLite needs no temporary b-tree to sort.
    static let participants = SQL("""
        SELECT p.id, p.name, x.role FROM meeting_participants x JOIN people p ON p.id = x.person_id
        WHERE x.meeting_id = ?1 ORDER BY x.person_id
        """)
    static let topics = SQL("""
        SELECT t.id, t.name FROM meeting_topics x JOIN topics t ON t.id = x.topic_id
        WHERE x.meeting_id = ?1 ORDER BY x.topic_id
        """)
}

extension Store {
    public func meetings(_ filter: MeetingFilter, after cursor: MeetingCursor?, limit: Int) throws
        -> Page<Meeting, MeetingCursor> {
        // Search text without a word matches nothing; FTS5 is not asked.
        if filter.search?.isEmpty == true { return Page(items: [], total: 0, next: nil) }
        return try list(
            count: MeetingSQL.count, page: MeetingSQL.page, limit: limit,
            bindFilter: { statement in
                try statement.bind(1, filter.day?.text)
                try statement.bind(2, filter.from?.text)
                try statement.bind(3, filter.to?.text)
                try statement.bind(4, filter.party)
                try statement.bind(5, filter.person)
                try statement.bind(6, filter.topic)
                try statement.bind(7, filter.kind)
                try statement.bind(8, filter.search?.expression)
            },
            bindPage: { statement, limit in
                try statement.bind(9, cursor?.date)
                try statement.bind(10, cursor?.id)
                try statement.bind(11, limit)
            },
            row: { statement in
                let meeting = Self.meetingRow(statement)
                return (meeting, MeetingCursor(date: meeting.date, id: meeting.id))
            },
            related: loadRelated)
    }

    public func meeting(id: String) throws -> Meeting? {
        try one(MeetingSQL.one, id: id, row: Self.meetingRow, related: loadRelated)
    }

    static func meetingRow(_ s: Statement) -> Meeting {
        Meeting(id: s.text(0), title: s.text(1), kind: s.text(2), date: s.text(3), endDate: s.text(4),
                dateBasis: s.text(5), locationCity: s.optionalText(6), locationCountry: s.optionalText(7),
                locationBasis: s.optionalText(8), status: s.text(9), summary: s.text(10))
    }

    private func loadRelated(_ meeting: inout Meeting) throws {
        meeting.parties = try related(MeetingSQL.parties, id: meeting.id) {
            RoleRef(id: $0.text(0), name: $0.text(1), role: $0.text(2))
        }
        meeting.participants = try related(MeetingSQL.participants, id: meeting.id) {
            RoleRef(id: $0.text(0), name: $0.text(1), role: $0.text(2))
        }
        meeting.topics = try related(MeetingSQL.topics, id: meeting.id) { RecordRef(id: $0.text(0), name: $0.text(1)) }
        meeting.sources = try recordSources(collection: "meetings", id: meeting.id)
    }
}
