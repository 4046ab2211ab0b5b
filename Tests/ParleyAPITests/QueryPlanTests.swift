import Foundation
import HTTPServer
@testable import ParleyAPI
@testable import ParleyStore
import Testing

/// The complexity guard (issue 9): on a database of 10,000 synthetic meetings and 40,000 quotes, `EXPLAIN QUERY
/// PLAN` of every statement the read and write paths prepare, in every filter shape, must show no row count that
/// grows with the table rather than with the answer:
/// - no full `SCAN` of a data table or of a search table (an FTS5 table read without `MATCH`);
/// - no temporary B-tree that sorts a list's matches before its `LIMIT`.
/// Allowed, and why: a list no filter drives walks its order index under its LIMIT (the page, or the count's cap);
/// a page merged from many arms is joined to its stored bodies after the merge, reading the merge's co-routine
/// (its page of rows under its LIMIT);
/// a search walks its word's matches in the list's order (the search keys follow it); a long range of quote dates
/// (a short one merges one arm per day), whose index is in another order, sorts its matches only when it has at most
/// `Store.exactTotalLimit` of them, and
/// otherwise is checked while the order index is walked (its matches are then dense); a page's related rows are sorted per page (at most 500 owners), and one record's where its relation's order is not an index's; `tokens` is read whole on purpose (every
/// hash compared in constant time; it holds credentials, not records). Plans are deterministic: nothing is timed.
@Suite(.serialized) struct QueryPlanTests {
    static let dataTables: Set<String> = [
        "meetings", "quotes", "people", "parties", "topics", "demands", "sources", "paragraphs", "changes",
        "meeting_parties", "meeting_participants", "meeting_topics", "quote_topics", "demand_addressees",
        "demand_topics", "record_sources", "posts", "memberships", "person_aliases", "party_aliases", "quotes_search_keys",
        "meetings_search_keys", "people_search_keys",
        "idempotency_keys", "list_counts", "date_counts",
    ]
    static let searchTables: Set<String> = ["quotes_search", "meetings_search", "people_search"]

    /// What a plan may do beyond index searches.
    struct Allowance {
        var walksInOrder = false
        var sortsBoundedMatches = false
        var sortsPage = false
    }

    static func plan(_ database: Database, _ sql: String) throws -> [String] {
        let statement = try database.prepare("EXPLAIN QUERY PLAN " + sql)
        var details: [String] = []
        while try statement.step() { details.append(statement.text(3)) }
        return details
    }

    /// The lines of a plan that break the rules, with aliases resolved to their tables.
    static func violations(_ details: [String], sql: String, allowance: Allowance) -> [String] {
        var found: [String] = []
        // A subquery run as a co-routine is read whole by its outer query: its rows are what its own lines of the
        // plan (checked like any other) yield, such as a page merged from arms under its LIMIT.
        let coroutines = Set(details.filter { $0.hasPrefix("CO-ROUTINE ") }.map { String($0.dropFirst(11).prefix { $0 != " " }) })
        for detail in details {
            if detail.hasPrefix("SCAN ") {
                let name = String(detail.dropFirst(5).prefix { $0 != " " })
                if coroutines.contains(name) && detail == "SCAN \(name)" { continue }
                let table = resolve(alias: name, in: sql)
                if searchTables.contains(table) {
                    // FTS5's idxStr names its constraints: M is MATCH, = a rowid. Without one the whole index is read.
                    let constraints = detail.split(separator: ":", maxSplits: 1).last ?? ""
                    if !(detail.contains("VIRTUAL TABLE INDEX") && (constraints.contains("M") || constraints.contains("="))) {
                        found.append(detail)
                    }
                } else if dataTables.contains(table) {
                    let walksAnIndex = detail.contains(" USING INDEX ") || detail.contains(" USING COVERING INDEX ")
                    if !(allowance.walksInOrder && walksAnIndex) { found.append(detail) }
                }
            }
            if detail.hasPrefix("USE TEMP B-TREE") {
                let ok = allowance.sortsPage || (allowance.sortsBoundedMatches && detail == "USE TEMP B-TREE FOR ORDER BY")
                if !ok { found.append(detail) }
            }
        }
        return found
    }

