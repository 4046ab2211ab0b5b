import Foundation
import ParleyAPI
@testable import ParleyStore
import Testing

/// Totals that writes maintain (migration 5, `ListCounts`): a list filtered by one value, by dates alone or not at
/// all reports its exact total however many records match; the counts stay equal to what the records say through
/// every kind of write, and a rebuild from the records gives the same tables.
@Suite(.serialized) struct ListCountsTests {
    /// The maintained tables' rows that count something, as text, in key order.
    static func snapshot(_ database: Database) throws -> [String] {
        var rows: [String] = []
        for (sql, columns) in [("SELECT list, filter, value, matches FROM list_counts WHERE matches <> 0 ORDER BY 1, 2, 3", 4),
                               ("SELECT list, shift, block, starts, ends FROM date_counts WHERE starts <> 0 OR ends <> 0 ORDER BY 1, 2, 3", 5)] {
            let statement = try database.prepare(sql)
            while try statement.step() { rows.append((0..<columns).map { statement.text(Int32($0)) }.joined(separator: "|")) }
        }
        return rows
    }

    /// What a rebuild from the records gives, in a transaction rolled back: the database is left as it was.
    static func rebuilt(_ path: String) throws -> [String] {
        let database = try Database(path: path)
        struct RolledBack: Error {}
        var rows: [String] = []
        do {
            try database.transaction(immediate: true) {
                try ListCounts.rebuild(in: database)
                rows = try snapshot(database)
                throw RolledBack()
            }
        } catch is RolledBack {}
        return rows
    }

    func meta(_ api: TestAPI, _ target: String) throws -> (total: Int, exact: Bool) {
        let meta = try api.json(target)["meta"] as? [String: Any] ?? [:]
        return (meta["total"] as? Int ?? -1, meta["total_exact"] as? Bool ?? false)
    }

    @Test func totalsPastTheCapAreExactWhereCountsAreMaintained() throws {
        let api = try TestAPI(responseCacheBytes: 0)
        try ScaleData.fill(try Database(path: api.databasePath), meetings: 10_000)
        let statement = try Database(path: api.databasePath).prepare("SELECT id FROM people ORDER BY id LIMIT 1")
        let person = try statement.step() ? statement.text(0) : ""
        let cases: [(String, String)] = [
            ("/meetings?limit=5", "SELECT count(*) FROM meetings"),
            ("/meetings?to=2010-01-01&limit=5", "SELECT count(*) FROM meetings WHERE date <= '2010-01-01'"),
            ("/meetings?from=2010-01-01&limit=5", "SELECT count(*) FROM meetings WHERE end_date >= '2010-01-01'"),
            ("/meetings?from=2000-01-01&to=2009-12-31&limit=5",
             "SELECT count(*) FROM meetings WHERE end_date >= '2000-01-01' AND date <= '2009-12-31'"),
            ("/meetings?kind=bilateral-talks&limit=5", "SELECT count(*) FROM meetings WHERE kind = 'bilateral-talks'"),
            ("/meetings?person=\(person)&limit=5", "SELECT count(*) FROM meeting_participants WHERE person_id = '\(person)'"),
            ("/quotes?limit=5", "SELECT count(*) FROM quotes"),
            ("/quotes?speaker=\(person)&limit=5", "SELECT count(*) FROM quotes WHERE speaker_id = '\(person)'"),
            ("/quotes?kind=direct&limit=5", "SELECT count(*) FROM quotes WHERE kind = 'direct'"),
            ("/quotes?from=2000-01-01&to=2009-12-31&limit=5", "SELECT count(*) FROM quotes WHERE date BETWEEN '2000-01-01' AND '2009-12-31'"),
            ("/quotes?to=1999-12-31&limit=5", "SELECT count(*) FROM quotes WHERE date <= '1999-12-31'"),
        ]
        for (target, sql) in cases {
            let want = try api.count(sql)
            let got = try meta(api, target)
            #expect(want > Store.exactTotalLimit, "\(target) should match more than the cap")
            #expect(got.total == want && got.exact, "\(target): \(got) for \(want)")
        }
        // A day of 10,000 meetings holds a dozen: exact both ways.
        let day = try meta(api, "/meetings?date=2000-06-15&limit=5")
        let inProgress = try api.count("SELECT count(*) FROM meetings WHERE date <= '2000-06-15' AND end_date >= '2000-06-15'")
        #expect(day.exact && day.total == inProgress)
        // Two filters together are counted, up to the cap.
        let both = try meta(api, "/meetings?kind=bilateral-talks&to=2010-01-01&limit=5")
        #expect(both.total == Store.exactTotalLimit && !both.exact)
        // A rebuild from the records finds what the triggers kept while the records were written.
        #expect(try Self.snapshot(Database(path: api.databasePath)) == Self.rebuilt(api.databasePath))
    }

