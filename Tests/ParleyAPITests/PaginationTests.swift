import Foundation
import TestSupport
import Testing

@Suite struct PaginationTests {
    let api = TestAPI.shared

    /// Follows links.next from the first page; checks the Link header agrees and returns every id seen.
    func walk(_ first: String) throws -> (ids: [String], pages: Int, total: Int) {
        var target: String? = first
        var ids: [String] = []
        var pages = 0, total = -1
        while let current = target {
            let response = try api.get(current)
            #expect(response.status == 200, "\(current): \(response.text)")
            let document = try JSON.object(response.body)
            ids += try JSON.items(document).compactMap { $0["id"] as? String }
            let links = try #require(document["links"] as? [String: Any])
            let meta = try #require(document["meta"] as? [String: Any])
            let pageTotal = try #require(meta["total"] as? Int)
            if total >= 0 { #expect(pageTotal == total) }
            total = pageTotal
            target = links["next"] as? String
            if let next = target {
                #expect(response.header("Link") == "<\(next)>; rel=\"next\"")
            } else {
                #expect(links["next"] is NSNull)
                #expect(response.header("Link") == nil)
            }
            pages += 1
            #expect(pages < 1000)
        }
        return (ids, pages, total)
    }

    @Test(arguments: ["meetings", "parties", "people", "quotes", "topics", "demands", "sources"])
    func walkingEveryPageFindsEachRecordOnce(_ collection: String) throws {
        let everything = try api.ids("/\(collection)?limit=500")
        for limit in [1, 2, 3, 7] {
            let (ids, pages, total) = try walk("/\(collection)?limit=\(limit)")
            #expect(ids == everything, "limit \(limit)")
            #expect(Set(ids).count == ids.count)
            #expect(total == everything.count)
            #expect(pages == max(1, (everything.count + limit - 1) / limit))
        }
    }

    @Test func pagesKeepTheirFilters() throws {
        let everything = try api.ids("/quotes?speaker=julianne-smith&limit=500")
        #expect(everything.count > 2)
        let (ids, _, total) = try walk("/quotes?speaker=julianne-smith&limit=2")
        #expect(ids == everything)
        #expect(total == everything.count)
        let (members, _, _) = try walk("/parties?member_of=nato&limit=4")
        #expect(members.count == 30)
    }

    @Test func defaultLimitIsOneHundred() throws {
        let document = try api.json("/parties")
        #expect((document["meta"] as? [String: Any])?["limit"] as? Int == 100)
        #expect((document["links"] as? [String: Any])?["self"] as? String == "/parties")
    }

    @Test func selfLinkIsTheCanonicalRequest() throws {
        let document = try api.json("/meetings?to=2022-01-13&from=2022-01-10&q=talks")
        #expect((document["links"] as? [String: Any])?["self"] as? String == "/meetings?from=2022-01-10&q=talks&to=2022-01-13")
    }
}
