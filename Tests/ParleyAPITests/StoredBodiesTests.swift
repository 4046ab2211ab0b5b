import Foundation
@testable import ParleyAPI
@testable import ParleyStore
import TestSupport
import Testing

/// Meetings' stored bodies (migration 9, issue 9 item 7): an uncached JSON page of meetings copies them, so they must
/// be exactly what encoding the meeting writes, after every kind of write, and never served when stale.
@Suite struct StoredBodiesTests {
    /// Lists of every filter, a walk of pages, and the headline; cache off, so each one is read.
    static let lists = [
        "/meetings?date=2022-01-12", "/meetings", "/meetings?limit=2", "/meetings?party=nato", "/meetings?person=julianne-smith",
        "/meetings?topic=arms-control", "/meetings?kind=bilateral-talks", "/meetings?q=nato", "/meetings?from=2022-01-10&to=2022-01-12",
        "/meetings?date=2022-01-12&party=russia", "/meetings?q=nothing-matches-this",
    ]

    /// Each list's body, following `next` links to the end, and each meeting's body and tag.
    static func bodies(_ api: TestAPI) throws -> [String: [UInt8]] {
        var bodies: [String: [UInt8]] = [:]
        for list in lists {
            var target: String? = list
            while let current = target {
                let response = try api.get(current)
                #expect(response.status == 200, "\(current): \(response.text)")
                bodies[current] = response.body
                target = try JSON.object(response.body)["links"].flatMap { ($0 as? [String: Any])?["next"] as? String }
            }
        }
        // And each meeting alone, whose tag is the digest of the same bytes.
        for id in try api.ids("/meetings") {
            let response = try api.get("/meetings/" + id)
            #expect(response.status == 200)
            bodies["/meetings/" + id] = response.body + Array((response.header("ETag") ?? "no tag").utf8)
        }
        return bodies
    }

