/// `/meetings`: filtered by day, period, party, person, topic, kind and search; sorted by date, then id.
enum MeetingSQL {
    static let table = ListTable(MeetingTables.record, alias: "m", order: ["m.date", "m.id"], orderPositions: [4, 1],
                                 orderIndex: "meetings_order")

    /// The same list, read as stored bodies (`StoredBodies`): id, the body's format and the body (NULL for none), and the
    /// date, in the positions of `table`'s order. One more seek a row, into `record_bodies`.
    static let bodies = ListTable(table: table.table, alias: "m", columns: "m.id, b.format, b.body, m.date",
                                  joins: "LEFT JOIN record_bodies b ON b.collection = 'meetings' AND b.record_id = m.id",
                                  order: table.order, orderPositions: table.orderPositions, orderIndex: table.orderIndex,
                                  mergedColumns: table.order)

    /// Meetings by id, in no order (a write's stale bodies): relations are read for all of them at once.
    static let byIDOrder = SQL("SELECT \(table.columns) FROM meetings m WHERE m.id > ?1 ORDER BY m.id LIMIT ?2")
    static let byIDs = SQL("SELECT \(table.columns) FROM json_each(?1) j CROSS JOIN meetings m ON m.id = j.value")

    /// The length classes of migration 10 (`span_class`): two per doubling of a meeting's length in days after its
    /// first day. A meeting of class c lasts less than `upperBound(ofClass: c)` days after it, so it is in progress on
    /// day D only if it began at most that less one days before; the last class has no bound.
    static let lengthClasses = 0...32

    /// The lengths of class c are below this: 1 and 2 for the first two classes (one day, two days), then for class
    /// 2k 3 * 2^(k-1) and for class 2k + 1 2^(k+1) (the table of migration 10's CASE).
    static func upperBound(ofClass lengthClass: Int) -> Int? {
        guard lengthClass < lengthClasses.upperBound else { return nil }
        if lengthClass < 2 { return lengthClass + 1 }
        let doubling = lengthClass / 2
        return lengthClass % 2 == 0 ? 3 << (doubling - 1) : 2 << doubling
    }

    static func longestStart(ofClass lengthClass: Int) -> Int? { upperBound(ofClass: lengthClass).map { $0 - 1 } }

    /// The classes some meeting has (so a day's statement has an arm for each, and none for the others), each with
    /// the longest any of its meetings has lasted (migration 6).
    static let presentClasses = SQL("""
        SELECT value, (SELECT longest FROM span_bounds WHERE span_class = value)
        FROM json_each('[\(lengthClasses.map(String.init).joined(separator: ","))]')
        WHERE EXISTS (SELECT 1 FROM meetings WHERE span_class = value)
        """)

    /// Sets each class's bound to its longest meeting, exactly (every migration from migration 6 on, and the end of a
    /// bulk load): one walk of `meetings_span`, which holds both dates.
    static func rebuildSpanBounds(in database: Database) throws {
        guard try database.hasTable("span_bounds") else { return }
        try database.execute("DELETE FROM span_bounds")
        try database.execute("""
            INSERT INTO span_bounds (span_class, longest)
            SELECT span_class, max(CAST(julianday(end_date) - julianday(date) AS INTEGER)) FROM meetings GROUP BY span_class
            """)
    }

    /// In the junction's order (by party id); `byRole` then puts them in the order the API shows.
    static let parties = PageRelation(referencedBy: MeetingTables.parties, extra: ["x.role"])

    /// The order of a meeting's parties by role; other roles (a subject) come last. Each role's parties stay in id order.
    static let roleOrder = ["host", "negotiating-side", "author", "addressee", "consulted"]

