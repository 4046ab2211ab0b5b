import Foundation
@testable import ParleyStore
import HTTPServer
@testable import ParleyAPI
import TestSupport
import Testing

@Suite struct CachingTests {
    let api = TestAPI.shared

    static let everyEndpoint = ["/", "/healthz", "/openapi.json", "/meetings", "/meetings/nato-russia-council-2022-01-12",
                                "/parties", "/parties/nato", "/people", "/people/julianne-smith", "/quotes",
                                "/quotes/smith-crystal-ball-p1", "/topics", "/topics/risk-reduction", "/demands",
                                "/sources", "/sources/article"]

    @Test(arguments: everyEndpoint)
    func everyOKHasAnETagAndCORS(_ path: String) throws {
        let response = try api.get(path)
        #expect(response.status == 200)
        let etag = try #require(response.header("ETag"))
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""))
        #expect(response.header("Cache-Control") != nil)
        #expect(response.header("Access-Control-Allow-Origin") == "*")
        let notModified = try api.get(path, headers: [("If-None-Match", etag)])
        #expect(notModified.status == 304)
        #expect(notModified.body.isEmpty)
        #expect(notModified.header("ETag") == etag)
        #expect(notModified.header("Content-Length") == nil || notModified.header("Content-Length") == "0")
    }

    @Test(arguments: everyEndpoint)
    func headIsGetWithoutBody(_ path: String) throws {
        let get = try api.get(path)
        let head = try api.request("HEAD", path)
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("ETag") == get.header("ETag"))
        #expect(head.header("Content-Type") == get.header("Content-Type"))
        #expect(head.header("Access-Control-Allow-Origin") == "*")
        #expect(try api.request("HEAD", "/meetings/nope").status == 404)
    }

    @Test func conditionalForms() throws {
        let etag = try #require(try api.get("/meetings").header("ETag"))
        #expect(try api.get("/meetings", headers: [("If-None-Match", "W/" + etag)]).status == 304)
        #expect(try api.get("/meetings", headers: [("If-None-Match", "\"other\", " + etag)]).status == 304)
        #expect(try api.get("/meetings", headers: [("If-None-Match", "*")]).status == 304)
        #expect(try api.get("/meetings", headers: [("If-None-Match", "\"other\"")]).status == 200)
        #expect(try api.get("/meetings/nope", headers: [("If-None-Match", "*")]).status == 404)
        #expect(try api.request("HEAD", "/meetings", headers: [("If-None-Match", etag)]).status == 304)
    }

    @Test func etagsFollowTheNormalisedRequest() throws {
        let a = try api.get("/meetings?from=2022-01-10&to=2022-01-13").header("ETag")
        let b = try api.get("/meetings?to=2022-01-13&from=2022-01-10").header("ETag")
        let c = try api.get("/meetings?to=2022-01-13&from=2022-01-11").header("ETag")
        #expect(a != nil && a == b && a != c)
        let json = try api.get("/meetings").header("ETag")
        let csv = try api.get("/meetings?format=csv").header("ETag")
        let accept = try api.get("/meetings", headers: [("Accept", "text/csv")]).header("ETag")
        // Different requests, different tags (their Link headers differ); the bodies agree (CSVTests).
        #expect(json != csv && json != accept && csv != nil && accept != nil)
    }

    @Test func optionsPreflight() throws {
        let allowed = ["/meetings": "GET, HEAD, OPTIONS, POST", "/meetings/anything": "GET, HEAD, OPTIONS, PATCH, DELETE",
                       "/": "GET, HEAD, OPTIONS", "/healthz": "GET, HEAD, OPTIONS", "/openapi.json": "GET, HEAD, OPTIONS"]
        for (path, allow) in allowed {
            let response = try api.request("OPTIONS", path, headers: [
                ("Origin", "https://example.org"), ("Access-Control-Request-Method", "GET"),
                ("Access-Control-Request-Headers", "If-None-Match, X-Requested-With"),
            ])
            #expect(response.status == 204, "\(path)")
            #expect(response.header("Allow") == allow)
            #expect(response.header("Access-Control-Allow-Origin") == "*")
            #expect(response.header("Access-Control-Allow-Methods") == allow)
            #expect(response.header("Access-Control-Allow-Headers") == "If-None-Match, X-Requested-With")
            #expect(response.header("Access-Control-Max-Age") == "86400")
            #expect(response.body.isEmpty)
        }
        let plain = try api.request("OPTIONS", "/quotes")
        #expect(plain.header("Access-Control-Allow-Headers")?.contains("If-None-Match") == true)
        #expect(plain.header("Access-Control-Allow-Headers")?.contains("If-Match") == true)
        #expect(plain.header("Access-Control-Allow-Headers")?.contains("Idempotency-Key") == true)
        let asterisk = try api.request("OPTIONS", "*")
        #expect(asterisk.status == 204)
        #expect(asterisk.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(try api.request("OPTIONS", "/nope").status == 404)
    }

    /// A preflight describes the route, whatever the id; a plain OPTIONS describes the record, so it needs one.
    @Test func plainOptionsOfAMissingRecordIs404() throws {
        let preflight = [("Origin", "https://example.org"), ("Access-Control-Request-Method", "DELETE")]
        #expect(try api.request("OPTIONS", "/meetings/no-such-meeting", headers: preflight).status == 204)
        let missing = try api.request("OPTIONS", "/meetings/no-such-meeting")
        #expect(missing.status == 404)
        #expect(missing.header("Allow") == "GET, HEAD, OPTIONS, PATCH, DELETE")
        #expect(missing.header("Access-Control-Allow-Origin") == "*")
        #expect(try api.request("OPTIONS", "/meetings/nato-russia-council-2022-01-12").status == 204)
        #expect(try api.request("OPTIONS", "/sources/article").status == 204)
        #expect(try api.request("OPTIONS", "/sources/nope").status == 404)
        #expect(try api.request("OPTIONS", "/quotes/Not%20A%20Slug").status == 404)
    }

    @Test func listsVaryOnAccept() throws {
        #expect(try api.get("/meetings").header("Vary") == "Accept")
        #expect(try api.get("/meetings/nato-russia-council-2022-01-12").header("Vary") == nil)
    }

    /// A change by another connection is visible on the very next request: new ETag, new body, no stale cache.
    @Test(arguments: [4 << 20, 0])
    func changesInvalidateCacheAndETags(cacheBytes: Int) throws {
        let api = try TestAPI(responseCacheBytes: cacheBytes)
        let path = "/topics/risk-reduction"
        let before = try api.get(path)
        let etag = try #require(before.header("ETag"))
        let listTag = try #require(try api.get("/topics").header("ETag"))
        #expect(try api.get(path).header("ETag") == etag)  // answered from the cache, when on
        #expect(try api.get(path, headers: [("If-None-Match", etag)]).status == 304)

        let writer = try Database(path: api.databasePath)
        try writer.execute("""
            UPDATE topics SET name = 'Risk reduction (renamed)' WHERE id = 'risk-reduction';
            INSERT INTO changes (collection, record_id, operation, actor) VALUES ('topics', 'risk-reduction', 'update', 'test');
            """)
        // Every loop thread must notice, whichever one answers.
        for _ in 0..<6 {
            let after = try api.get(path)
            #expect(after.header("ETag") != etag)
            #expect(after.text.contains("Risk reduction (renamed)"))
            #expect(try api.get(path, headers: [("If-None-Match", etag)]).status == 200)
        }
        // A list's tag names the data version; a record's tag is its own (RecordETag).
        let health = try api.json("/healthz")
        #expect(health["data_version"] as? Int == Int(listTag.dropFirst().prefix { $0 != "-" }, radix: 16).map { $0 + 1 })
        #expect(try api.get("/topics").header("ETag") != listTag)
    }

    @Test func cachedResponsesAreIdenticalToFreshOnes() throws {
        let cached = try TestAPI(responseCacheBytes: 4 << 20)
        let uncached = try TestAPI(responseCacheBytes: 0)
        for path in Self.everyEndpoint + ["/meetings?format=csv", "/quotes?limit=3&pretty=true"] where path != "/healthz" {
            let first = try cached.get(path), second = try cached.get(path), fresh = try uncached.get(path)
            #expect(first.body == second.body && second.body == fresh.body, "\(path)")
            #expect(first.header("ETag") == fresh.header("ETag"), "\(path)")
        }
    }
}

