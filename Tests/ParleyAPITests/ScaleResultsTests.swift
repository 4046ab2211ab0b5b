import Foundation
import ParleyAPI
@testable import ParleyStore
import Testing

/// The results stay correct at size (issue 9): on 10,000 synthetic meetings and 40,000 quotes, each list filter of
/// the real server, followed page by page to its end, lists exactly what a brute-force query over the whole table
/// finds, in the same order; totals are exact under the cap and flagged as a lower bound past it.
@Suite(.serialized) struct ScaleResultsTests {
    static let api: TestAPI = {
        do {
            let api = try TestAPI(responseCacheBytes: 0)
            try ScaleData.fill(try Database(path: api.databasePath), meetings: 10_000)
            return api
        } catch { fatalError("cannot build the scale database: \(error)") }
    }()

    /// The same data with every meeting's stored body rendered (opening a store with the API's renderer renders
    /// them), so lists are read as stored bodies: a day's or a period's many arms are merged before their bodies are
    /// joined (`ListTable.mergedColumns`). `api`'s meetings have none, so its lists read the records.
    static let bodiesAPI: TestAPI = {
        do {
            let api = try TestAPI(responseCacheBytes: 0)
            try ScaleData.fill(try Database(path: api.databasePath), meetings: 10_000)
            _ = try Store.open(path: api.databasePath, bodies: MeetingBodies.shared)
            return api
        } catch { fatalError("cannot build the scale database: \(error)") }
    }()

    /// Every id of a list, following `links.next`; and the first page's meta.
    func all(_ target: String, from api: TestAPI = Self.api) throws -> (ids: [String], total: Int, exact: Bool) {
        var ids: [String] = []
        var next: String? = target
        var meta: [String: Any] = [:]
        var pages = 0
        while let current = next {
            let document = try api.json(current)
            if pages == 0 { meta = document["meta"] as? [String: Any] ?? [:] }
            ids += try JSON.items(document).compactMap { $0["id"] as? String }
            next = (document["links"] as? [String: Any])?["next"] as? String
            pages += 1
            guard pages < 200 else { throw Failure("\(target): more than 200 pages") }
        }
        return (ids, meta["total"] as? Int ?? -1, meta["total_exact"] as? Bool ?? false)
    }

    func expected(_ sql: String) throws -> [String] {
        let database = try Database(path: Self.api.databasePath)
        let statement = try database.prepare(sql)
        var ids: [String] = []
        while try statement.step() { ids.append(statement.text(0)) }
        return withExtendedLifetime(database) { ids }
    }

