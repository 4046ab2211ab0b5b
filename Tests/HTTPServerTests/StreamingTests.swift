import Foundation
import HTTPServer
import Testing
import TestSupport

/// The engine's streaming responses with a handler that knows nothing of Parley.
final class StreamingHandler: HTTPHandler {
    /// Set by POST /signal (on any loop), read by the deferred responses of every loop.
    let signals: Locked<Int>

    init(signals: Locked<Int>) { self.signals = signals }

    /// `n` ticks, one per pump, then the end of the body.
    final class Ticks: ResponseStream {
        var left: Int
        var sent = 0
        init(_ count: Int) { left = count }
        func pump(_ tick: StreamTick) -> StreamStep {
            if left == 0 || tick.ending { return .finish(Array("done\n".utf8)) }
            left -= 1
            sent += 1
            return .send(Array("tick \(sent)\n".utf8))
        }
    }

    /// Answers after `pumps` pumps, or once the shared signal moved past `seen`.
    final class Later: ResponseStream {
        var pumps: Int
        let signals: Locked<Int>?
        let seen: Int
        init(pumps: Int, signals: Locked<Int>? = nil) {
            self.pumps = pumps
            self.signals = signals
            seen = signals?.withLock { $0 } ?? 0
        }
        func pump(_ tick: StreamTick) -> StreamStep {
            pumps -= 1
            let signalled = signals.map { $0.withLock { $0 } > seen } ?? false
            guard pumps <= 0 || signalled || tick.ending else { return .wait }
            return .respond(HTTPResponse(status: 200, body: Array((signalled ? "signalled" : "later").utf8)))
        }
    }

    /// Answers with what another thread makes once `released` is set, and wakes the loop then (the tick's waker).
    final class Elsewhere: ResponseStream, Sendable {
        let released: Locked<Bool>
        let answer = Locked<String?>(nil)
        let started = Locked(false)
        init(released: Locked<Bool>) { self.released = released }
        func pump(_ tick: StreamTick) -> StreamStep {
            if let text = answer.withLock({ $0 }) { return .respond(HTTPResponse(status: 201, body: Array(text.utf8))) }
            if tick.ending { return .respond(HTTPResponse(status: 503)) }
            let first = started.withLock { started in
                defer { started = true }
                return !started
            }
            if first, let waker = tick.waker, let thread = startThread({ [self] in
                while !released.withLock({ $0 }) { usleep(1_000) }
                answer.withLock { $0 = "made elsewhere" }
                waker.wake()
            }) {
                pthread_detach(thread)  // never joined: it ends on its own
            }
            return .wait
        }
    }
    let released = Locked(false)

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        switch request.path {
        case "/elsewhere":
            return .deferred(Elsewhere(released: released))
        case "/release":
            released.withLock { $0 = true }
            return HTTPResponse(status: 204)
        case "/ticks":
            var headers = HTTPHeaders()
            headers.add("Content-Type", "text/plain")
            return .stream(headers: headers, Ticks(Int(request.query.dropFirst(2)) ?? 3))
        case "/later":
            return .deferred(Later(pumps: 3))
        case "/until-signal":
            return .deferred(Later(pumps: Int.max, signals: signals))
        case "/signal":
            signals.withLock { $0 += 1 }
            var response = HTTPResponse(status: 204)
            response.wakesStreams = true
            return response
        default:
            return HTTPResponse(status: 200, body: Array("now \(request.path)".utf8))
        }
    }
}

@Suite struct StreamingTests {
    static func server(_ adjust: (inout ServerConfiguration) -> Void = { _ in }) throws -> Server {
        let signals = Locked(0)
        return try startTestServer(adjust) { StreamingHandler(signals: signals) }
    }

    @Test func aStreamingBodyIsWrittenOverTimeAndRunsToTheClose() throws {
        let server = try Self.server { $0.streamPollMs = 5 }
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        try client.send("GET /ticks?n=4 HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try #require(try client.readResponse(timeout: 10))
        #expect(response.status == 200)
        #expect(response.header("Content-Length") == nil)
        #expect(response.header("Connection") == "close")
        #expect(response.header("Content-Type") == "text/plain")
        #expect(response.text == "tick 1\ntick 2\ntick 3\ntick 4\ndone\n")
        #expect(server.stats.openStreams.load(ordering: .relaxed) == 0)
    }

    @Test func aDeferredResponseKeepsPipelinedRequestsInOrder() throws {
        let server = try Self.server { $0.streamPollMs = 5 }
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        try client.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse(timeout: 10)?.text == "later")
        #expect(try client.readResponse(timeout: 10)?.text == "now /after")
        #expect(try client.request("GET", "/again").text == "now /again", "the connection goes on")
    }

    @Test func aDeferredAnswerMadeOnAnotherThreadGoesOutWhenThatThreadWakesTheLoop() throws {
        // One loop, pumped by wake-ups only: the poll interval is far longer than the reads' safety bound.
        let server = try Self.server { $0.streamPollMs = 600_000; $0.workers = 1 }
        defer { server.shutdown() }
        let parked = try TestHTTPClient(port: server.port)
        try parked.send("POST /elsewhere HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        let deadline = Date().addingTimeInterval(10)
        while server.stats.openStreams.load(ordering: .relaxed) < 1 && Date() < deadline { usleep(2_000) }
        // The loop serves others while the POST waits (a write waiting for a cluster's leader, say).
        #expect(try TestHTTPClient(port: server.port).request("GET", "/meanwhile").text == "now /meanwhile")
        #expect(try TestHTTPClient(port: server.port).request("POST", "/release").status == 204)
        let answer = try parked.readResponse(timeout: 10)
        #expect(answer?.status == 201)
        #expect(answer?.text == "made elsewhere")
        #expect(try parked.request("GET", "/after").text == "now /after", "the connection goes on")
    }

    @Test func aResponseThatWakesStreamsWakesEveryLoop() throws {
        // Pumps come from wake-ups only: the poll interval is far longer than the read's safety bound.
        let server = try Self.server { $0.streamPollMs = 600_000; $0.workers = 2 }
        defer { server.shutdown() }
        var waiting: [TestHTTPClient] = []
        for _ in 0..<8 {  // connections spread over both loops
            let client = try TestHTTPClient(port: server.port)
            try client.send("GET /until-signal HTTP/1.1\r\nHost: x\r\n\r\n")
            waiting.append(client)
        }
        let deadline = Date().addingTimeInterval(10)
        while server.stats.openStreams.load(ordering: .relaxed) < 8 && Date() < deadline { usleep(2_000) }
        #expect(try TestHTTPClient(port: server.port).request("POST", "/signal").status == 204)
        for client in waiting {
            #expect(try client.readResponse(timeout: 10)?.text == "signalled")
        }
    }

    @Test func shutdownEndsStreams() throws {
        let server = try Self.server { $0.streamPollMs = 600_000 }
        let stream = try TestHTTPClient(port: server.port)
        try stream.send("GET /ticks?n=1000000 HTTP/1.1\r\nHost: x\r\n\r\n")
        let held = try TestHTTPClient(port: server.port)
        try held.send("GET /until-signal HTTP/1.1\r\nHost: x\r\n\r\n")
        let deadline = Date().addingTimeInterval(10)
        while server.stats.openStreams.load(ordering: .relaxed) < 2 && Date() < deadline { usleep(2_000) }
        server.shutdown()
        let body = String(decoding: stream.readToClose(timeout: 5), as: UTF8.self)
        #expect(body.hasSuffix("done\n"))
        let answer = try held.readResponse(timeout: 5)
        #expect(answer?.text == "later")
        #expect(answer?.header("Connection") == "close")
    }
}