/// The cache in isolation: budget, eviction, aliases.
@Suite struct ResponseCacheTests {
    @Test func staysWithinItsBudgetAndEvictsOldestFirst() throws {
        let budget = CacheBudget(limit: 10_000)
        let cache = ResponseCache(budget: budget)
        cache.sync(version: 1)
        let route = try #require(Router.match("/meetings")?.route)
        for index in 0..<40 {
            let response = HTTPResponse(status: 200, body: Array(repeating: 65, count: 1000))
            cache.insert("/k\(index)", response, etag: "\"1-\(index)\"", version: 1,
                         alias: .init(target: "/k\(index)", accept: nil), route: route)
            #expect(budget.usedBytes <= budget.limit)
        }
        #expect(cache.lookup("/k39") != nil)
        #expect(cache.lookup("/k0") == nil)
        #expect(cache.lookup(alias: .init(target: "/k0", accept: nil)) == nil)
        #expect(cache.lookup(alias: .init(target: "/k39", accept: nil)) != nil)
        cache.sync(version: 2)
        #expect(cache.count == 0 && budget.usedBytes == 0)
    }

    @Test func aZeroBudgetDisablesIt() throws {
        let cache = ResponseCache(budget: CacheBudget(limit: 0))
        cache.sync(version: 1)
        let route = try #require(Router.match("/meetings")?.route)
        cache.insert("/k", HTTPResponse(status: 200), etag: "\"x\"", version: 1, alias: .init(target: "/k", accept: nil), route: route)
        #expect(cache.lookup("/k") == nil)
    }

    @Test func entriesOfAnOldVersionAreNotKept() throws {
        let cache = ResponseCache(budget: CacheBudget(limit: 1 << 20))
        cache.sync(version: 2)
        let route = try #require(Router.match("/meetings")?.route)
        cache.insert("/k", HTTPResponse(status: 200), etag: "\"x\"", version: 1, alias: .init(target: "/k", accept: nil), route: route)
        #expect(cache.lookup("/k") == nil)
    }
}