    /// A meeting's parties by role, then by id (the order they come in): sorted here, stably, rather than in SQL, where
    /// ordering by a computed rank has SQLite open a sorter for every page. An insertion sort: a meeting has a few
    /// parties, often in order already, and `sorted` over their offsets built two arrays to sort three.
    static func byRole(_ parties: [RoleRef]) -> [RoleRef] {
        func rank(_ party: RoleRef) -> Int { roleOrder.firstIndex(of: party.role) ?? roleOrder.count }
        var ordered = parties
        for index in ordered.indices.dropFirst() {
            let party = ordered[index]
            let partyRank = rank(party)
            var slot = index
            while slot > 0, rank(ordered[slot - 1]) > partyRank {
                ordered[slot] = ordered[slot - 1]
                slot -= 1
            }
            if slot != index { ordered[slot] = party }
        }
        return ordered
    }
    // Related lists order by the junction table's column (equal to the joined id).
    static let participants = PageRelation(referencedBy: MeetingTables.participants, extra: ["x.role"])
    static let topics = PageRelation(referencedBy: MeetingTables.topics)
}

/// The parameters of a meetings list, one fixed number per filter (`ListParameters(slots:)`), so that a list's
/// statement text depends only on which filters are present and its plan is kept per shape.
enum MeetingParameter: Int {
    case day = 1, from, to, party, person, topic, kind, search

    var placeholder: String { "?\(rawValue)" }

    /// The slot of the first day (`SpanClass.firstDay`) of the `arm`th length class present, after the filters'
    /// slots: bound, not written into the statement, so that a longer meeting changes no statement text and no kept
    /// plan. Numbered among the classes present (which a list's shape names), not by class: a slot per class of
    /// migration 10 would give every meetings statement 33 more parameters to clear and bind.
    static func firstDay(ofArm arm: Int) -> String { "?\(search.rawValue + 1 + arm)" }

    /// Every slot's value for `filter`, NULL where the filter is absent, then the first days of the length classes
    /// `classes` (those present, in order) before the day (or the period's first day) that their arms name.
    ///
    /// One array, with room for the page's cursor and limit (`ListParameters.append(cursor:limit:)`): the headline's
    /// slots were built as two arrays joined, then copied to add those, about 9,000 instructions a request.
    static func slots(_ filter: MeetingFilter, classes: [SpanClass] = []) -> ListParameters {
        var slots: [SQLValue] = []
        slots.reserveCapacity(search.rawValue + classes.count + ListParameters.pageSlots)
        for value in [filter.day?.text, filter.from?.text, filter.to?.text, filter.party, filter.person, filter.topic,
                      filter.kind, filter.search?.expression] { slots.append(.text(value)) }
        // A day's arms drive when there is one (it is the first narrowing), a period's otherwise.
        if let day = filter.day ?? filter.from {
            for spanClass in classes { slots.append(.text(spanClass.firstDay(before: day))) }
        }
        return ListParameters(slots: slots)
    }
}

/// A length class some meeting has, and how far back before a day its meetings in progress may have begun.
struct SpanClass: Equatable {
    let number: Int
    /// How many days before a day the class's arm starts: as many as the class's longest meeting lasted
    /// (`span_bounds`, an upper bound), or without one the class's own bound. The last class has no bound of
    /// its own: a million days back is before year 0, whose text sorts before every day. Read once per data version
    /// (`spanClasses`), not per request.
    let windowDays: Int

    init(number: Int, longest: Int?) {
        self.number = number
        windowDays = longest ?? MeetingSQL.longestStart(ofClass: number) ?? 1_000_000
    }

    /// The arm's first day for meetings in progress on `day`.
    func firstDay(before day: Day) -> String { day.text(daysBefore: windowDays) }
}

extension Store {
    public func meetings(_ filter: MeetingFilter, after cursor: MeetingCursor?, limit: Int) throws
        -> Page<Meeting, MeetingCursor> {
        try meetingList(filter, bodies: false, after: cursor, limit: limit, row: { statement in
            let meeting = Self.meetingRow(statement)
            return (meeting, MeetingCursor(date: meeting.date, id: meeting.id))
        }, related: loadRelated)
    }