    /// `m` → `meetings` from `meetings m` / `JOIN meetings m` in the statement.
    static func resolve(alias: String, in sql: String) -> String {
        if dataTables.contains(alias) || searchTables.contains(alias) { return alias }
        let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" || $0 == "," }).map(String.init)
        for index in words.indices.dropFirst() where words[index] == alias {
            let previous = words[index - 1]
            if dataTables.contains(previous) || searchTables.contains(previous) { return previous }
        }
        return alias
    }

    static func subsets<T>(_ items: [T], upTo size: Int) -> [[T]] {
        var result: [[T]] = [[]]
        for item in items {
            result += result.filter { $0.count < size }.map { $0 + [item] }
        }
        return result
    }

    /// Every list shape: each filter alone, each pair, all together; with and without a cursor; both branches of an
    /// unordered filter.
    @Test func everyListShapeUsesAnIndexForItsFiltersAndOrder() throws {
        let directory = try TemporaryDirectory()
        let store = try Store.open(path: directory.path("plans.sqlite"))
        try ScaleData.fill(store.database, meetings: 10_000)
        let database = store.database
        #expect(try Self.count(database, "SELECT count(*) FROM meetings") > 10_000)

        var checked = 0
        var problems: [String] = []
        func check(_ name: String, _ table: ListTable, _ narrowings: [Narrowing], _ parameters: ListParameters,
                   cursor: [SQLValue]) throws {
            let unordered = narrowings.contains { if case .unordered = $0.driver { return true } else { return false } }
            let counted = unordered || narrowings.contains { if case .search = $0.driver { return true } else { return false } }
            let drivesInOrder = narrowings.contains {
                switch $0.driver {
                case .ordered, .arms, .search: return true
                case .unordered, .none: return false
                }
            }
            for dense in counted ? [false, true] : [false] {
                for withCursor in [false, true] {
                    let plan = Store.plan(table, narrowings, parameters: parameters, cursor: withCursor ? cursor : nil,
                                          limit: 6, unorderedMatches: { _, _ in dense ? Store.exactTotalLimit + 1 : 0 })
                    var allowance = Allowance()
                    allowance.walksInOrder = !drivesInOrder && (narrowings.isEmpty || dense
                        || narrowings.allSatisfy { if case .none = $0.driver { return true } else { return false } })
                    // A sparse range of quote dates may drive (and sort its at most cap matches) unless an ordered
                    // index does; a search drives before it only while the word is sparse too.
                    let ordered = narrowings.contains {
                        switch $0.driver {
                        case .ordered, .arms: return true
                        default: return false
                        }
                    }
                    allowance.sortsBoundedMatches = !ordered && unordered && !dense
                    for sql in [plan.count, plan.page] {
                        let details = try Self.plan(database, sql)
                        let bad = Self.violations(details, sql: sql, allowance: allowance)
                        if !bad.isEmpty {
                            problems.append("\(name)\(dense ? " (dense)" : "")\(withCursor ? " with cursor" : ""): \(bad)\n  \(sql)\n  \(details)")
                        }
                        checked += 1
                    }
                }
            }
        }

        let person = try Self.text(database, "SELECT id FROM people ORDER BY id LIMIT 1")
        let topic = try Self.text(database, "SELECT id FROM topics ORDER BY id LIMIT 1")
        let meeting = "synthetic-0000007"
        typealias MeetingEdit = (String, (inout MeetingFilter) throws -> Void)
        let meetingFilters: [MeetingEdit] = [
            ("date", { $0.day = Day("2000-06-15") }),
            ("from", { $0.from = Day("2000-01-01") }),
            ("to", { $0.to = Day("2001-01-01") }),
            ("party", { $0.party = "nato" }),
            ("person", { $0.person = person }),
            ("topic", { $0.topic = topic }),
            ("kind", { $0.kind = "bilateral-talks" }),
            ("q", { $0.search = try SearchQuery("dialogue") }),
        ]
        for shape in Self.subsets(meetingFilters, upTo: 2) + [meetingFilters] {
            var filter = MeetingFilter()
            for (_, edit) in shape { try edit(&filter) }
            var parameters = ListParameters()
            let narrowings = try store.meetingNarrowings(filter, &parameters)
            // Read as records, and as their stored bodies (what an uncached JSON page reads), one seek more a row.
            for table in [MeetingSQL.table, MeetingSQL.bodies] {
                try check("meetings?" + shape.map(\.0).joined(separator: "&"), table, narrowings, parameters,
                          cursor: [.text("2000-03-01"), .text("synthetic-0000005")])
            }
        }

        typealias QuoteEdit = (String, (inout QuoteFilter) throws -> Void)
        let quoteFilters: [QuoteEdit] = [
            ("speaker", { $0.speaker = person }),
            ("party", { $0.party = "nato" }),
            ("meeting", { $0.meeting = meeting }),
            ("topic", { $0.topic = topic }),
            ("kind", { $0.kind = "direct" }),
            ("date", { $0.day = Day("2000-06-15") }),
            ("from", { $0.from = Day("2000-01-01") }),
            ("to", { $0.to = Day("2001-01-01") }),
            ("q", { $0.search = try SearchQuery("crystal") }),
            // A short range: a day at a time (`QuoteSQL.maximumDayArms`), after `from` and `to` so it is the one set.
            ("20 days", { $0.from = Day("2000-01-01"); $0.to = Day("2000-01-20") }),
        ]
        for shape in Self.subsets(quoteFilters, upTo: 2) + [quoteFilters] {
            var filter = QuoteFilter()
            for (_, edit) in shape { try edit(&filter) }
            var parameters = ListParameters()
            let narrowings = Store.quoteNarrowings(filter, &parameters)
            try check("quotes?" + shape.map(\.0).joined(separator: "&"), QuoteSQL.table, narrowings, parameters,
                      cursor: [.text(QuoteSQL.readingKey(QuoteCursor(source: "~", paragraph: 0, start: -1, id: "synthetic-0000005-q1")))])
        }

        for shape in Self.subsets([0, 1], upTo: 2) {
            var filter = PersonFilter()
            if shape.contains(0) { filter.party = "nato" }
            if shape.contains(1) { filter.search = try SearchQuery("grusko") }
            var parameters = ListParameters()
            try check("people \(shape)", PersonSQL.table, Store.personNarrowings(filter, &parameters), parameters,
                      cursor: [.text("a")])
        }
        for shape in Self.subsets([0, 1], upTo: 2) {
            var filter = PartyFilter()
            if shape.contains(0) { filter.kind = "state" }
            if shape.contains(1) { filter.memberOf = "nato" }
            var parameters = ListParameters()
            try check("parties \(shape)", PartySQL.table, Store.partyNarrowings(filter, &parameters), parameters,
                      cursor: [.text("a")])
        }
        for shape in Self.subsets([0, 1, 2, 3], upTo: 4) {
            var filter = DemandFilter()
            if shape.contains(0) { filter.party = "russia" }
            if shape.contains(1) { filter.addressee = "nato" }
            if shape.contains(2) { filter.topic = topic }
            if shape.contains(3) { filter.meeting = meeting }
            var parameters = ListParameters()
            try check("demands \(shape)", DemandSQL.table, Store.demandNarrowings(filter, &parameters), parameters,
                      cursor: [.text("a")])
        }
        try check("topics", TopicSQL.table, [], ListParameters(), cursor: [.text("a")])
        try check("sources", SourceSQL.table, [], ListParameters(), cursor: [.text("a")])
        var since = ListParameters()
        try check("changes?since", ChangeSQL.table, [Narrowing("c.seq > \(since.add(5))")], since, cursor: [.int(9)])

        #expect(checked > 500)
        #expect(problems.isEmpty, "\(problems.count) statements visit rows that grow with the table:\n\(problems.joined(separator: "\n"))")
    }

