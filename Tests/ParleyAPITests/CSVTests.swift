import Foundation
import TestSupport
import Testing

@Suite struct CSVTests {
    let api = TestAPI.shared

    static let collections = ["meetings", "parties", "people", "quotes", "topics", "demands", "sources"]

    @Test(arguments: collections)
    func everyListComesAsCSV(_ collection: String) throws {
        let json = try JSON.items(try api.json("/\(collection)?limit=500"))
        let response = try api.get("/\(collection)?limit=500&format=csv")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/csv; charset=utf-8; header=present")
        let rows = CSV.parse(response.text)
        let header = try #require(rows.first)
        #expect(header.first == "id")
        #expect(rows.count == json.count + 1)
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        #expect(rows.dropFirst().map { $0[0] } == json.compactMap { $0["id"] as? String })
    }

    @Test func acceptHeaderSelectsCSV() throws {
        let byAccept = try api.get("/quotes", headers: [("Accept", "text/csv")])
        let byParameter = try api.get("/quotes?format=csv")
        #expect(byAccept.header("Content-Type")?.hasPrefix("text/csv") == true)
        #expect(byAccept.body == byParameter.body)
        #expect(try api.get("/quotes?format=json", headers: [("Accept", "text/csv")]).header("Content-Type") == "application/json; charset=utf-8")
        #expect(try api.get("/quotes", headers: [("Accept", "application/json")]).header("Content-Type") == "application/json; charset=utf-8")
        // Items are JSON whatever Accept says.
        #expect(try api.get("/quotes/smith-crystal-ball-p1", headers: [("Accept", "text/csv")]).header("Content-Type") == "application/json; charset=utf-8")
    }

    @Test func quotesSurviveTheRoundTrip() throws {
        let json = try JSON.items(try api.json("/quotes?limit=500"))
        let rows = CSV.parse(try api.get("/quotes?limit=500&format=csv&fields=id,text,speaker,sources").text)
        #expect(rows.first == ["id", "text", "speaker", "sources"])
        for (row, quote) in zip(rows.dropFirst(), json) {
            #expect(row[1] == quote["text"] as? String)
            #expect(row[2] == ((quote["speaker"] as? [String: Any])?["id"] as? String ?? ""))
            let source = (quote["sources"] as? [[String: Any]])?.first ?? [:]
            #expect(row[3] == "\(source["source"] ?? ""):\(source["paragraph"] ?? ""):\(source["start"] ?? ""):\(source["end"] ?? "")")
        }
    }

    @Test func meetingLocationSpreadsOverColumns() throws {
        let rows = CSV.parse(try api.get("/meetings?date=2022-01-12&format=csv&fields=id,location,parties").text)
        #expect(rows.first == ["id", "location.city", "location.country", "location.basis", "parties"])
        #expect(rows.dropFirst().first?[1] == "Brussels")
        #expect(rows.dropFirst().first?[4].split(separator: ";").contains("nato") == true)
    }

    @Test func paginatedCSVLinksTheNextPage() throws {
        let response = try api.get("/meetings?limit=2&format=csv")
        let link = try #require(response.header("Link"))
        #expect(link.hasPrefix("</meetings?cursor=") && link.contains("format=csv") && link.hasSuffix(">; rel=\"next\""))
        #expect(CSV.parse(response.text).count == 3)
    }

    @Test func emptyListsStillHaveAHeader() throws {
        let rows = CSV.parse(try api.get("/meetings?date=1999-01-01&format=csv").text)
        #expect(rows.count == 1 && rows[0].first == "id")
    }
}