    /// The page `meetings` would read, as the meetings' stored bodies of `format`; nil when one of them has none (not
    /// rendered yet, or by another encoder), and the caller encodes the page instead.
    public func meetingBodies(_ filter: MeetingFilter, after cursor: MeetingCursor?, limit: Int, format: Int) throws
        -> Page<[UInt8], MeetingCursor>? {
        var complete = true
        let page = try meetingList(filter, bodies: true, after: cursor, limit: limit, row: { statement in
            if statement.isNull(1) || statement.int(1) != format { complete = false }
            return (statement.utf8(2), MeetingCursor(date: statement.text(3), id: statement.text(0)))
        }, related: { _ in })
        return complete ? page : nil
    }

    /// One meeting's stored body of `format`, or nil (no such meeting, or no current body: the caller reads the record).
    public func meetingBody(id: String, format: Int) throws -> [UInt8]? {
        try database.withStatement(StoredBodies.one) { statement in
            try statement.bind(1, id)
            guard try statement.step(), statement.int(0) == format else { return nil }
            return statement.utf8(1)
        }
    }

    /// Up to `limit` meetings after the id `after`, in id order, with their relations (rendering every body: in id
    /// order, each body is appended to `record_bodies`' key index rather than inserted at random).
    func meetings(afterID after: String, limit: Int) throws -> [Meeting] {
        var meetings = try database.withStatement(MeetingSQL.byIDOrder) { statement in
            try statement.bind(1, after)
            try statement.bind(2, limit)
            var meetings: [Meeting] = []
            while try statement.step() { meetings.append(Self.meetingRow(statement)) }
            return meetings
        }
        if !meetings.isEmpty { try loadRelated(&meetings) }
        return meetings
    }

    /// Meetings by id with their relations, in no particular order; ids with no meeting are left out.
    func meetings(ids: [String]) throws -> [Meeting] {
        var meetings = try database.withStatement(MeetingSQL.byIDs) { statement in
            try statement.bind(1, utf8: PageIDs.array(ids))
            var meetings: [Meeting] = []
            while try statement.step() { meetings.append(Self.meetingRow(statement)) }
            return meetings
        }
        if !meetings.isEmpty { try loadRelated(&meetings) }
        return meetings
    }

    private func meetingList<Item>(_ filter: MeetingFilter, bodies: Bool, after cursor: MeetingCursor?, limit: Int,
                                   row: (Statement) -> (Item, MeetingCursor),
                                   related: (inout [Item]) throws -> Void) throws -> Page<Item, MeetingCursor> {
        // Search text without a word matches nothing; FTS5 is not asked.
        if filter.search?.isEmpty == true { return Page(items: [], total: 0, next: nil) }
        return try list(bodies ? MeetingSQL.bodies : MeetingSQL.table, shape: try meetingShape(filter, bodies: bodies, cursor: cursor != nil),
                        narrowings: { try meetingNarrowings(filter) },
                        parameters: try meetingSlots(filter),
                        cursor: cursor.map { [.text($0.date), .text($0.id)] }, limit: limit,
                        total: ListCounts.total(of: [("party", filter.party), ("person", filter.person),
                                                     ("topic", filter.topic), ("kind", filter.kind)],
                                                day: filter.day, from: filter.from, to: filter.to, search: filter.search),
                        row: row, related: related)
    }

    /// A meetings request's slots (`MeetingParameter.slots`), with the first days of the length classes present when
    /// a day or a period names their arms.
    func meetingSlots(_ filter: MeetingFilter) throws -> ListParameters {
        MeetingParameter.slots(filter, classes: filter.day != nil || filter.from != nil ? try spanClasses() : [])
    }

