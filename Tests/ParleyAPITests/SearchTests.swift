import Foundation
@testable import ParleyStore
import TestSupport
import Testing

@Suite struct SearchTests {
    let api = TestAPI.shared

    @Test func diacriticsAreFolded() throws {
        #expect(try api.ids("/people?q=grusko").contains("alexander-grushko"))
        #expect(try api.ids("/people?q=GRU%C5%A0KO").contains("alexander-grushko"))
        #expect(try api.ids("/people?q=Grushko").contains("alexander-grushko"))
    }

    @Test func cyrillicFindsTheRussians() throws {
        #expect(try api.ids("/people?q=%D0%A0%D1%8F%D0%B1%D0%BA%D0%BE%D0%B2") == ["sergei-ryabkov"])  // Рябков
        #expect(try api.ids("/people?q=%D1%80%D1%8F%D0%B1%D0%BA%D0%BE%D0%B2") == ["sergei-ryabkov"])  // рябков
    }

    @Test func quotesAndMeetingsAreSearchable() throws {
        let crystal = try JSON.items(try api.json("/quotes?q=crystal"))
        #expect(!crystal.isEmpty)
        #expect(crystal.allSatisfy { (($0["text"] as? String) ?? "").lowercased().contains("crystal") })
        #expect(try api.ids("/quotes?q=crystal+ball").count <= crystal.count)
        #expect(try api.ids("/meetings?q=brussels").contains("nato-russia-council-2022-01-12"))
        #expect(try api.ids("/quotes?q=zzzzunknownword").isEmpty)
        #expect(try api.ids("/quotes?q=crystal&speaker=julianne-smith").count == crystal.count)
    }

    /// FTS5 syntax typed by a user is searched for, or refused with 400; never a 500.
    @Test(arguments: ["%22", "AND", "*", "NEAR(", ")", "(", "OR", "NOT", "%22a%22+OR+%22b%22", "^", "-", ":", "body:crystal",
                      "crystal*", "%7B%7D", "'", "%5C", "NEAR(crystal+ball,+2)", "a+AND+OR+NOT", "%E2%80%9C", "%00",
                      "%22%22%22", "crystal%22", "%F0%9F%87%BA%F0%9F%87%A6"])
    func hostileSearchesNeverFail(_ q: String) throws {
        for path in ["/quotes", "/meetings", "/people"] {
            let response = try api.get("\(path)?q=\(q)")
            #expect(response.status == 200 || response.status == 400, "\(path)?q=\(q) → \(response.status) \(response.text)")
            if response.status == 400 {
                #expect(try JSON.object(response.body)["parameter"] as? String == "q")
            }
        }
    }

    @Test func operatorsAreWordsAndPunctuationFindsNothing() throws {
        #expect(try api.get("/quotes?q=AND").status == 200)
        #expect(try api.get("/quotes?q=NEAR(").status == 200)
        #expect(try api.ids("/quotes?q=crystal*") == api.ids("/quotes?q=crystal"))
        #expect(try api.ids("/quotes?q=%22").isEmpty)
        #expect(try api.ids("/quotes?q=*").isEmpty)
        #expect(try api.get("/quotes?q=").status == 400)
        #expect(try api.get("/quotes?q=" + String(repeating: "a", count: 201)).status == 400)
    }

    /// The index after writes is the one a rebuild makes: every key's text is its record's text now (a speaker's new
    /// alias reaches their quotes, a meeting's new title its row), and FTS5's own check finds every indexed word in
    /// the text its key holds (external content, migration 7: a reindex takes a record's old words out with the text
    /// they were indexed from, so none is left behind).
    @Test func writesLeaveTheIndexARebuildWouldMake() throws {
        let api = try TestAPI(responseCacheBytes: 0)
        let token = try api.token()
        #expect(try api.post("/meetings", Bodies.meeting("reindexed-meeting"), token: token).status == 201)
        #expect(try api.post("/quotes", Bodies.quote("reindexed-quote", meeting: "reindexed-meeting"), token: token).status == 201)
        #expect(try api.patch("/meetings/reindexed-meeting", #"{"title": "Marmalade summit"}"#, token: token).status == 200)
        #expect(try api.patch("/quotes/reindexed-quote", #"{"text": "Quince and damson."}"#, token: token).status == 200)
        #expect(try api.patch("/people/julianne-smith", #"{"aliases": [{"name": "Zanzibar", "note": null}]}"#, token: token).status == 200)
        #expect(try api.ids("/meetings?q=marmalade") == ["reindexed-meeting"])
        #expect(try api.ids("/meetings?q=talks").contains("reindexed-meeting") == false)  // the old title's word
        #expect(try api.ids("/quotes?q=damson") == ["reindexed-quote"])
        #expect(try api.ids("/quotes?q=ready").contains("reindexed-quote") == false)
        #expect(try api.ids("/quotes?q=zanzibar").count == api.ids("/quotes?speaker=julianne-smith&limit=100").count)
        #expect(try api.delete("/quotes/reindexed-quote", token: token).status == 204)
        #expect(try api.ids("/quotes?q=damson").isEmpty)

        let database = try Database(path: api.databasePath)
        func texts() throws -> [String] {
            var found: [String] = []
            for searched in SearchIndex.all {
                let statement = try database.prepare("SELECT record_id || ':' || body FROM \(searched.keys) ORDER BY record_id")
                while try statement.step() { found.append(searched.collection + "/" + statement.text(0)) }
            }
            return found
        }
        for searched in SearchIndex.all {
            try database.execute("INSERT INTO \(searched.table) (\(searched.table)) VALUES ('integrity-check')")
        }
        let written = try texts()
        try database.transaction(immediate: true) { try SearchIndex.rebuild(in: database) }
        #expect(try texts() == written)
    }

    /// A rebuilt index is one segment on level 1, none on level 0, where every write's own segment goes: the automerge
    /// then merges the writes' small segments among themselves, and no write rewrites the whole index (a lone
    /// segment on level 0 made one write in a few take 0.8 s at 400,000 quotes). Read from FTS5's structure record
    /// (`<table>_data` row 10: a 4-byte cookie, then varints: levels, segments, write counter, and per level the
    /// segments in a merge, the segments, and each segment's id and first and last page).
    @Test func aRebuildLeavesTheWritesLevelEmpty() throws {
        let directory = try TemporaryDirectory()
        let store = try Store.open(path: directory.path("levels.sqlite"))
        try ScaleData.fill(store.database, meetings: 200)
        for searched in SearchIndex.all {
            let statement = try store.database.prepare("SELECT hex(block) FROM \(searched.table)_data WHERE id = 10")
            let hex = try statement.step() ? statement.text(0) : ""
            var bytes: [UInt8] = []
            var index = hex.startIndex
            while index < hex.endIndex {
                let next = hex.index(index, offsetBy: 2)
                bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
                index = next
            }
            var offset = 4
            func varint() -> Int {
                var value = 0
                for _ in 0..<9 where offset < bytes.count {
                    let byte = bytes[offset]
                    offset += 1
                    value = (value << 7) | Int(byte & 0x7f)
                    if byte & 0x80 == 0 { break }
                }
                return value
            }
            let levels = varint()
            let segments = varint()
            _ = varint()  // write counter
            var perLevel: [Int] = []
            for _ in 0..<levels {
                _ = varint()  // in a merge
                let count = varint()
                perLevel.append(count)
                for _ in 0..<count { _ = varint(); _ = varint(); _ = varint() }
            }
            #expect(segments == 1, "\(searched.table): \(perLevel)")
            #expect(perLevel.first == 0, "\(searched.table): segments per level \(perLevel)")
        }
    }
}