    func check(_ target: String, _ sql: String, from api: TestAPI = Self.api,
               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let want = try expected(sql)
        let got = try all(target, from: api)
        #expect(!want.isEmpty, "\(target) should match something", sourceLocation: sourceLocation)
        #expect(got.ids == want, "\(target): \(got.ids.count) listed, \(want.count) expected", sourceLocation: sourceLocation)
        #expect(got.total == min(want.count, Store.exactTotalLimit), "\(target): total", sourceLocation: sourceLocation)
        #expect(got.exact == (want.count <= Store.exactTotalLimit), "\(target): total_exact", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["2000-06-15", "1995-05-05", "2005-02-28", "2029-12-31", "2022-01-12"])
    func meetingsInProgressOnADayAreExactlyThose(_ day: String) throws {
        try check("/meetings?date=\(day)&limit=500",
                  "SELECT id FROM meetings WHERE date <= '\(day)' AND end_date >= '\(day)' ORDER BY date, id")
    }

    /// Small pages, so that keyset pages start inside the merged arms, and the last page's extra row decides `next`.
    @Test(arguments: ["2000-06-15", "2005-01-01", "2022-01-12"])
    func storedBodiesListTheSameMeetingsInTheSameOrder(_ day: String) throws {
        let stored = try Database(path: Self.bodiesAPI.databasePath)
        let rendered = try stored.prepare("SELECT count(*) FROM record_bodies WHERE collection = 'meetings'")
        #expect(try rendered.step() && rendered.int(0) == 10_006)
        try check("/meetings?date=\(day)&limit=3",
                  "SELECT id FROM meetings WHERE date <= '\(day)' AND end_date >= '\(day)' ORDER BY date, id", from: Self.bodiesAPI)
        try check("/meetings?from=\(day)&to=\(try expected("SELECT date('\(day)', '+60 days')")[0])&limit=7",
                  """
                  SELECT id FROM meetings WHERE end_date >= '\(day)' AND date <= date('\(day)', '+60 days') ORDER BY date, id
                  """, from: Self.bodiesAPI)
        let want = try expected("SELECT id FROM meetings WHERE end_date >= '\(day)' ORDER BY date, id LIMIT 40")
        var got: [String] = []
        var next: String? = "/meetings?from=\(day)&limit=8"
        while let current = next, got.count < want.count {
            let document = try Self.bodiesAPI.json(current)
            got += try JSON.items(document).compactMap { $0["id"] as? String }
            next = (document["links"] as? [String: Any])?["next"] as? String
        }
        #expect(Array(got.prefix(want.count)) == want)
    }

    @Test func meetingsOverlappingAPeriod() throws {
        try check("/meetings?from=2003-03-01&to=2003-06-30&limit=500",
                  "SELECT id FROM meetings WHERE end_date >= '2003-03-01' AND date <= '2003-06-30' ORDER BY date, id")
        try check("/meetings?to=1990-03-01&limit=500",
                  "SELECT id FROM meetings WHERE date <= '1990-03-01' ORDER BY date, id")
        try check("/meetings?from=2029-10-01&limit=500",
                  "SELECT id FROM meetings WHERE end_date >= '2029-10-01' ORDER BY date, id")
        try check("/meetings?date=2000-06-15&party=nato&limit=50",
                  """
                  SELECT id FROM meetings m WHERE date <= '2000-06-15' AND end_date >= '2000-06-15'
                    AND EXISTS (SELECT 1 FROM meeting_parties x WHERE x.meeting_id = m.id AND x.party_id = 'nato')
                  ORDER BY date, id
                  """)
    }

    @Test func meetingsOfAPartyAndAKind() throws {
        let person = try expected("SELECT id FROM people ORDER BY id LIMIT 1")[0]
        try check("/meetings?person=\(person)&kind=bilateral-talks&limit=500",
                  """
                  SELECT id FROM meetings m WHERE kind = 'bilateral-talks'
                    AND EXISTS (SELECT 1 FROM meeting_participants x WHERE x.meeting_id = m.id AND x.person_id = '\(person)')
                  ORDER BY date, id
                  """)
        // NATO is in thousands of meetings: the first page and the capped total.
        let want = try expected("""
            SELECT m.id FROM meetings m JOIN meeting_parties x ON x.meeting_id = m.id AND x.party_id = 'nato' ORDER BY m.date, m.id
            """)
        let document = try Self.api.json("/meetings?party=nato&limit=20")
        #expect(try JSON.items(document).compactMap { $0["id"] as? String } == Array(want.prefix(20)))
        let meta = document["meta"] as? [String: Any] ?? [:]
        #expect(meta["total"] as? Int == min(want.count, Store.exactTotalLimit))
    }

    @Test func quotesByFilter() throws {
        let person = try expected("SELECT id FROM people ORDER BY id LIMIT 1 OFFSET 2")[0]
        try check("/quotes?speaker=\(person)&kind=direct&limit=500",
                  "SELECT id FROM quotes WHERE speaker_id = '\(person)' AND kind = 'direct' ORDER BY reading_key")
        let day = try expected("SELECT date FROM meetings WHERE id = 'synthetic-0000100'")[0]
        let topic = try expected("SELECT topic_id FROM quote_topics WHERE quote_id = 'synthetic-0000100-q1'")[0]
        try check("/quotes?topic=\(topic)&date=\(day)&limit=500",
                  """
                  SELECT id FROM quotes q WHERE date = '\(day)'
                    AND EXISTS (SELECT 1 FROM quote_topics x WHERE x.quote_id = q.id AND x.topic_id = '\(topic)')
                  ORDER BY reading_key
                  """)
        try check("/quotes?from=2001-01-01&to=2001-01-31&limit=500",
                  "SELECT id FROM quotes WHERE date BETWEEN '2001-01-01' AND '2001-01-31' ORDER BY reading_key")
        // A short range is read a day at a time (`QuoteSQL.maximumDayArms`): small pages across the days' arms, over a
        // month's end and a leap day; a longer range is counted and walked.
        try check("/quotes?from=2004-02-20&to=2004-03-05&limit=7",
                  "SELECT id FROM quotes WHERE date BETWEEN '2004-02-20' AND '2004-03-05' ORDER BY reading_key")
        try check("/quotes?from=2004-12-25&to=2005-01-24&limit=9",
                  "SELECT id FROM quotes WHERE date BETWEEN '2004-12-25' AND '2005-01-24' ORDER BY reading_key")
        try check("/quotes?from=2004-12-25&to=2005-01-25&limit=9",
                  "SELECT id FROM quotes WHERE date BETWEEN '2004-12-25' AND '2005-01-25' ORDER BY reading_key")
        try check("/quotes?meeting=synthetic-0000042", "SELECT id FROM quotes WHERE meeting_id = 'synthetic-0000042' ORDER BY reading_key")
    }

    @Test func searchIsExactWhenRareAndBoundedWhenCommon() throws {
        try check("/quotes?q=crystal&limit=500", """
            SELECT q.id FROM quotes_search JOIN quotes_search_keys k ON k.key = quotes_search.rowid JOIN quotes q ON q.id = k.record_id
            WHERE quotes_search MATCH 'crystal' ORDER BY q.reading_key
            """)
        // "dialogue" is in about half of 40,000 quotes: past the cap, the first page is still the first in reading order.
        let want = try expected("""
            SELECT q.id FROM quotes_search JOIN quotes_search_keys k ON k.key = quotes_search.rowid JOIN quotes q ON q.id = k.record_id
            WHERE quotes_search MATCH 'dialogue' ORDER BY q.reading_key
            """)
        #expect(want.count > Store.exactTotalLimit)
        let document = try Self.api.json("/quotes?q=dialogue&limit=25")
        #expect(try JSON.items(document).compactMap { $0["id"] as? String } == Array(want.prefix(25)))
        let meta = document["meta"] as? [String: Any] ?? [:]
        #expect(meta["total"] as? Int == Store.exactTotalLimit)
        #expect(meta["total_exact"] as? Bool == false)
        // A people search pays for people only: still the seed's people.
        #expect(try Self.api.ids("/people?q=grusko") == ["alexander-grushko"])
    }
}

/// Search keys follow the list's order after writes too (a new record takes the midpoint between its neighbours'
/// keys; a gap used up renumbers): the search's pages equal the filter's brute-force answer in list order.
@Suite struct SearchOrderAfterWritesTests {
    @Test func searchResultsStayInListOrderAsRecordsAreWrittenAndMoved() throws {
        let api = try TestAPI(responseCacheBytes: 0)
        let token = try api.token()
        // Thirty meetings into the same few days (more than twenty midpoints into one gap), out of order.
        for index in 0..<30 {
            let day = String(format: "2022-02-%02d", 10 + (index * 7) % 5)
            #expect(try api.post("/meetings", Bodies.meeting("ordered-\(index)", date: day), token: token).status == 201)
        }
        // Twenty-five in a row into one gap (each after the last, before the seed's next meeting): the midpoints
        // run out after twenty and the collection is renumbered.
        for index in 0..<25 {
            #expect(try api.post("/meetings", Bodies.meeting(String(format: "ordered-gap-%02d", index), date: "2022-01-12"),
                                 token: token).status == 201)
        }
        // One moves to another day: its key moves with it.
        #expect(try api.patch("/meetings/ordered-3", #"{"date": "2022-02-01"}"#, token: token).status == 200)
        let database = try Database(path: api.databasePath)
        let statement = try database.prepare("""
            SELECT m.id FROM meetings_search JOIN meetings_search_keys k ON k.key = meetings_search.rowid
            JOIN meetings m ON m.id = k.record_id WHERE meetings_search MATCH 'allies' ORDER BY m.date, m.id
            """)
        var want: [String] = []
        while try statement.step() { want.append(statement.text(0)) }
        #expect(want.count >= 55)
        var got: [String] = []
        var next: String? = "/meetings?q=allies&limit=7"
        while let target = next {
            let document = try api.json(target)
            got += try JSON.items(document).compactMap { $0["id"] as? String }
            next = (document["links"] as? [String: Any])?["next"] as? String
        }
        #expect(got == want)
    }
}
