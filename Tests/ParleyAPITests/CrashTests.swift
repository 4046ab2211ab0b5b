import Foundation
import Glibc
import HTTPServer
import ParleyStore
import TestSupport
import Testing

/// The real server, killed with SIGKILL in the middle of a stream of writes: after a restart every acknowledged write
/// is there, and no write is there in part.
@Suite(.serialized) struct CrashTests {
    @Test func everyAcknowledgedWriteSurvivesSIGKILL() throws {
        let directory = try TemporaryDirectory()
        let database = directory.path("crash.sqlite")
        #expect(try ParleyBinary.run(["migrate", "--database", database]).status == 0)
        let created = try ParleyBinary.run(["token", "create", "--name", "crash", "--database", database])
        #expect(created.status == 0, "\(created.stderr)")
        let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        for round in 0..<3 {
            let server = try ServeProcess(database: database)
            let acknowledged = Locked<[String]>([])
            let patched = Locked<[String: Int]>([:])  // meeting → last acknowledged patch number
            let stop = Locked(false)
            let writers = (0..<3).map { writer in
                Thread {
                    var index = 0
                    while !stop.withLock({ $0 }) {
                        let id = "crash-\(round)-\(writer)-\(index)"
                        index += 1
                        guard let client = try? TestHTTPClient(port: server.port) else { return }
                        let headers = [("Authorization", "Bearer " + token), ("Content-Type", "application/json")]
                        guard let response = try? client.request("POST", "/meetings", headers: headers,
                                                                   body: Array(Bodies.meeting(id, date: "2031-01-01").utf8), timeout: 5)
                        else { return }
                        guard response.status == 201 else { continue }
                        acknowledged.withLock { $0.append(id) }
                        for patch in 1...2 {
                            let body = #"{"summary": "patch \#(patch)", "topics": [{"id": "dialogue"}, {"id": "transparency"}]}"#
                            guard let response = try? client.request("PATCH", "/meetings/\(id)", headers: headers,
                                                                       body: Array(body.utf8), timeout: 5) else { return }
                            if response.status == 200 { patched.withLock { $0[id] = patch } }
                        }
                    }
                }
            }
            writers.forEach { $0.start() }
            // Let writes flow, then kill the server in the middle of them.
            let deadline = Date().addingTimeInterval(5)
            while acknowledged.withLock({ $0.count }) < 30 * (round + 1) && Date() < deadline { usleep(5_000) }
            server.kill(SIGKILL)
            stop.withLock { $0 = true }
            while writers.contains(where: { !$0.isFinished }) { usleep(5_000) }
            #expect(acknowledged.withLock { $0.count } > 0, "round \(round): no write was acknowledged before the kill")

            // Restart on the same file and look.
            let restarted = try ServeProcess(database: database)
            let client = try TestHTTPClient(port: restarted.port)
            let list = try client.request("GET", "/meetings?from=2031-01-01&limit=500")
            #expect(list.status == 200)
            let meetings = try JSON.items(try JSON.object(list.body))
            let stored = Dictionary(uniqueKeysWithValues: meetings.compactMap { meeting in
                (meeting["id"] as? String).map { ($0, meeting) }
            })
            let thisRound = stored.filter { $0.key.hasPrefix("crash-\(round)-") }
            for id in acknowledged.withLock({ $0 }) {
                #expect(thisRound[id] != nil, "round \(round): acknowledged \(id) is missing")
            }
            // At most the writes in flight at the kill (one per writer) were committed without an answer.
            #expect(thisRound.count <= acknowledged.withLock { $0.count } + writers.count)
            for (id, meeting) in stored {
                #expect(ConcurrencyTests.isComplete(meeting), "\(id) is there in part: \(meeting)")
                let summary = meeting["summary"] as? String ?? ""
                let topics = (meeting["topics"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                // Each PATCH changes summary and topics together: never one without the other.
                #expect((summary == "The allies and Russia meet again." && topics == ["arms-control", "risk-reduction"])
                        || (summary.hasPrefix("patch ") && topics == ["dialogue", "transparency"]), "\(id): \(summary) \(topics)")
                if let last = patched.withLock({ $0[id] }) {
                    #expect(Int(summary.dropFirst(6)) ?? 0 >= last, "\(id): acknowledged patch \(last) lost, found '\(summary)'")
                }
            }
            // The feed and the records agree: one create per meeting, no change without its record.
            var changes: [[String: Any]] = []
            var next: String? = "/changes?since=88&limit=500"
            while let target = next {
                let page = try JSON.object(try client.request("GET", target).body)
                changes += try JSON.items(page)
                next = (page["links"] as? [String: Any])?["next"] as? String
            }
            let createdIDs = Set(changes.filter { $0["operation"] as? String == "create" }.compactMap { $0["id"] as? String })
            #expect(createdIDs == Set(stored.keys))
            let seqs = changes.compactMap { $0["seq"] as? Int }
            #expect(seqs == Array(89..<(89 + seqs.count)), "a gapless feed")
            restarted.kill(SIGTERM)
            #expect(restarted.process.terminationStatus == 0)
        }
        let check = try Database(path: database).prepare("PRAGMA integrity_check")
        #expect(try check.step() && check.text(0) == "ok")
    }
}
