import Foundation
import HTTPServer
import ParleyStore
import TestSupport
import Testing

/// `/changes`: every create, update and delete in commit order, the seed's first; followed with `since`, nothing
/// is missed or seen twice.
@Suite struct ChangeFeedTests {
    /// Every change after `since`, following `links.next` with pages of `limit`.
    static func walk(_ api: TestAPI, since: Int = 0, limit: Int = 100) throws -> [[String: Any]] {
        var changes: [[String: Any]] = []
        var target: String? = "/changes?since=\(since)&limit=\(limit)"
        while let next = target {
            let page = try api.json(next)
            changes += try JSON.items(page)
            target = (page["links"] as? [String: Any])?["next"] as? String
        }
        return changes
    }

    @Test func theSeedsRecordsAreTheFirstChanges() throws {
        let changes = try Self.walk(TestAPI.shared, limit: 500)
        let seed = changes.prefix { $0["actor"] as? String == "seed" }
        #expect(seed.count == 88)
        #expect(seed.map { $0["seq"] as? Int } == (1...88).map { $0 })
        #expect(seed.allSatisfy { $0["operation"] as? String == "create" && $0["at"] as? String == "2022-01-14T00:00:00.000Z" })
        let keys = seed.map { "\($0["collection"] as? String ?? "")/\($0["id"] as? String ?? "")" }
        #expect(keys == keys.sorted(), "collection, then id")
        #expect(Set(seed.compactMap { $0["collection"] as? String }) == ["demands", "meetings", "parties", "people", "quotes", "topics"])
        let first = try #require(seed.first)
        #expect(Array(first.keys).sorted() == ["actor", "at", "collection", "id", "operation", "seq"])
    }

    @Test func pagesWalkEveryChangeOnce() throws {
        let api = TestAPI.shared
        let all = try Self.walk(api, limit: 500)
        for limit in [1, 7, 88, 100] {
            let walked = try Self.walk(api, limit: limit)
            #expect(walked.map { $0["seq"] as? Int } == all.map { $0["seq"] as? Int }, "limit \(limit)")
        }
        #expect(try Self.walk(api, since: 80).map { $0["seq"] as? Int } == (81...all.count).map { $0 })
        #expect(try api.get("/changes?since=9007199254740991").status == 200, "the documented maximum")
        let last = try api.json("/changes?since=\(all.count)")
        #expect(try JSON.items(last).isEmpty && (last["meta"] as? [String: Any])?["total"] as? Int == 0)
        #expect(try api.json("/changes?since=80&limit=3")["meta"].flatMap { ($0 as? [String: Any])?["total"] as? Int } == all.count - 80)
    }

    @Test func badParametersAre400() throws {
        for query in ["since=-1", "since=abc", "since=1.5", "since=01", "since=", "since=9007199254740992", "limit=0", "cursor=meetings.AA", "sinse=3", "fields=seq,when"] {
            let response = try TestAPI.shared.get("/changes?" + query)
            #expect(response.status == 400, "\(query)")
        }
    }

    @Test func followersAlwaysRevalidate() throws {
        let response = try TestAPI.shared.get("/changes?since=80")
        #expect(response.header("Cache-Control") == "no-cache")
        let etag = try #require(response.header("ETag"))
        let again = try TestAPI.shared.get("/changes?since=80", headers: [("If-None-Match", etag)])
        #expect(again.status == 304 && again.header("Cache-Control") == "no-cache")
    }

    @Test func feedComesAsCSVToo() throws {
        let csv = try TestAPI.shared.get("/changes?since=86&format=csv").text
        #expect(csv.hasPrefix("seq,at,collection,id,operation,actor\r\n87,2022-01-14T00:00:00.000Z,topics,"))
        #expect(try TestAPI.shared.ids("/changes?since=86&fields=id") == ["transparency", "ukraine-membership"])
    }

    @Test func writesAppendInCommitOrderWithTheirActor() throws {
        let api = try TestAPI()
        let newsroom = try api.token("newsroom"), analyst = try api.token("analyst")
        #expect(try api.post("/meetings", Bodies.meeting("feed-meeting"), token: newsroom).status == 201)
        #expect(try api.post("/quotes", Bodies.quote("feed-quote", meeting: "feed-meeting"), token: newsroom).status == 201)
        #expect(try api.patch("/meetings/feed-meeting", #"{"date": "2022-02-09"}"#, token: analyst).status == 200)
        #expect(try api.delete("/quotes/feed-quote", token: analyst).status == 204)
        let changes = try Self.walk(api, since: 88)
        #expect(changes.map { $0["seq"] as? Int } == [89, 90, 91, 92])
        #expect(changes.map { "\($0["operation"] ?? "") \($0["collection"] ?? "")/\($0["id"] ?? "") by \($0["actor"] ?? "")" } == [
            "create meetings/feed-meeting by newsroom", "create quotes/feed-quote by newsroom",
            "update meetings/feed-meeting by analyst", "delete quotes/feed-quote by analyst",
        ])
        let at = changes.compactMap { $0["at"] as? String }
        #expect(at == at.sorted() && at.allSatisfy { $0.hasPrefix("20") && $0.hasSuffix("Z") })
        // The data version is the newest change.
        #expect(try api.json("/healthz")["data_version"] as? Int == 92)
    }

    /// A follower polling with `since` while writers write: it sees every acknowledged write once, in order.
    @Test func aFollowerNeverMissesNorRepeatsAChange() throws {
        let api = try TestAPI(workers: 2)
        let token = try api.token("burst")
        let writers = 3, perWriter = 25
        let acknowledged = Locked<Set<String>>([])
        let done = Locked(false)
        let seen = Locked<[Int]>([])
        let follower = Thread {
            var since = 88
            var finished = false
            while !finished {
                finished = done.withLock { $0 }
                guard let changes = try? Self.walk(api, since: since, limit: 5) else { continue }
                for change in changes {
                    if let seq = change["seq"] as? Int {
                        seen.withLock { $0.append(seq) }
                        since = seq
                    }
                }
            }
        }
        follower.start()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for index in 0..<perWriter {
                let id = "burst-\(writer)-\(index)"
                if let response = try? api.post("/topics", Bodies.topic(id), token: token), response.status == 201 {
                    acknowledged.withLock { _ = $0.insert(id) }
                }
            }
        }
        done.withLock { $0 = true }
        while !follower.isFinished { usleep(10_000) }
        let sequence = seen.withLock { $0 }
        #expect(acknowledged.withLock { $0.count } == writers * perWriter)
        #expect(sequence == Array(89...(88 + writers * perWriter)), "every change once, in order")
        let ids = Set(try Self.walk(api, since: 88).compactMap { $0["id"] as? String })
        #expect(ids == acknowledged.withLock { $0 })
    }
}
