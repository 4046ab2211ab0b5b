import Foundation
import HTTPServer
import Testing
import TestSupport

/// `HTTPHandler.turnEnded`: called on the loop's thread after the turn's requests, before the loop waits again, so
/// what a handler keeps for one turn (Parley's held read) never stays while the loop sleeps.
@Suite struct TurnTests {
    final class TurnRecorder: HTTPHandler, @unchecked Sendable {
        private let lock = NSLock()
        private var events: [String] = []
        var log: [String] { lock.withLock { events } }

        func handle(_ request: HTTPRequest) -> HTTPResponse {
            lock.withLock { events.append("request") }
            return HTTPResponse(status: 200, headers: HTTPHeaders(), body: Array("ok".utf8), route: "turn")
        }

        func turnEnded() {
            lock.withLock { if events.last != "turn" { events.append("turn") } }
        }
    }

    @Test func everyRequestIsFollowedByTheEndOfItsTurn() throws {
        let recorder = TurnRecorder()
        let server = try startTestServer({ $0.workers = 1 }) { recorder }
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        // Three pipelined requests, then one more after their answers.
        try client.send(Array(String(repeating: "GET /x HTTP/1.1\r\nHost: localhost\r\n\r\n", count: 3).utf8))
        for _ in 0..<3 { #expect(try client.readResponse()?.status == 200) }
        #expect(try client.request("GET", "/y").status == 200)
        let deadline = Date().addingTimeInterval(5)
        while recorder.log.last != "turn" && Date() < deadline { usleep(1_000) }
        let log = recorder.log
        #expect(log.filter { $0 == "request" }.count == 4)
        #expect(log.last == "turn")
    }
}