    /// Every meeting has a body in the current format, equal to its encoding now, and nothing is queued.
    static func expectCurrent(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let store = try Store.open(path: path, migrate: false)
        let database = store.database
        #expect(try count(database, "SELECT count(*) FROM stale_bodies") == 0, sourceLocation: sourceLocation)
        let meetings = try count(database, "SELECT count(*) FROM meetings")
        #expect(try count(database, "SELECT count(*) FROM record_bodies WHERE collection = 'meetings' AND format = \(MeetingBodies.shared.format)") == meetings,
                "every meeting has a current body", sourceLocation: sourceLocation)
        let statement = try database.prepare("SELECT record_id, body FROM record_bodies")
        var checked = 0
        while try statement.step() {
            let id = statement.text(0)
            let meeting = try #require(try store.meeting(id: id), "a body of no meeting: \(id)", sourceLocation: sourceLocation)
            #expect(statement.utf8(1) == MeetingBodies.shared.body(of: meeting), "\(id)'s body is its encoding", sourceLocation: sourceLocation)
            checked += 1
        }
        #expect(checked == meetings, sourceLocation: sourceLocation)
    }

    static func count(_ database: Database, _ sql: String) throws -> Int {
        let statement = try database.prepare(sql)
        return try statement.step() ? statement.int(0) : 0
    }

    /// A bulk load whose loader stores every created meeting's body (`storeLoadedBody`, as `parley import` does from its
    /// validating thread) keeps those bytes and renders none at its end; one that stores none gets every body rendered.
    @Test func aBulkLoadKeepsTheBodiesItsLoaderStoredAndRendersOnlyWhenOneIsMissing() throws {
        let directory = try TemporaryDirectory()
        let store = try Store.open(path: directory.path("bulk.sqlite"), bodies: MeetingBodies.shared)
        func meeting(_ id: String) -> MeetingDraft {
            MeetingDraft(id: id, title: "Bulk " + id, kind: "bilateral-talks", date: "2022-01-10", endDate: "2022-01-10",
                         dateBasis: "stated", locationCity: nil, locationCountry: nil, locationBasis: nil, status: "held",
                         parties: [], participants: [], topics: [], summary: "", sources: [])
        }
        // Bytes no encoder writes: only the loader can have put them there.
        let marker = Array(#"{"stored":"by the loader"}"#.utf8)
        for storesBodies in [true, false] {
            try store.write {
                try store.database.execute("PRAGMA defer_foreign_keys = ON")  // as the import: the seed goes all at once
                _ = try store.removeAllRecords(actor: "test")
                try store.bulkLoad(order: [.meetings], actor: "test") {
                    for id in ["bulk-a", "bulk-b"] {
                        try store.create(meeting(id), actor: "test")
                        if storesBodies { try store.storeLoadedBody(meetingID: id, marker) }
                    }
                }
            }
            let statement = try store.database.prepare("SELECT body FROM record_bodies WHERE collection = 'meetings' ORDER BY record_id")
            var bodies: [[UInt8]] = []
            while try statement.step() { bodies.append(statement.utf8(0)) }
            statement.reset()
            if storesBodies {
                #expect(bodies == [marker, marker], "the loader's bodies are kept, none rendered again")
            } else {
                #expect(bodies == (try ["bulk-a", "bulk-b"].map { MeetingBodies.shared.body(of: try #require(try store.meeting(id: $0))) }),
                        "without the loader's bodies, the load renders every one")
            }
        }
    }

    @Test func anUncachedPageIsByteForByteTheEncodedOne() throws {
        let api = try TestAPI(responseCacheBytes: 0)
        try Self.expectCurrent(api.databasePath)
        let stored = try Self.bodies(api)
        // Without bodies, every page is encoded from its records (the fallback), and must not differ by a byte.
        try Database(path: api.databasePath).execute("DELETE FROM record_bodies")
        let encoded = try Self.bodies(api)
        #expect(stored.keys.sorted() == encoded.keys.sorted())
        for (target, body) in stored {
            #expect(body == encoded[target], "\(target): \(String(decoding: body, as: UTF8.self)) vs \(String(decoding: encoded[target] ?? [], as: UTF8.self))")
        }
        #expect(stored.count > Self.lists.count, "the walk of limit=2 took several pages")
    }

    @Test func everyWriteLeavesEveryBodyCurrent() throws {
        let api = try TestAPI(responseCacheBytes: 0)
        let token = try api.token("newsroom")
        #expect(try api.post("/meetings", Bodies.meeting("bodies-meeting"), token: token).status == 201)
        try Self.expectCurrent(api.databasePath)
        #expect(try api.patch("/meetings/bodies-meeting", #"{"summary": "Patched \"quoted\" – é."}"#, token: token).status == 200)
        try Self.expectCurrent(api.databasePath)
        // A name a meeting shows, renamed: its party, a participant, a topic.
        #expect(try api.patch("/parties/nato", #"{"name": "North Atlantic Treaty Organization"}"#, token: token).status == 200)
        #expect(try api.patch("/people/alexander-grushko", #"{"name": "Alexander V. Grushko"}"#, token: token).status == 200)
        #expect(try api.patch("/topics/arms-control", #"{"name": "Arms control and disarmament"}"#, token: token).status == 200)
        try Self.expectCurrent(api.databasePath)
        let headline = try api.get("/meetings?date=2022-01-12").text
        #expect(headline.contains("North Atlantic Treaty Organization") && headline.contains("Arms control and disarmament"))
        #expect(try api.get("/meetings?party=nato").text.contains("Alexander V. Grushko"))
        #expect(try api.delete("/meetings/bodies-meeting", token: token).status == 204)
        try Self.expectCurrent(api.databasePath)
    }

    @Test func aStaleBodyIsNeverServedAndTheNextWriteRendersIt() throws {
        let api = try TestAPI(responseCacheBytes: 0)
        let database = try Database(path: api.databasePath)
        // Bodies of another format (another binary's encoder), every one present: not served.
        try database.execute("UPDATE record_bodies SET format = format + 1, body = '{\"stale\": true}'")
        for target in ["/meetings", "/meetings?date=2022-01-12"] {
            let page = try api.get(target).text
            #expect(!page.contains("stale") && page.contains("NATO"), "\(target): \(page.prefix(200))")
        }
        // A store that renders, opening the file, renders them all again.
        _ = try Store.open(path: api.databasePath, bodies: MeetingBodies.shared)
        try Self.expectCurrent(api.databasePath)
        // A connection that renders nothing (another program, an older tool) renames a party: the trigger deletes the
        // bodies that show it and queues their meetings.
        try database.execute("UPDATE parties SET name = 'Renamed Elsewhere' WHERE id = 'russia'")
        #expect(try Self.count(database, "SELECT count(*) FROM stale_bodies") > 0)
        #expect(try api.get("/meetings?date=2022-01-12").text.contains("Renamed Elsewhere"), "the page is encoded, not stale")
        // A write through the API renders what its triggers queued before it commits.
        let token = try api.token("newsroom")
        #expect(try api.patch("/topics/transparency", #"{"description": "Any write."}"#, token: token).status == 200)
        try Self.expectCurrent(api.databasePath)
        #expect(try api.get("/meetings?date=2022-01-12").text.contains("Renamed Elsewhere"))
    }

    @Test func theFormatFollowsTheEncoding() {
        // The format is a digest of the samples' bodies: two renderers agree, and it is not a constant.
        #expect(MeetingBodies().format == MeetingBodies.shared.format)
        #expect(MeetingBodies.shared.format > 0)
        let samples = MeetingBodies.samples.map { MeetingBodies.shared.body(of: $0) }
        #expect(samples.allSatisfy { (try? JSON.object($0)) != nil }, "each sample's body is a JSON object")
    }
}
