import Foundation
import Glibc
import HTTPServer
import ParleyStore
import TestSupport
import Testing

@testable import ParleyAPI

/// Writes the disk refuses: the database on a 1.2 MB tmpfs filled by writes, and fsync made to fail under the real
/// binary. Every write answers 201 (or 200) or 507, never 500; the cause is in the problem detail and logged once;
/// reads keep serving; and after a restart every acknowledged write is there.
@Suite(.serialized) struct DiskFullTests {
    static func token(_ database: String) throws -> String {
        let created = try ParleyBinary.run(["token", "create", "--name", "filler", "--database", database])
        #expect(created.status == 0, "\(created.stderr)")
        return created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func post(_ port: Int, _ token: String, _ id: String) throws -> TestResponse {
        try TestHTTPClient(port: port).request(
            "POST", "/meetings", headers: [("Authorization", "Bearer " + token), ("Content-Type", "application/json")],
            body: Array(Bodies.meeting(id, date: "2031-01-01").utf8), timeout: 20)
    }

    static func patch(_ port: Int, _ token: String, _ id: String, summary: String) throws -> TestResponse {
        try TestHTTPClient(port: port).request(
            "PATCH", "/meetings/\(id)", headers: [("Authorization", "Bearer " + token), ("Content-Type", "application/merge-patch+json")],
            body: Array(#"{"summary": "\#(summary)"}"#.utf8), timeout: 20)
    }

    /// The ids of the meetings dated 2031-01-01, following `links.next` to the end.
    static func storedMeetings(_ server: StartedServer) throws -> [String: String] {
        var found: [String: String] = [:]
        var target: String? = "/meetings?from=2031-01-01&limit=100"
        while let next = target {
            let response = try server.get(next)
            #expect(response.status == 200)
            let document = try JSON.object(response.body)
            for meeting in try JSON.items(document) {
                if let id = meeting["id"] as? String { found[id] = meeting["summary"] as? String ?? "" }
            }
            target = (document["links"] as? [String: Any])?["next"] as? String
        }
        return found
    }

    static func checkStorageProblem(_ response: TestResponse, cause: String) throws {
        #expect(response.status == 507)
        #expect(response.reason == "Insufficient Storage")
        #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
        #expect(response.header("Retry-After") != nil)
        let problem = try JSON.object(response.body)
        #expect(problem["status"] as? Int == 507)
        let detail = problem["detail"] as? String ?? ""
        #expect(detail.contains(cause) && detail.contains("nothing of it was committed"), "\(detail)")
    }

    @Test(.enabled(if: TestMount.isAllowed, "this machine does not let the tests mount a tmpfs")) func aFullDiskAnswers507KeepsReadingAndLosesNothingAcknowledged() throws {
        let directory = try TemporaryDirectory()
        let disk = directory.path("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: false)
        let (mount, reason) = TestMount.tmpfs(at: disk, size: "1200k")
        guard let mount else { throw Failure("cannot mount, although the probe could: \(reason)") }
        defer { mount.unmount() }
        let database = disk + "/parley.sqlite"
        #expect(try ParleyBinary.run(["migrate", "--database", database]).status == 0)
        let token = try Self.token(database)
        // Ballast, removed later to free space while the server runs.
        try Data(repeating: 0, count: 160 * 1024).write(to: URL(fileURLWithPath: disk + "/ballast"))

        guard case let .listening(server) = try StartedServer.start(["--port", "0", "--database", database, "--quiet"],
                                                                      errorLog: directory.path("serve.err")) else {
            Issue.record("parley serve did not start on the tmpfs")
            return
        }
        var acknowledged: [String] = []
        var summaries: [String: String] = [:]  // id → last acknowledged summary
        var attempted: Set<String> = []
        var statuses: [Int: Int] = [:]
        var firstRefusal: TestResponse?
        var refusedSince = 0
        var index = 0
        // Write until the disk is full, then 300 more (3,000 at most).
        while index < 3000 && refusedSince < 300 {
            let id = "filler-\(index)"
            index += 1
            attempted.insert(id)
            let response = try Self.post(server.port, token, id)
            statuses[response.status, default: 0] += 1
            if response.status == 201 {
                acknowledged.append(id)
            } else if firstRefusal == nil {
                firstRefusal = response
            }
            if firstRefusal != nil { refusedSince += 1 }
            // A correction of an acknowledged record, now and then: 200 or 507 too.
            if index % 5 == 0, let target = acknowledged.last {
                let summary = "corrected \(index)"
                let patched = try Self.patch(server.port, token, target, summary: summary)
                statuses[patched.status, default: 0] += 1
                if patched.status == 200 { summaries[target] = summary }
            }
            // Reads keep serving, full disk or not.
            if index % 10 == 0 {
                if let some = acknowledged.randomElement() { #expect(try server.get("/meetings/\(some)").status == 200) }
                #expect(try server.get("/quotes?q=crystal").status == 200)
            }
        }
        print("full disk: \(acknowledged.count) writes acknowledged, then refused; statuses \(statuses.sorted { $0.key < $1.key })")
        #expect(Set(statuses.keys).isSubset(of: [200, 201, 507]), "only 200, 201 and 507: \(statuses)")
        let refusal = try #require(firstRefusal, "the disk never filled: \(statuses)")
        try Self.checkStorageProblem(refusal, cause: "the disk holding the database is full")
        #expect(acknowledged.count > 0)
        #expect(try server.get("/healthz").status == 200)
        #expect(try server.get("/meetings/\(acknowledged[0])").status == 200)
        #expect(try Self.storedMeetings(server).keys.sorted() == acknowledged.sorted())

        // Space comes back: writes succeed again, without a restart.
        try FileManager.default.removeItem(atPath: disk + "/ballast")
        let resumed = try Self.post(server.port, token, "after-space-freed")
        #expect(resumed.status == 201, "\(resumed.text)")
        if resumed.status == 201 { acknowledged.append("after-space-freed") }
        attempted.insert("after-space-freed")

        #expect(server.stop() == 0)
        let log = server.errors
        // Logged once per stretch of refusals: a refusal line is never followed by another before a write succeeds
        // (a small correction may fit while the disk is full, so there may be more than one stretch).
        let transitions = log.split(separator: "\n").compactMap { line -> Bool? in
            line.contains("writes are refused with 507") ? true : line.contains("writes succeed again") ? false : nil
        }
        #expect(transitions.first == true && zip(transitions, transitions.dropFirst()).allSatisfy { $0 != $1 },
                "logged once per stretch of refusals:\n\(log)")
        #expect(log.contains("writes are refused with 507: the disk holding the database is full"))
        #expect(log.contains("writes succeed again, after"), "\(log)")
        #expect(!log.contains("internal error") && !log.contains("write failed"), "\(log)")

        // A restart, on the same (still nearly full) disk: every acknowledged write and correction is there.
        guard case let .listening(restarted) = try StartedServer.start(["--port", "0", "--database", database, "--quiet"],
                                                                         errorLog: directory.path("restart.err")) else {
            Issue.record("parley serve did not restart on the full tmpfs")
            return
        }
        let stored = try Self.storedMeetings(restarted)
        for id in acknowledged { #expect(stored[id] != nil, "acknowledged \(id) is missing") }
        for (id, summary) in summaries { #expect(stored[id] == summary, "\(id): acknowledged '\(summary)', found '\(stored[id] ?? "nothing")'") }
        #expect(Set(stored.keys).isSubset(of: attempted))
        #expect(restarted.stop() == 0)
    }

    /// fsync fails (an LD_PRELOAD shim makes fdatasync and fsync return EIO while a trigger file exists): the write is
    /// refused with 507 naming the failed sync, reads keep serving, and once syncs work again so do writes.
    @Test(.enabled(if: Command.hasCompiler, "no C compiler at /usr/bin/cc to build the fsync shim")) func aFailedFsyncAnswers507() throws {
        let directory = try TemporaryDirectory()
        let shim = directory.path("fail_fsync.so")
        let source = directory.path("fail_fsync.c")
        try Data(Self.shimSource.utf8).write(to: URL(fileURLWithPath: source))
        guard let compiled = try? Command.run("/usr/bin/cc", ["-shared", "-fPIC", "-O1", "-o", shim, source, "-ldl"]),
              compiled.status == 0 else { throw Failure("the fsync shim did not compile") }
        let database = directory.path("parley.sqlite")
        #expect(try ParleyBinary.run(["migrate", "--database", database]).status == 0)
        let token = try Self.token(database)
        let trigger = directory.path("fail-fsync-now")
        let started = try StartedServer.start(["--port", "0", "--database", database, "--quiet"],
                                              environment: ["LD_PRELOAD": shim, "FAIL_FSYNC_WHILE": trigger],
                                              errorLog: directory.path("serve.err"))
        guard case let .listening(server) = started else {
            Issue.record("parley serve did not start with the fsync shim")
            return
        }
        #expect(try Self.post(server.port, token, "synced-1").status == 201)
        _ = FileManager.default.createFile(atPath: trigger, contents: nil)
        for attempt in 0..<5 {
            let refused = try Self.post(server.port, token, "unsynced-\(attempt)")
            try Self.checkStorageProblem(refused, cause: "failed to sync the write (fsync failed)")
            #expect(try server.get("/meetings/unsynced-\(attempt)").status == 404, "a refused write is not served")
            #expect(try server.get("/meetings/synced-1").status == 200, "reads keep serving")
        }
        try FileManager.default.removeItem(atPath: trigger)
        #expect(try Self.post(server.port, token, "synced-2").status == 201)
        #expect(server.stop() == 0)
        let log = server.errors
        // Logged once per stretch of refusals: a refusal line is never followed by another before a write succeeds
        // (a small correction may fit while the disk is full, so there may be more than one stretch).
        let transitions = log.split(separator: "\n").compactMap { line -> Bool? in
            line.contains("writes are refused with 507") ? true : line.contains("writes succeed again") ? false : nil
        }
        #expect(transitions.first == true && zip(transitions, transitions.dropFirst()).allSatisfy { $0 != $1 },
                "logged once per stretch of refusals:\n\(log)")
        #expect(log.contains("fsync failed") && log.contains("writes succeed again, after 5 refused"), "\(log)")

        guard case let .listening(restarted) = try StartedServer.start(["--port", "0", "--database", database, "--quiet"],
                                                                         errorLog: directory.path("restart.err")) else {
            Issue.record("parley serve did not restart")
            return
        }
        let stored = try Self.storedMeetings(restarted)
        #expect(stored["synced-1"] != nil && stored["synced-2"] != nil, "\(stored.keys.sorted())")
        #expect(restarted.stop() == 0)
    }

    /// Every storage failure SQLite reports on a write maps to 507 with its cause; other errors stay what they were.
    @Test func storageFailuresMapTo507() throws {
        let cases: [(Int32, String)] = [
            (13, "the disk holding the database is full"),
            (10 | (4 << 8), "failed to sync the write (fsync failed)"),
            (10 | (5 << 8), "failed to sync the write (fsync failed)"),
            (10 | (3 << 8), "failed to write"),
            (10, "the disk holding the database failed"),
        ]
        for (code, cause) in cases {
            let response = WriteHandler.problem(for: .sqlite(code: code, message: "disk trouble", sql: "COMMIT"))
            #expect(response.status == 507, "\(code)")
            let detail = try JSON.object(response.body)["detail"] as? String ?? ""
            #expect(detail.contains(cause), "\(code): \(detail)")
        }
        #expect(WriteHandler.problem(for: .busy(message: "locked")).status == 503)
        #expect(WriteHandler.problem(for: .sqlite(code: 19, message: "constraint", sql: "")).status == 409)
        #expect(StoreError.sqlite(code: 13, message: "database or disk is full", sql: "COMMIT").description
            == "the disk holding the database is full (SQLite error 13: database or disk is full)")
    }

    static let shimSource = """
        #define _GNU_SOURCE
        #include <dlfcn.h>
        #include <errno.h>
        #include <stdlib.h>
        #include <unistd.h>

        /* fsync and fdatasync fail with EIO while the file named by FAIL_FSYNC_WHILE exists. */
        static int failing(void) {
            const char *trigger = getenv("FAIL_FSYNC_WHILE");
            return trigger != NULL && access(trigger, F_OK) == 0;
        }

        int fdatasync(int fd) {
            static int (*real)(int);
            if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
            if (failing()) { errno = EIO; return -1; }
            return real(fd);
        }

        int fsync(int fd) {
            static int (*real)(int);
            if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
            if (failing()) { errno = EIO; return -1; }
            return real(fd);
        }
        """
}
