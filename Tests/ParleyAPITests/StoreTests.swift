import Foundation
@testable import ParleyStore
import Testing

@Suite struct DayTests {
    @Test(arguments: ["2022-01-12", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2022-12-31"])
    func acceptsRealDays(_ text: String) {
        #expect(Day(text)?.text == text)
    }

    @Test(arguments: ["2022-02-30", "2022-1-5", "12.1.2022", "2023-02-29", "1900-02-29", "2022-13-01", "2022-00-10",
                      "2022-01-00", "2022-04-31", "20220112", "2022-01-12T00:00", " 2022-01-12", "２０２２-01-12", "", "yyyy-mm-dd"])
    func refusesAnythingElse(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test func nextDayCrossesMonthsYearsAndLeapDays() {
        for (day, next) in [("2022-01-12", "2022-01-13"), ("2022-01-31", "2022-02-01"), ("2024-02-28", "2024-02-29"),
                            ("2024-02-29", "2024-03-01"), ("2023-02-28", "2023-03-01"), ("1900-02-28", "1900-03-01"),
                            ("2022-12-31", "2023-01-01"), ("0999-12-31", "1000-01-01"), ("2022-04-30", "2022-05-01")] {
            #expect(Day(day)?.next?.text == next, "\(day)")
        }
        #expect(Day("9999-12-31")?.next == nil)
    }

    /// A day's arms start `Day.text(daysBefore:)` days back, which must be SQLite's `date(day, '-N days')`, what the
    /// statements compared rows with before: a day off would drop or add meetings in progress.
    @Test func daysBeforeADayAreSQLitesDateArithmetic() throws {
        let database = try Database(path: ":memory:")
        let statement = try database.prepare("SELECT date(?1, '-' || ?2 || ' days')")
        var checked = 0
        for text in ["2022-01-12", "2024-03-01", "2000-03-01", "1900-03-01", "2100-03-01", "1970-01-01", "1969-12-31",
                     "2022-12-31", "9999-12-31", "1583-01-01"] {
            let day = try #require(Day(text))
            for days in [0, 1, 2, 3, 15, 30, 31, 59, 60, 365, 366, 1_460, 1_461, 36_524, 146_097, 200_000] {
                statement.reset()
                try statement.bind(1, text)
                try statement.bind(2, days)
                #expect(try statement.step())
                let sqlite = statement.text(0)
                // SQLite's own calendar drifts before about the year 400 (its day-to-date conversion truncates a
                // negative quotient), so it is the reference only where it is right; the walk below checks the rest.
                guard sqlite >= "0400-03-01" else { continue }
                #expect(day.text(daysBefore: days) == sqlite, "\(text) - \(days) days")
                checked += 1
            }
        }
        #expect(checked > 150)
    }

    /// The proleptic Gregorian calendar from its first day, one `next` at a time (the century rule of 100, 200 and 300,
    /// 400's leap day): every day counted back to 0000-01-01 is exactly its distance; before it, a text below every day.
    @Test func daysBeforeWalkTheCalendarBackToYearZero() throws {
        var day = try #require(Day("0000-01-01"))
        for distance in 1...150_000 {
            day = try #require(day.next)
            if distance % 7 == 0 || distance > 146_000 {
                #expect(day.text(daysBefore: distance) == "0000-01-01", "\(day) - \(distance) days")
                #expect(day.text(daysBefore: distance - 1) == "0000-01-02")
            }
        }
        #expect(day.text == "0410-09-08")
        #expect(day.text(daysBefore: 150_001) == "0000-00-00")
        #expect(try #require(Day("2022-01-12")).text(daysBefore: 1_000_000) < "0000-01-01")
    }

    @Test func aShortRangeOfQuoteDatesIsItsDays() throws {
        func days(_ from: String, _ to: String) -> [String]? {
            guard let from = Day(from), let to = Day(to) else { return nil }
            return QuoteSQL.days(from: from, to: to)?.map(\.text)
        }
        let month = days("2024-02-01", "2024-03-02")
        #expect(month?.count == 31 && month?.first == "2024-02-01" && month?.last == "2024-03-02")
        #expect(days("2024-02-01", "2024-03-03") == nil)
        #expect(days("2024-02-02", "2024-02-01") == nil)
        #expect(days("9999-12-31", "9999-12-31") == ["9999-12-31"])
    }
}

/// A page merged from arms and joined after (`ListTable.mergedColumns`) comes in the merge's order, which
/// `Store.list` checks rather than trusts: out of order, the page is read again and sorted by cursor
/// (`Store.sortedPage`), byte by byte as SQLite compares text, before the page and its next cursor are cut.
@Suite struct MergedPageTests {
    func page(_ rows: [(String, String)], limit: Int) throws -> ([String], MeetingCursor?) {
        let database = try Database(path: ":memory:")
        let values = rows.map { "('\($0.0)', '\($0.1)')" }.joined(separator: ", ")
        let statement = try database.prepare("SELECT column1, column2 FROM (VALUES \(values))")
        return try Store.sortedPage(statement, limit: limit) { ($0.text(1), MeetingCursor(date: $0.text(0), id: $0.text(1))) }
    }

    @Test func rowsOutOfOrderAreSortedBeforeThePageIsCut() throws {
        // "Z" sorts before "a" byte by byte, as SQLite compares text; the last row read belongs on the page.
        let (ids, next) = try page([("2022-01-12", "b"), ("2022-01-12", "a"), ("2022-01-13", "x"), ("2022-01-12", "Z")],
                                   limit: 3)
        #expect(ids == ["Z", "a", "b"])
        #expect(next == MeetingCursor(date: "2022-01-12", id: "b"))
        let (all, none) = try page([("2022-01-12", "b"), ("2022-01-10", "a")], limit: 2)
        #expect(all == ["a", "b"] && none == nil)
    }

    /// A meeting's cursor compares without building its components, and as the components would.
    @Test func aMeetingCursorComparesAsItsComponents() {
        let cursors = [("2022-01-12", "a"), ("2022-01-12", "Z"), ("2022-01-12", "ab"), ("2022-01-11", "z"), ("2022-01-12", "a"),
                       ("", ""), ("2022-01-1", "z")].map { MeetingCursor(date: $0.0, id: $0.1) }
        for a in cursors {
            for b in cursors {
                let byComponents = a.components.lexicographicallyPrecedes(b.components) { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                #expect(a.precedes(b) == byComponents, "\(a) \(b)")
            }
        }
    }
}

@Suite struct SearchQueryTests {
    @Test func quotesEveryTermAsAnFTS5String() throws {
        #expect(try SearchQuery("crystal ball").expression == "\"crystal\" \"ball\"")
        #expect(try SearchQuery("NEAR(a b)").expression == "\"NEAR\" \"a\" \"b\"")
        #expect(try SearchQuery("\"x\" AND y*").expression == "\"x\" \"AND\" \"y\"")
        #expect(try SearchQuery("Gruško").terms == ["Gruško"])
        #expect(try SearchQuery("Сергей Рябков").terms == ["Сергей", "Рябков"])
        #expect(try SearchQuery("open-door").terms == ["open", "door"])
    }

    @Test(arguments: ["\"", "*", ")", "(", "   ", "- + ^ :", "\u{0}"])
    func textWithoutWordsSearchesForNothing(_ text: String) throws {
        #expect(try SearchQuery(text).isEmpty)
    }

    @Test func emptyAndOverlongTextAreRefused() {
        #expect(throws: StoreError.self) { try SearchQuery("") }
        #expect(throws: StoreError.self) { try SearchQuery(String(repeating: "a", count: 201)) }
        #expect(throws: Never.self) { try SearchQuery(Array(repeating: "w", count: 100).joined(separator: " ")) }
    }
}

/// The store on the real seed, without HTTP.
@Suite struct StoreQueryTests {
    let seeded: SeededStore
    var store: Store { seeded.store }

    init() throws { seeded = try SeededStore() }

    @Test func meetingsInProgressOnADay() throws {
        var filter = MeetingFilter()
        filter.day = Day("2022-01-12")
        let page = try store.meetings(filter, after: nil, limit: 100)
        #expect(page.items.map(\.id) == ["nato-russia-council-2022-01-12"])
        #expect(page.items.first?.locationCity == "Brussels")
        #expect(page.total == 1)
        #expect(page.next == nil)
    }

    @Test func keysetPagesCoverEverything() throws {
        let all = try store.quotes(QuoteFilter(), after: nil, limit: 500)
        var seen: [String] = []
        var cursor: QuoteCursor?
        repeat {
            let page = try store.quotes(QuoteFilter(), after: cursor, limit: 3)
            #expect(page.total == all.total)
            seen += page.items.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(seen == all.items.map(\.id))
    }

    /// Any components make a position: a token that decodes always gives a page.
    @Test func cursorsAreTotal() throws {
        #expect(MeetingCursor(components: ["2022-01-12", "x"]) == MeetingCursor(date: "2022-01-12", id: "x"))
        #expect(MeetingCursor(components: []) == MeetingCursor(date: "", id: ""))
        #expect(QuoteCursor(components: ["article", "x", "7"]) == QuoteCursor(source: "article", paragraph: 0, start: 7, id: ""))
        #expect(IDCursor(components: ["\u{FFFD}"]).id == "\u{FFFD}")
        // A position past everything gives an empty last page.
        let page = try store.meetings(MeetingFilter(), after: MeetingCursor(components: ["~"]), limit: 10)
        #expect(page.items.isEmpty && page.next == nil && page.total > 0)
    }

    @Test func unknownIdsAreNil() throws {
        #expect(try store.meeting(id: "nope") == nil)
        #expect(try store.person(id: "nope") == nil)
        #expect(try store.party(id: "nope") == nil)
    }

    /// A meeting's parties come by role (host, negotiating side, author, addressee, consulted, the rest), each role's
    /// by id: `byRole` keeps the id order the rows come in.
    @Test func partiesComeByRoleThenID() {
        let rows = [("a", "subject"), ("b", "host"), ("c", "consulted"), ("d", "negotiating-side"), ("e", "host"),
                    ("f", "author"), ("g", "addressee"), ("h", "negotiating-side"), ("i", "subject")]
            .map { RoleRef(id: $0.0, name: $0.0.uppercased(), role: $0.1) }
        #expect(MeetingSQL.byRole(rows).map(\.id) == ["b", "e", "d", "h", "f", "g", "c", "a", "i"])
        #expect(MeetingSQL.byRole([]).isEmpty)
        #expect(MeetingSQL.byRole([rows[0]]) == [rows[0]])
    }

    @Test func statementsAreReused() throws {
        _ = try store.meeting(id: "nato-russia-council-2022-01-12")
        let first = try store.database.statement(MeetingSQL.table.one)
        _ = try store.meeting(id: "us-russia-geneva-2022-01-10")
        #expect(try store.database.statement(MeetingSQL.table.one) === first)
    }
}