    /// What a meetings list's statements depend on: the filters present and, for a day or a period, the length
    /// classes its arms name. None for a search, whose plan depends on how many meetings match its words.
    func meetingShape(_ filter: MeetingFilter, bodies: Bool = false, cursor: Bool) throws -> ListShape? {
        guard filter.search == nil else { return nil }
        var bits: UInt64 = 0
        func mark(_ isPresent: Bool, _ slot: MeetingParameter) { if isPresent { bits |= 1 << UInt64(slot.rawValue) } }
        mark(filter.day != nil, .day)
        mark(filter.from != nil, .from)
        mark(filter.to != nil, .to)
        mark(filter.party != nil, .party)
        mark(filter.person != nil, .person)
        mark(filter.topic != nil, .topic)
        mark(filter.kind != nil, .kind)
        if filter.day != nil || filter.from != nil {
            for spanClass in try spanClasses() { bits |= 1 << UInt64(16 + spanClass.number) }
        }
        // The stored bodies' statements are another select list over the same plan.
        if bodies { bits |= 1 << 63 }
        return ListShape(list: MeetingSQL.table.table, filters: bits, cursor: cursor)
    }

    /// The filters of a meetings request, the one that should drive first.
    func meetingNarrowings(_ filter: MeetingFilter) throws -> [Narrowing] {
        var narrowings: [Narrowing] = []
        if filter.day != nil {
            let d = MeetingParameter.day.placeholder
            narrowings.append(Narrowing("m.date <= \(d) AND m.end_date >= \(d)",
                                        driver: .arms(try spanClasses().enumerated().map { Self.classArm($1.number, arm: $0) })))
        }
        if filter.from != nil || filter.to != nil {
            var conditions: [String] = []
            let from = filter.from.map { _ in MeetingParameter.from.placeholder }
            if let from { conditions.append("m.end_date >= \(from)") }
            if filter.to != nil { conditions.append("m.date <= \(MeetingParameter.to.placeholder)") }
            let condition = conditions.joined(separator: " AND ")
            if let from {
                // What began before the period and is still going on at its start, then what begins in it. The end of
                // the period is the last arm's alone: in a class's arm, `m.date <= to` is implied by `m.date < from`, and
                // SQLite, given both upper bounds, took `to`'s for the index range and read every meeting of the class
                // begun in the period to drop it (about 2,000 rows for a month at a million meetings).
                // What begins in the period needs no test of its end: `end_date >= date` is a CHECK of the table, so
                // the last arm reads `meetings_order` alone, which has no end dates, instead of each row's table row.
                let arms = try spanClasses().enumerated().map { Self.classArm($1.number, arm: $0, before: from) }
                let begun = "m.date >= \(from)" + (filter.to != nil ? " AND m.date <= \(MeetingParameter.to.placeholder)" : "")
                narrowings.append(Narrowing(condition, driver: .arms(arms + [("meetings_order", begun)]),
                                            drivingCondition: ""))
            } else {
                narrowings.append(Narrowing(condition, driver: .ordered(from: MeetingSQL.table.inOrder,
                                                                         order: MeetingSQL.table.order)))
            }
        }
        for (value, table, column, alias, slot) in [(filter.party, "meeting_parties", "party_id", "xp", MeetingParameter.party),
                                                    (filter.person, "meeting_participants", "person_id", "xa", .person),
                                                    (filter.topic, "meeting_topics", "topic_id", "xt", .topic)] {
            guard value != nil else { continue }
            narrowings.append(.junction(table, alias, record: "meeting_id", column: column, value: slot.placeholder,
                                        of: MeetingSQL.table, order: ["meeting_date", "meeting_id"]))
        }
        if filter.kind != nil {
            narrowings.append(Narrowing("m.kind = \(MeetingParameter.kind.placeholder)",
                                        driver: .ordered(from: "meetings m INDEXED BY meetings_kind",
                                                         order: MeetingSQL.table.order)))
        }
        if filter.search != nil {
            narrowings.append(.search(SearchIndex.meetings, alias: "m", MeetingParameter.search.placeholder))
        }
        return narrowings
    }