    @Test func countsFollowEveryWrite() throws {
        let api = try TestAPI(responseCacheBytes: 0)
        let token = try api.token()
        let before = try Self.snapshot(Database(path: api.databasePath))
        #expect(before == (try Self.rebuilt(api.databasePath)))
        #expect(try api.post("/meetings", Bodies.meeting("count-meeting"), token: token).status == 201)
        #expect(try api.post("/quotes", Bodies.quote("count-quote", meeting: "count-meeting"), token: token).status == 201)
        #expect(try meta(api, "/meetings?date=2022-02-10&limit=1").total == api.count(
            "SELECT count(*) FROM meetings WHERE date <= '2022-02-10' AND end_date >= '2022-02-10'"))
        // Dates, kind, parties, participants and topics changed in place; a quote moved to another speaker, party,
        // day and kind, then without a date.
        #expect(try api.patch("/meetings/count-meeting", """
            {"date": "2021-12-30", "end_date": "2022-01-15", "kind": "summit",
             "parties": [{"id": "osce", "role": "host"}], "participants": [{"id": "julianne-smith"}],
             "topics": [{"id": "dialogue"}]}
            """, token: token).status == 200)
        #expect(try api.patch("/quotes/count-quote", """
            {"speaker": {"id": "antony-blinken"}, "party": {"id": "nato"}, "date": "2022-01-12", "kind": "reported",
             "topics": [{"id": "arms-control"}]}
            """, token: token).status == 200)
        #expect(try Self.snapshot(Database(path: api.databasePath)) == Self.rebuilt(api.databasePath))
        for (target, sql) in [
            ("/meetings?date=2022-01-12&limit=1", "SELECT count(*) FROM meetings WHERE date <= '2022-01-12' AND end_date >= '2022-01-12'"),
            ("/meetings?kind=summit&limit=1", "SELECT count(*) FROM meetings WHERE kind = 'summit'"),
            ("/meetings?party=osce&limit=1", "SELECT count(*) FROM meeting_parties WHERE party_id = 'osce'"),
            ("/quotes?speaker=antony-blinken&limit=1", "SELECT count(*) FROM quotes WHERE speaker_id = 'antony-blinken'"),
            ("/quotes?date=2022-01-12&limit=1", "SELECT count(*) FROM quotes WHERE date = '2022-01-12'"),
            ("/quotes?topic=arms-control&limit=1", "SELECT count(*) FROM quote_topics WHERE topic_id = 'arms-control'"),
        ] {
            let want = try api.count(sql)
            #expect(try meta(api, target).total == want, "\(target)")
        }
        #expect(try api.patch("/quotes/count-quote", #"{"date": null, "date_basis": null, "meeting": null}"#, token: token).status == 200)
        #expect(try Self.snapshot(Database(path: api.databasePath)) == Self.rebuilt(api.databasePath))
        // Deleting the records (the meeting's junction rows go by ON DELETE CASCADE) leaves the counts of the seed.
        #expect(try api.delete("/quotes/count-quote", token: token).status == 204)
        #expect(try api.delete("/meetings/count-meeting", token: token).status == 204)
        #expect(try Self.snapshot(Database(path: api.databasePath)).filter { !$0.hasPrefix("changes|") }
                    == before.filter { !$0.hasPrefix("changes|") })
        // The feed's total is its last seq less `since` while it has no gap; with one, it is counted.
        for since in [0, 5, 90] {
            let want = try api.count("SELECT count(*) FROM changes WHERE seq > \(since)")
            let got = try meta(api, "/changes?since=\(since)&limit=2")
            #expect(got.total == want && got.exact, "since \(since): \(got) for \(want)")
        }
        try Database(path: api.databasePath).execute("DELETE FROM changes WHERE seq = 10")
        let want = try api.count("SELECT count(*) FROM changes WHERE seq > 5")
        #expect(try meta(api, "/changes?since=5&limit=2").total == want)
    }

    /// The longest meeting of each length class (migration 6), which bounds how far back a day's arm reads: writes
    /// only raise it, a rebuild makes it exact, and a day finds a meeting longer than any before it in its class.
    @Test func spanBoundsFollowWritesAndNeverDropAMeeting() throws {
        let api = try TestAPI(responseCacheBytes: 0)
        let token = try api.token()
        let database = try Database(path: api.databasePath)
        func bounds() throws -> [String] {
            let statement = try database.prepare("SELECT span_class || ':' || longest FROM span_bounds ORDER BY span_class")
            var rows: [String] = []
            while try statement.step() { rows.append(statement.text(0)) }
            return rows
        }
        func exact() throws -> [String] {
            let statement = try database.prepare("""
                SELECT span_class || ':' || max(CAST(julianday(end_date) - julianday(date) AS INTEGER))
                FROM meetings GROUP BY span_class ORDER BY span_class
                """)
            var rows: [String] = []
            while try statement.step() { rows.append(statement.text(0)) }
            return rows
        }
        func inProgress(_ day: String) throws -> [String] {
            let want = try api.count("SELECT count(*) FROM meetings WHERE date <= '\(day)' AND end_date >= '\(day)'")
            let items = try JSON.items(api.json("/meetings?date=\(day)&limit=100")).compactMap { $0["id"] as? String }
            #expect(items.count == want, "\(day)")
            return items
        }
        #expect(try bounds() == exact())
        // 300 days (class 16, whose own window is 383 days) and then 73,048 (the last class: 65,536 days and more).
        let lastClass = "\(MeetingSQL.lengthClasses.upperBound):73048"
        #expect(try api.post("/meetings", Bodies.meeting("long-meeting", date: "2022-02-01").replacingOccurrences(
            of: #""date_basis""#, with: #""end_date": "2022-11-28", "date_basis""#), token: token).status == 201)
        #expect(try bounds() == exact())
        #expect(try inProgress("2022-11-28").contains("long-meeting"))
        #expect(try api.patch("/meetings/long-meeting", #"{"date": "1900-01-01", "end_date": "2099-12-31"}"#,
                              token: token).status == 200)
        #expect(try bounds().contains(lastClass) && Set(bounds()).isSuperset(of: exact()), "class 16 keeps its 300 days")
        #expect(try inProgress("2099-12-31").contains("long-meeting"))
        #expect(try inProgress("2022-01-12").contains("long-meeting"))
        // Shorter again: the class it left keeps its bound (an upper bound), and the day still finds it.
        #expect(try api.patch("/meetings/long-meeting", #"{"date": "2022-01-10", "end_date": "2022-01-13"}"#,
                              token: token).status == 200)
        #expect(try bounds().contains(lastClass))
        #expect(try inProgress("2022-01-12").contains("long-meeting"))
        #expect(try api.delete("/meetings/long-meeting", token: token).status == 204)
        #expect(try bounds().contains(lastClass))
        #expect(try !inProgress("2022-01-12").contains("long-meeting"))
        try database.transaction(immediate: true) { try MeetingSQL.rebuildSpanBounds(in: database) }
        #expect(try bounds() == exact())
    }

    /// An import drops the triggers while it inserts, rebuilds the counts, and puts the triggers back.
    @Test func anImportRebuildsTheCountsAndKeepsThemMaintained() throws {
        let directory = try TemporaryDirectory()
        let source = try Store.open(path: directory.path("source.sqlite"))
        try ScaleData.fill(source.database, meetings: 300)
        let exported = try Exporter.export(source).bytes
        let api = try TestAPI(responseCacheBytes: 0)
        let path = api.databasePath
        _ = try Importer.run(exported, into: Store.open(path: path))
        // The same records, counted the same (the feeds differ: the import's also deleted the seed's records).
        #expect(try Self.snapshot(Database(path: path)).filter { !$0.hasPrefix("changes|") }
                    == Self.snapshot(source.database).filter { !$0.hasPrefix("changes|") })
        // Every trigger the migrations leave (a fresh database's) is back, as it was.
        func triggers(_ database: Database) throws -> [String] {
            let statement = try database.prepare("SELECT name || ':' || sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            var found: [String] = []
            while try statement.step() { found.append(statement.text(0)) }
            return found
        }
        let fresh = try Store.open(path: directory.path("fresh.sqlite"))
        #expect(try triggers(Database(path: path)) == triggers(fresh.database))
        #expect(try !triggers(fresh.database).isEmpty)
        let token = try api.token()
        #expect(try api.post("/meetings", Bodies.meeting("after-import"), token: token).status == 201)
        #expect(try api.delete("/quotes/synthetic-0000001-q1", token: token).status == 204)
        #expect(try Self.snapshot(Database(path: path)) == Self.rebuilt(path))
    }
}