    /// Everything else a request prepares: items, a page's relations, the data version, and every write
    /// (POST, PATCH, DELETE of each kind of record, a rename that reindexes others), recorded as the real handler
    /// prepares them on its own connection.
    @Test func everyStatementOfTheReadAndWritePathsUsesAnIndex() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("paths.sqlite")
        let token: String
        do {
            let store = try Store.open(path: path)
            try ScaleData.fill(store.database, meetings: 10_000)
            token = try store.createToken(name: "plans")
        }
        let handler = try APIHandler(configuration: APIConfiguration(databasePath: path, responseCacheBytes: 0))
        let person = try Self.text(handler.store.database, "SELECT id FROM people ORDER BY id LIMIT 1")
        // Items too, so that every relation's one-record form (`PageRelation.one`) is planned beside its page form.
        let demand = try Self.text(handler.store.database, "SELECT id FROM demands ORDER BY id LIMIT 1")
        let topic = try Self.text(handler.store.database, "SELECT id FROM topics ORDER BY id LIMIT 1")
        handler.store.database.preparedSQLLog = []

        func send(_ method: HTTPMethod, _ target: String, _ body: String? = nil) -> Int {
            let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
            var headers = HTTPHeaders()
            headers.add("Host", "localhost")
            if method != .get { headers.add("Authorization", "Bearer " + token) }
            if body != nil { headers.add("Content-Type", method == .patch ? "application/merge-patch+json" : "application/json") }
            let request = HTTPRequest(method: method, target: target, path: parts[0], query: parts.count > 1 ? parts[1] : "",
                                      headers: headers, body: Array((body ?? "").utf8), remoteAddress: "127.0.0.1")
            return handler.handle(request).status
        }
        for target in ["/meetings?date=2000-06-15&limit=100", "/meetings/synthetic-0000007", "/quotes?speaker=\(person)",
                       "/quotes/synthetic-0000007-q1", "/people", "/people/\(person)", "/parties", "/parties/nato",
                       "/topics", "/topics/\(topic)", "/demands", "/demands/\(demand)", "/sources", "/sources/article",
                       "/changes?since=5", "/", "/healthz"] {
            #expect(send(.get, target) == 200, "GET \(target)")
        }
        let meeting = """
            {"id": "plan-test-meeting", "title": "Plan test", "kind": "bilateral-talks", "date": "2000-06-15",
             "end_date": "2000-06-16", "date_basis": "stated", "status": "held",
             "parties": [{"id": "nato", "role": "negotiating-side"}], "participants": [{"id": "\(person)"}]}
            """
        #expect(send(.post, "/meetings", meeting) == 201)
        #expect(send(.patch, "/meetings/plan-test-meeting", #"{"summary": "Patched."}"#) == 200)
        let quote = """
            {"id": "plan-test-quote", "text": "A plan.", "kind": "direct", "speaker": {"id": "\(person)"},
             "meeting": {"id": "plan-test-meeting"}}
            """
        #expect(send(.post, "/quotes", quote) == 201)
        #expect(send(.patch, "/people/\(person)", #"{"summary": "Renamed in a plan test."}"#) == 200)
        #expect(send(.patch, "/parties/nato", #"{"summary": "Patched in a plan test."}"#) == 200)
        #expect(send(.delete, "/quotes/plan-test-quote") == 204)
        #expect(send(.delete, "/meetings/plan-test-meeting") == 204)
        #expect(send(.post, "/topics", #"{"id": "plan-test-topic", "name": "Plans"}"#) == 201)
        #expect(send(.delete, "/topics/plan-test-topic") == 204)

