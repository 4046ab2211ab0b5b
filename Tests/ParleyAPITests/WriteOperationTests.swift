import Foundation
import ParleyStore
import TestSupport
import Testing

/// Creating, patching and deleting records, and what readers see of it.
@Suite struct WriteOperationTests {
    let api: TestAPI
    let token: String

    init() throws {
        api = try TestAPI()
        token = try api.token("newsroom")
    }

    /// The body of `response` next to a GET of the same record: the write answers with what a read returns.
    func expectSameAsGet(_ response: TestResponse, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let read = try api.get(path)
        #expect(read.status == 200, sourceLocation: sourceLocation)
        #expect(response.body == read.body, "\(response.text) vs \(read.text)", sourceLocation: sourceLocation)
        #expect(response.header("ETag") == read.header("ETag"), sourceLocation: sourceLocation)
    }

    @Test func theNextMeetingWithItsQuotesByCurl() throws {
        let created = try api.post("/meetings", Bodies.meeting("nato-russia-2022-02-10"), token: token)
        #expect(created.status == 201, "\(created.text)")
        #expect(created.header("Location") == "/meetings/nato-russia-2022-02-10")
        #expect(created.header("Cache-Control") == "no-store")
        try expectSameAsGet(created, "/meetings/nato-russia-2022-02-10")
        let meeting = try JSON.item(try created.object())
        #expect((meeting["parties"] as? [[String: Any]])?.map { $0["name"] as? String } == ["NATO", "Russia"])
        #expect((meeting["participants"] as? [[String: Any]])?.first?["name"] as? String == "Alexander Grushko")
        #expect(meeting["end_date"] as? String == "2022-02-10", "end_date defaults to date")

        let quote = try api.post("/quotes", Bodies.quote("smith-ready-to-talk", meeting: "nato-russia-2022-02-10"), token: token)
        #expect(quote.status == 201, "\(quote.text)")
        try expectSameAsGet(quote, "/quotes/smith-ready-to-talk")
        let record = try JSON.item(try quote.object())
        #expect((record["meeting"] as? [String: Any])?["title"] as? String == "Next round of NATO–Russia talks")
        #expect((record["sources"] as? [Any])?.isEmpty == true, "a quote from no source Parley holds")

        // Readers find them everywhere: filters, search, lists, the feed.
        #expect(try api.ids("/meetings?date=2022-02-10") == ["nato-russia-2022-02-10"])
        #expect(try api.ids("/quotes?meeting=nato-russia-2022-02-10") == ["smith-ready-to-talk"])
        #expect(try api.ids("/quotes?q=ready+talk").contains("smith-ready-to-talk"))
        #expect(try api.ids("/meetings?q=grusko").contains("nato-russia-2022-02-10"), "participants are searched")
        #expect(try api.ids("/quotes?limit=500").last == "smith-ready-to-talk", "unsourced quotes come last")
        let feed = try JSON.items(try api.json("/changes?since=88"))
        #expect(feed.map { $0["id"] as? String } == ["nato-russia-2022-02-10", "smith-ready-to-talk"])
        #expect(feed.allSatisfy { $0["actor"] as? String == "newsroom" && $0["operation"] as? String == "create" })
    }

