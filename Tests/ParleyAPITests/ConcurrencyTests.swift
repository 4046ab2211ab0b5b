import Foundation
import HTTPServer
import ParleyStore
import TestSupport
import Testing

/// Several clients writing and reading at once, across loop threads: no 500, no lost write, and readers only ever see
/// whole records.
@Suite struct ConcurrencyTests {
    /// What every meeting written here holds: two parties, one participant, two topics, one source.
    static func isComplete(_ meeting: [String: Any]) -> Bool {
        (meeting["parties"] as? [Any])?.count == 2 && (meeting["participants"] as? [Any])?.count == 1
            && (meeting["topics"] as? [Any])?.count == 2 && (meeting["sources"] as? [Any])?.count == 1
    }

    @Test func writersAndReadersAtOnce() throws {
        let api = try TestAPI(workers: 4)
        let token = try api.token("load")
        let writers = 4, perWriter = 20, readers = 3
        let acknowledged = Locked<[String]>([])
        let problems = Locked<[String]>([])
        let stop = Locked(false)
        let readerThreads = (0..<readers).map { reader in
            Thread {
                while !stop.withLock({ $0 }) {
                    do {
                        let target = reader == 0 ? "/meetings?limit=500&from=2030-01-01" : (reader == 1 ? "/changes?since=88&limit=500" : "/meetings?q=allies&limit=500")
                        let response = try api.get(target)
                        guard response.status == 200 else {
                            problems.withLock { $0.append("GET \(target): \(response.status) \(response.text)") }
                            continue
                        }
                        if reader != 1 {
                            for meeting in try JSON.items(try response.object()) where !Self.isComplete(meeting) {
                                problems.withLock { $0.append("half a meeting: \(meeting)") }
                            }
                        }
                    } catch {
                        problems.withLock { $0.append("reader: \(error)") }
                    }
                }
            }
        }
        readerThreads.forEach { $0.start() }
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for index in 0..<perWriter {
                let id = "load-\(writer)-\(index)"
                let day = String(format: "2030-%02d-%02d", writer + 1, index + 1)
                do {
                    let created = try api.post("/meetings", Bodies.meeting(id, date: day), token: token)
                    guard created.status == 201 else {
                        problems.withLock { $0.append("POST \(id): \(created.status) \(created.text)") }
                        continue
                    }
                    acknowledged.withLock { $0.append(id) }
                    // Each writer also edits what it wrote, and one shared record.
                    let patched = try api.patch("/meetings/\(id)", #"{"summary": "patched \#(index)"}"#, token: token)
                    if patched.status != 200 { problems.withLock { $0.append("PATCH \(id): \(patched.status)") } }
                    let shared = try api.patch("/topics/dialogue", #"{"description": "writer \#(writer) round \#(index)"}"#, token: token)
                    if shared.status != 200 { problems.withLock { $0.append("PATCH shared: \(shared.status) \(shared.text)") } }
                } catch {
                    problems.withLock { $0.append("writer: \(error)") }
                }
            }
        }
        stop.withLock { $0 = true }
        while readerThreads.contains(where: { !$0.isFinished }) { usleep(10_000) }

        #expect(problems.withLock { $0 }.isEmpty, "\(problems.withLock { $0.prefix(5) })")
        let written = Set(acknowledged.withLock { $0 })
        #expect(written.count == writers * perWriter)
        let stored = try JSON.items(try api.json("/meetings?from=2030-01-01&limit=500"))
        #expect(Set(stored.compactMap { $0["id"] as? String }) == written, "no acknowledged write is lost")
        #expect(stored.allSatisfy { Self.isComplete($0) && ($0["summary"] as? String)?.hasPrefix("patched") == true })
        // One create and one update per meeting, and one update per shared patch, in one gapless sequence.
        let changes = try ChangeFeedTests.walk(api, since: 88, limit: 500)
        #expect(changes.count == writers * perWriter * 3)
        #expect(changes.map { $0["seq"] as? Int } == Array(89...(88 + changes.count)))
    }

    /// Clients racing to change one record, each with the ETag it read: exactly one wins each round.
    @Test func conditionalWritersRaceAndExactlyOneWins() throws {
        let api = try TestAPI(workers: 4)
        let token = try api.token("racer")
        for round in 0..<5 {
            let etag = try #require(try api.get("/topics/transparency").header("ETag"))
            let statuses = Locked<[Int]>([])
            DispatchQueue.concurrentPerform(iterations: 6) { client in
                let response = try? api.patch("/topics/transparency", #"{"description": "round \#(round) client \#(client)"}"#,
                                              token: token, headers: [("If-Match", etag)])
                statuses.withLock { $0.append(response?.status ?? 0) }
            }
            let all = statuses.withLock { $0 }
            #expect(all.filter { $0 == 200 }.count == 1, "round \(round): \(all)")
            #expect(all.filter { $0 == 412 }.count == 5, "round \(round): \(all)")
        }
    }

    /// A writer on another connection (another process, as `parley token`/`import` are) holding the write lock makes
    /// the API wait for it, within the busy timeout; past it, 503 with Retry-After, never 500.
    @Test func lockContentionIsWaitedForAndNeverA500() throws {
        let api = try TestAPI()
        let token = try api.token()
        let blocker = Unchecked(try Database(path: api.databasePath))
        try blocker.value.execute("BEGIN IMMEDIATE")
        let released = Locked(false)
        let releaser = Thread {
            usleep(300_000)
            try? blocker.value.execute("COMMIT")
            released.withLock { $0 = true }
        }
        releaser.start()
        let started = Date()
        let response = try api.post("/topics", Bodies.topic("waited"), token: token)
        #expect(response.status == 201, "waited for the lock: \(response.text)")
        #expect(Date().timeIntervalSince(started) >= 0.25)
        #expect(released.withLock { $0 })

        // Held past the busy timeout: 503, Retry-After, and reads still answered meanwhile.
        let holder = try Database(path: api.databasePath)
        try holder.execute("BEGIN IMMEDIATE")
        defer { try? holder.execute("ROLLBACK") }
        #expect(try api.get("/topics/waited").status == 200, "readers are not blocked by a writer")
        let busy = try TestHTTPClient(port: api.port).request(
            "POST", "/topics", headers: [("Authorization", "Bearer " + token), ("Content-Type", "application/json")],
            body: Array(Bodies.topic("too-late").utf8), timeout: 15)
        #expect(busy.status == 503)
        #expect(busy.header("Retry-After") == "1")
        #expect(busy.header("Content-Type") == "application/problem+json; charset=utf-8")
    }
}

/// Hands a value used by one thread at a time to another thread.
final class Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