        let recorded = Set(handler.store.database.preparedSQLLog ?? [])
        #expect(recorded.count > 40)
        var problems: [String] = []
        // The list statements of the GETs above, as the planner builds them: they were checked shape by shape, with
        // each shape's own allowances, by the test above. Every other statement gets none but a page's relations.
        var lists: Set<String> = []
        func addPlan(_ table: ListTable, _ narrowings: [Narrowing], _ parameters: ListParameters) {
            let plan = Store.plan(table, narrowings, parameters: parameters, cursor: nil, limit: 1, unorderedMatches: { _, _ in 0 })
            #expect(recorded.contains(plan.page), "the handler ran the planner's page: \(plan.page)")
            // The count runs only when the first page does not hold every match.
            lists.formUnion([plan.count, plan.page])
        }
        var dayFilter = MeetingFilter()
        dayFilter.day = Day("2000-06-15")
        var dayParameters = ListParameters()
        // A JSON page of every field reads the stored bodies.
        addPlan(MeetingSQL.bodies, try handler.store.meetingNarrowings(dayFilter, &dayParameters), dayParameters)
        var speakerFilter = QuoteFilter()
        speakerFilter.speaker = person
        var speakerParameters = ListParameters()
        addPlan(QuoteSQL.table, Store.quoteNarrowings(speakerFilter, &speakerParameters), speakerParameters)
        for table in [PersonSQL.table, PartySQL.table, TopicSQL.table, DemandSQL.table, SourceSQL.table] {
            addPlan(table, [], ListParameters())
        }
        var since = ListParameters()
        addPlan(ChangeSQL.table, [Narrowing("c.seq > \(since.add(5))")], since)
        for sql in recorded.sorted() where !sql.hasPrefix("EXPLAIN") && !lists.contains(sql) {
            var allowance = Allowance()
            // A page's related rows, sorted per page, and one record's where its relation's order is not an index's.
            allowance.sortsPage = sql.contains("json_each(?1)") || Self.sortingRelations.contains(sql)
            let details = try Self.plan(handler.store.database, sql)
            let bad = Self.violations(details, sql: sql, allowance: allowance)
                .filter { !($0.hasPrefix("SCAN tokens")) }  // every hash compared in constant time, on purpose
            if !bad.isEmpty { problems.append("\(bad)\n  \(sql)") }
        }
        // The maintained totals, and every statement of the triggers that maintain them (EXPLAIN cannot see inside a
        // trigger: its statements are planned with a literal for each NEW and OLD value).
        var maintenance = [ListCounts.valueCount.text, ListCounts.meetingDates.text, ListCounts.quoteDates.text,
                           ListCounts.changesAfter.text]
        let triggers = try handler.store.database.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        while try triggers.step() {
            let body = triggers.text(0).components(separatedBy: " BEGIN").dropFirst().joined(separator: " BEGIN")
            for statement in body.components(separatedBy: ";") where ["list_counts", "date_counts", "span_bounds"].contains(where: statement.contains) {
                maintenance.append(statement.replacingOccurrences(of: #"\b(NEW|OLD)\.\w+"#, with: "'2022-01-12'", options: String.CompareOptions.regularExpression))
            }
        }
        #expect(maintenance.count > 30)
        for sql in maintenance {
            let details = try Self.plan(handler.store.database, sql)
            // A search by part of the key would read every value of a list: each must name a whole row or a block range.
            let partial = details.filter {
                ($0.contains("list_counts") && !$0.contains("value=?")) || ($0.contains("date_counts") && !$0.contains("shift=?"))
            }
            let bad = Self.violations(details, sql: sql, allowance: Allowance()) + partial
            if !bad.isEmpty { problems.append("\(bad)\n  \(sql)") }
        }
        #expect(problems.isEmpty, "\(problems.count) statements visit rows that grow with the table:\n\(problems.joined(separator: "\n"))")
    }

    /// A period's first page reads no more than its first day's, counted in SQLite's program steps (deterministic). In a
    /// length class's arm (what began before the period and still goes on) the period's end is implied by its start;
    /// given both, SQLite took the end's bound for the index range and read every meeting of the class begun within
    /// the period, to drop it: at a million meetings, about 2,000 rows for a month. Plans cannot show it: both read
    /// `meetings_span (span_class=? AND date>? AND date<?)`.
    @Test func aPeriodReadsNoMoreThanItsStart() throws {
        let directory = try TemporaryDirectory()
        let store = try Store.open(path: directory.path("period.sqlite"))
        try ScaleData.fill(store.database, meetings: 20_000)
        func pageSteps(_ filter: MeetingFilter) throws -> (ids: [String], steps: Int) {
            store.database.preparedSQLLog = []
            let ids = try store.read { try store.meetings(filter, after: nil, limit: 5) }.items.map(\.id)
            // The page statement the list prepared, run again here as the list binds it (its limit is one more).
            let page = try #require(store.database.preparedSQLLog?.first { $0.hasPrefix("SELECT m.id") && $0.contains("UNION ALL") })
            let statement = try store.database.prepare(page)
            var parameters = MeetingParameter.slots(filter, classes: try store.spanClasses())
            parameters.append(cursor: nil, limit: 6)
            try parameters.bind(statement)
            var rows: [String] = []
            while try statement.step() { rows.append(statement.text(0)) }
            #expect(Array(rows.prefix(5)) == ids)
            return (ids, statement.takeVirtualMachineSteps())
        }
        var start = MeetingFilter()
        start.from = Day("2005-01-01")
        var period = start
        period.to = Day("2005-02-01")
        let (startIDs, startSteps) = try pageSteps(start)
        let (periodIDs, periodSteps) = try pageSteps(period)
        #expect(periodIDs == startIDs && periodIDs.count == 5, "the period's first page is its start's: \(periodIDs), \(startIDs)")
        #expect(periodSteps <= startSteps + startSteps / 10, "a period's page took \(periodSteps) steps, its start's \(startSteps)")
    }

    /// A related record's id and name come from its name index (migration 8), one seek a row, not from the primary key's
    /// index and then the table: the relations that name parties, people and topics, in both their forms.
    @Test func aPageRelationReadsARelatedNameInOneSeek() throws {
        let directory = try TemporaryDirectory()
        let store = try Store.open(path: directory.path("names.sqlite"))
        let relations: [(String, PageRelation, String)] = [
            ("a meeting's parties", MeetingSQL.parties, "r"), ("a meeting's participants", MeetingSQL.participants, "r"),
            ("a meeting's topics", MeetingSQL.topics, "r"), ("a quote's topics", QuoteSQL.topics, "r"),
            ("a demand's addressees", DemandSQL.addressees, "r"), ("a demand's topics", DemandSQL.topics, "r"),
            ("a party's organizations", PartySQL.memberOf, "r"), ("a party's members", PartySQL.members, "r"),
            ("a person's posts", PersonSQL.posts, "pa"),
        ]
        for (name, relation, alias) in relations {
            for sql in [relation.page.text, relation.one.text] {
                let named = try Self.plan(store.database, sql).filter { $0.hasPrefix("SEARCH \(alias) ") }
                #expect(named.count == 1 && named[0].contains(" USING COVERING INDEX ") && named[0].contains("_id_name (id=?)"),
                        "\(name): \(named)\n  \(sql)")
            }
        }
    }

    /// The one-record relation statements that sort (`PageRelation.oneSorts`).
    static let sortingRelations: Set<String> = Set([PersonSQL.posts].filter(\.oneSorts).map(\.one.text))

    static func count(_ database: Database, _ sql: String) throws -> Int {
        let statement = try database.prepare(sql)
        return try statement.step() ? statement.int(0) : -1
    }

    static func text(_ database: Database, _ sql: String) throws -> String {
        let statement = try database.prepare(sql)
        return try statement.step() ? statement.text(0) : ""
    }
}

extension Store {
    /// The filters of a meetings request with the parameters they name (the request's slots, `MeetingParameter`), as
    /// `Store.meetings` plans them.
    func meetingNarrowings(_ filter: MeetingFilter, _ parameters: inout ListParameters) throws -> [Narrowing] {
        parameters = try meetingSlots(filter)
        return try meetingNarrowings(filter)
    }
}