    @Test func everyCollectionCanBeWritten() throws {
        let bodies: [(String, String)] = [
            ("/topics", #"{"id": "sanctions", "name": "Sanctions", "description": "Economic measures.", "sources": [{"source": "article", "paragraph": 2}]}"#),
            ("/parties", #"{"id": "finland", "name": "Finland", "kind": "state", "aliases": [{"name": "Suomi", "note": "Finnish"}], "member_of": [{"id": "european-union", "name": "European Union", "basis": "inferred"}]}"#),
            ("/people", #"{"id": "jens-stoltenberg", "name": "Jens Stoltenberg", "posts": [{"title": "NATO Secretary General", "party": {"id": "nato"}, "start_date": "2014-10", "end_date": null, "basis": "inferred"}]}"#),
            ("/demands", #"{"id": "no-missiles-in-europe", "text": "No intermediate-range missiles in Europe", "party": {"id": "russia"}, "addressees": [{"id": "nato"}, {"id": "united-states"}], "meeting": {"id": "russia-demands-2021-12-17"}, "topics": [{"id": "sanctions"}]}"#),
        ]
        for (path, body) in bodies {
            let response = try api.post(path, body, token: token)
            #expect(response.status == 201, "\(path): \(response.text)")
            try expectSameAsGet(response, try #require(response.header("Location")))
        }
        let finland = try api.record("/parties/finland")
        #expect((finland["member_of"] as? [[String: Any]])?.first?["id"] as? String == "european-union")
        let union = try api.record("/parties/european-union")
        #expect((union["members"] as? [[String: Any]])?.contains { $0["id"] as? String == "finland" } == true, "memberships show both ways")
        #expect(try api.ids("/people?party=nato").contains("jens-stoltenberg"))
        #expect(try api.ids("/demands?addressee=united-states").contains("no-missiles-in-europe"))
    }

    @Test func patchIsAJSONMergePatch() throws {
        let before = try api.record("/meetings/us-russia-geneva-2022-01-10")
        let response = try api.patch("/meetings/us-russia-geneva-2022-01-10",
                                     #"{"end_date": "2022-01-11", "location": {"basis": "inferred"}, "summary": null, "topics": [{"id": "arms-control"}]}"#,
                                     token: token)
        #expect(response.status == 200, "\(response.text)")
        try expectSameAsGet(response, "/meetings/us-russia-geneva-2022-01-10")
        let after = try JSON.item(try response.object())
        #expect(after["end_date"] as? String == "2022-01-11")
        #expect((after["location"] as? [String: Any])?["city"] as? String == "Geneva", "objects merge")
        #expect((after["location"] as? [String: Any])?["basis"] as? String == "inferred")
        #expect(after["summary"] as? String == "", "null resets to the default")
        #expect((after["topics"] as? [[String: Any]])?.map { $0["id"] as? String } == ["arms-control"], "arrays are replaced")
        #expect((after["parties"] as? [Any])?.count == (before["parties"] as? [Any])?.count, "untouched fields stay")
        #expect(try api.ids("/meetings?date=2022-01-11").contains("us-russia-geneva-2022-01-10"))
        #expect(try api.count("SELECT count(*) FROM changes WHERE operation = 'update'") == 1)
    }

    @Test func aRecordReadCanBeWrittenBackAsIs() throws {
        for path in ["/meetings/nato-russia-council-2022-01-12", "/parties/nato", "/people/julianne-smith",
                     "/quotes/smith-crystal-ball-p1", "/topics/risk-reduction", "/demands/no-ukraine-membership"] {
            let read = try api.get(path)
            let body = String(decoding: try JSONSerialization.data(withJSONObject: try JSON.item(try read.object())), as: UTF8.self)
            let response = try api.patch(path, body, token: token, headers: [("If-Match", try #require(read.header("ETag")))])
            #expect(response.status == 200, "\(path): \(response.text)")
            #expect(response.header("ETag") == read.header("ETag"), "\(path): nothing changed")
        }
        #expect(try api.count("SELECT count(*) FROM changes WHERE actor <> 'seed'") == 0, "no change is recorded for a write that changes nothing")
    }

    @Test func renamingShowsInEveryRecordThatNamesIt() throws {
        let quoteTag = try #require(try api.get("/quotes/smith-crystal-ball-p1").header("ETag"))
        let unrelated = try #require(try api.get("/quotes/grushko-moment-of-truth").header("ETag"))
        let response = try api.patch("/people/julianne-smith", #"{"name": "Julianne C. Smith"}"#, token: token)
        #expect(response.status == 200)
        let quote = try api.get("/quotes/smith-crystal-ball-p1")
        #expect(quote.header("ETag") != quoteTag, "the quote shows the speaker's name, so its tag moves")
        #expect(quote.text.contains("Julianne C. Smith"))
        #expect(try api.get("/quotes/grushko-moment-of-truth").header("ETag") == unrelated, "other records keep their tags")
        #expect(try api.ids("/meetings?q=julianne").contains("smith-press-webinar-2022-01-11"))
    }

    @Test func ifMatchGuardsAgainstLostUpdates() throws {
        let path = "/topics/transparency"
        let etag = try #require(try api.get(path).header("ETag"))
        #expect(etag.hasPrefix("\"r-"))
        // Another client changes it first.
        #expect(try api.patch(path, #"{"description": "first writer"}"#, token: token, headers: [("If-Match", etag)]).status == 200)
        let late = try api.patch(path, #"{"description": "second writer"}"#, token: token, headers: [("If-Match", etag)])
        #expect(late.status == 412)
        let current = try #require(late.header("ETag"))
        let reread = try api.get(path).header("ETag")
        #expect(current != etag && current == reread)
        #expect(try api.record(path)["description"] as? String == "first writer")
        // The current tag, a list holding it, or * pass; a weak tag never does.
        #expect(try api.patch(path, #"{"description": "third"}"#, token: token, headers: [("If-Match", "W/" + current)]).status == 412)
        #expect(try api.patch(path, #"{"description": "third"}"#, token: token, headers: [("If-Match", "\"x\", " + current)]).status == 200)
        #expect(try api.patch(path, #"{"description": "fourth"}"#, token: token, headers: [("If-Match", "*")]).status == 200)
        #expect(try api.patch("/topics/nothing-here", #"{"name": "x"}"#, token: token, headers: [("If-Match", "*")]).status == 404)
        // The same for DELETE.
        let quote = "/quotes/smith-crystal-ball-p19"
        #expect(try api.delete(quote, token: token, headers: [("If-Match", etag)]).status == 412)
        #expect(try api.get(quote).status == 200)
        let quoteTag = try #require(try api.get(quote).header("ETag"))
        #expect(try api.delete(quote, token: token, headers: [("If-Match", quoteTag)]).status == 204)
    }

    @Test func recordTagsServe304AndIgnoreOtherWrites() throws {
        let path = "/topics/arms-control"
        let etag = try #require(try api.get(path).header("ETag"))
        #expect(try api.get(path + "?pretty=true").header("ETag") == etag, "one tag for every variant of the record")
        #expect(try api.get(path, headers: [("If-None-Match", etag)]).status == 304)
        let listTag = try #require(try api.get("/topics").header("ETag"))
        #expect(try api.post("/topics", Bodies.topic("unrelated"), token: token).status == 201)
        #expect(try api.get(path, headers: [("If-None-Match", etag)]).status == 304, "another record's write leaves it valid")
        #expect(try api.get("/topics").header("ETag") != listTag, "a list holding the new record changes")
        #expect(try api.get("/topics", headers: [("If-None-Match", listTag)]).status == 200)
    }

    @Test func deleteRemovesEverywhere() throws {
        #expect(try api.post("/topics", Bodies.topic("short-lived"), token: token).status == 201)
        #expect(try api.ids("/topics?limit=500").contains("short-lived"))
        let deleted = try api.delete("/topics/short-lived", token: token)
        #expect(deleted.status == 204 && deleted.body.isEmpty)
        #expect(try api.get("/topics/short-lived").status == 404)
        #expect(!(try api.ids("/topics?limit=500").contains("short-lived")))
        #expect(try api.delete("/topics/short-lived", token: token).status == 404)
        #expect(try api.request("OPTIONS", "/topics/short-lived").status == 404, "a deleted record has nothing to describe")
        #expect(try api.count("SELECT count(*) FROM record_sources WHERE record_id = 'short-lived'") == 0)
        // A quote's search entry goes with it.
        #expect(try api.ids("/quotes?q=moment+truth") == ["grushko-moment-of-truth"])
        #expect(try api.delete("/quotes/grushko-moment-of-truth", token: token).status == 204)
        #expect(try api.ids("/quotes?q=moment+truth").isEmpty)
        let operations = try JSON.items(try api.json("/changes?since=88")).map { $0["operation"] as? String }
        #expect(operations == ["create", "delete", "delete"])
    }

    @Test func idempotencyKeysReplayTheFirstResponse() throws {
        let key = UUID().uuidString
        let first = try api.post("/meetings", Bodies.meeting("idempotent-meeting"), token: token, headers: [("Idempotency-Key", key)])
        #expect(first.status == 201)
        let again = try api.post("/meetings", Bodies.meeting("idempotent-meeting"), token: token, headers: [("Idempotency-Key", key)])
        #expect(again.status == 201, "the first response again, not a 409")
        #expect(again.body == first.body && again.header("Location") == first.header("Location") && again.header("ETag") == first.header("ETag"))
        #expect(again.header("Idempotent-Replayed") == "true")
        #expect(try api.count("SELECT count(*) FROM changes WHERE record_id = 'idempotent-meeting'") == 1, "created once")
        let other = try api.post("/meetings", Bodies.meeting("another-meeting"), token: token, headers: [("Idempotency-Key", key)])
        #expect(other.status == 422)
        #expect(try api.get("/meetings/another-meeting").status == 404)
        // Keys belong to their token: another service may use the same key.
        let otherToken = try api.token("dashboard")
        #expect(try api.post("/topics", Bodies.topic("keyed"), token: otherToken, headers: [("Idempotency-Key", key)]).status == 201)
        // A refused request binds nothing: the key can be used again once the body is right.
        let fresh = UUID().uuidString
        #expect(try api.post("/topics", "{}", token: token, headers: [("Idempotency-Key", fresh)]).status == 422)
        #expect(try api.post("/topics", Bodies.topic("keyed-later"), token: token, headers: [("Idempotency-Key", fresh)]).status == 201)
        for bad in ["", String(repeating: "k", count: 256), "has space"] {
            #expect(try api.post("/topics", Bodies.topic("bad-key"), token: token, headers: [("Idempotency-Key", bad)]).status == 400, "'\(bad)'")
        }
    }

    /// Whichever loop thread (and response cache) answers, the next read sees the write.
    @Test(arguments: [4 << 20, 0])
    func aWriteIsVisibleToTheVeryNextReadOnAnyConnection(cacheBytes: Int) throws {
        let api = try TestAPI(responseCacheBytes: cacheBytes, workers: 4)
        let token = try api.token()
        for round in 0..<8 {
            // Warm every loop's cache with the old state.
            for _ in 0..<8 { _ = try api.get("/topics/arms-control"); _ = try api.get("/topics?limit=500") }
            let name = "Arms control (\(round))"
            #expect(try api.patch("/topics/arms-control", #"{"name": "\#(name)"}"#, token: token).status == 200)
            for _ in 0..<8 {
                #expect(try api.record("/topics/arms-control")["name"] as? String == name)
                #expect(try api.get("/topics?limit=500").text.contains(name))
            }
        }
    }

    @Test func migrationKeepsTheSeedsQuotesAndTheirTopics() throws {
        #expect(try api.count("SELECT count(*) FROM quotes") == 20)
        #expect(try api.count("SELECT count(*) FROM quote_topics") == 31)
        #expect(try api.count("SELECT count(*) FROM quotes WHERE start_offset IS NULL") == 0)
        #expect(try api.count("PRAGMA foreign_key_check") == -1, "no row breaks a foreign key")
        let sources = try api.record("/quotes/smith-crystal-ball-p1")["sources"] as? [[String: Any]]
        #expect(sources?.first?["start"] as? Int != nil)
    }
}