    /// The candidates of one length class: in progress on a day only if begun at most as many days before it as the
    /// class's longest meeting lasted (from its first day's slot on), and, for a period, begun before the period's
    /// first day `before` and not ended by then: what begins within it is the last arm's.
    static func classArm(_ lengthClass: Int, arm: Int, before: String? = nil) -> (index: String, condition: String) {
        var condition = "m.span_class = \(lengthClass) AND m.date >= \(MeetingParameter.firstDay(ofArm: arm))"
        if let before { condition += " AND m.date < \(before) AND m.end_date >= \(before)" }
        return ("meetings_span", condition)
    }

    /// The length classes present, re-read when the data version moves (read in the caller's snapshot).
    func spanClasses() throws -> [SpanClass] {
        let version = try readDataVersion()
        if let cached = cachedSpanClasses, cached.version == version { return cached.classes }
        let classes = try database.withStatement(MeetingSQL.presentClasses) { statement in
            var classes: [SpanClass] = []
            while try statement.step() { classes.append(SpanClass(number: statement.int(0), longest: statement.optionalInt(1))) }
            return classes
        }
        cachedSpanClasses = (version, classes)
        return classes
    }

    public func meeting(id: String) throws -> Meeting? {
        try one(MeetingSQL.table.one, id: id, row: Self.meetingRow, related: loadRelated)
    }

    static func meetingRow(_ s: Statement) -> Meeting {
        Meeting(id: s.text(0), title: s.text(1), kind: s.text(2), date: s.text(3), endDate: s.text(4),
                dateBasis: s.text(5), locationCity: s.optionalText(6), locationCountry: s.optionalText(7),
                locationBasis: s.optionalText(8), status: s.text(9), summary: s.text(10))
    }

    private func loadRelated(_ meetings: inout [Meeting]) throws {
        let ids = PageIDs(meetings.map(\.id))
        meetings.attach(try related(MeetingSQL.parties, ids: ids) { RoleRef(id: $0.text(1), name: $0.text(2), role: $0.text(3)) }) {
            $0.parties = MeetingSQL.byRole($1)
        }
        meetings.attach(try related(MeetingSQL.participants, ids: ids) {
            RoleRef(id: $0.text(1), name: $0.text(2), role: $0.text(3))
        }) { $0.participants = $1 }
        meetings.attach(try related(MeetingSQL.topics, ids: ids) { RecordRef(id: $0.text(1), name: $0.text(2)) }) {
            $0.topics = $1
        }
        meetings.attach(try recordSources(.meetings, ids: ids)) { $0.sources = $1 }
    }
}

extension Meeting {
    /// The meeting `draft` becomes once saved, as `loadRelated` reads it back: parties by role and then by id,
    /// participants and topics by id, sources by source and paragraph, each related record named by `name`. Ids
    /// compare as SQLite compares them, byte by byte. An import renders each meeting's stored body from this on its
    /// validating thread instead of reading every meeting and its relations again at the end of the load; the import's
    /// tests compare every body it stores with the one rendered from the rows read back.
    public init(saved draft: MeetingDraft, name: (RecordCollection, String) -> String) {
        func byID<T>(_ items: [T], _ id: (T) -> String) -> [T] {
            items.sorted { id($0).utf8.lexicographicallyPrecedes(id($1).utf8) }
        }
        self.init(id: draft.id, title: draft.title, kind: draft.kind, date: draft.date, endDate: draft.endDate,
                  dateBasis: draft.dateBasis, locationCity: draft.locationCity, locationCountry: draft.locationCountry,
                  locationBasis: draft.locationBasis, status: draft.status, summary: draft.summary,
                  parties: MeetingSQL.byRole(byID(draft.parties, \.id).map { RoleRef(id: $0.id, name: name(.parties, $0.id), role: $0.role) }),
                  participants: byID(draft.participants, \.id).map { RoleRef(id: $0.id, name: name(.people, $0.id), role: $0.role) },
                  topics: byID(draft.topics, { $0 }).map { RecordRef(id: $0, name: name(.topics, $0)) },
                  sources: draft.sources.sorted {
                      $0.source == $1.source ? $0.paragraph < $1.paragraph : $0.source.utf8.lexicographicallyPrecedes($1.source.utf8)
                  })
    }
}
