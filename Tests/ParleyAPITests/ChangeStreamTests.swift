import Foundation
import Glibc
import HTTPServer
import ParleyStore
import TestSupport
import Testing

/// One event-stream subscriber over a raw loopback socket: sends the request, then parses what arrives.
final class SSESubscriber {
    let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var head: String?
    private(set) var events: [(id: Int, event: String, data: String)] = []
    private(set) var comments = 0
    private(set) var closed = false

    /// `receiveBuffer` sets SO_RCVBUF before connecting (a small one makes a stalled reader).
    init(port: Int, target: String, headers: [(String, String)] = [], receiveBuffer: Int? = nil) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if let receiveBuffer {
            var size = Int32(receiveBuffer)
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { Glibc.close(fd); throw TestClientError.connect(errno) }
        var request = "GET \(target) HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else {
            Glibc.close(fd)
            throw TestClientError.send(errno)
        }
    }

    deinit { Glibc.close(fd) }

    var ids: [Int] { events.map(\.id) }

    /// Reads what is there (non-blocking) and parses complete events.
    func readAvailable() {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while !closed {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
            } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                closed = true
            } else {
                break
            }
        }
        parse()
    }

    private func parse() {
        if head == nil {
            guard let end = TestHTTPClientFind.find([13, 10, 13, 10], in: buffer) else { return }
            head = String(decoding: buffer[..<end], as: UTF8.self)
            buffer.removeFirst(end + 4)
        }
        while let end = TestHTTPClientFind.find([10, 10], in: buffer) {
            let block = String(decoding: buffer[..<end], as: UTF8.self)
            buffer.removeFirst(end + 2)
            var id: Int?, event = "message", data = ""
            var isComment = true
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(":") { continue }
                isComment = false
                if line.hasPrefix("id: ") { id = Int(line.dropFirst(4)) }
                if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
            }
            if isComment { comments += 1 } else { events.append((id ?? -1, event, data)) }
        }
    }

    /// Reads from all of `subscribers` until `done` holds (or the generous safety bound passes); true if it held.
    @discardableResult
    static func read(_ subscribers: [SSESubscriber], timeout: Double = 60, until done: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var fds = subscribers.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
        while !done() {
            if Date() > deadline { return false }
            let ready = poll(&fds, nfds_t(fds.count), 100)
            if ready > 0 {
                for index in fds.indices where fds[index].revents != 0 {
                    subscribers[index].readAvailable()
                    if subscribers[index].closed { fds[index].fd = -1 }
                }
            }
        }
        return true
    }
}

/// TestHTTPClient's byte search, for the subscriber's parser.
enum TestHTTPClientFind {
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == needle[0] && Array(haystack[start..<(start + needle.count)]) == needle { return start }
            start += 1
        }
        return nil
    }
}

/// `/changes` pushed: Server-Sent Events and the long poll, over a real server and a real SQLite file.
@Suite(.serialized) struct ChangeStreamTests {
    static func version(_ api: TestAPI) throws -> Int {
        try Store.open(path: api.databasePath, migrate: false).readDataVersion()
    }

    static func waitUntil(timeout: Double = 30, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            usleep(5_000)
        }
        return false
    }

    @Test func anEventStreamSendsTheBacklogThenEachCommitInOrder() throws {
        let api = try TestAPI()
        let token = try api.token()
        let subscriber = try SSESubscriber(port: api.port, target: "/changes?since=85")
        SSESubscriber.read([subscriber], timeout: 10) { subscriber.events.count >= 3 }
        let head = try #require(subscriber.head)
        #expect(head.hasPrefix("HTTP/1.1 200 "))
        #expect(head.lowercased().contains("content-type: text/event-stream"))
        #expect(head.lowercased().contains("cache-control: no-cache"))
        #expect(head.lowercased().contains("x-content-type-options: nosniff"), "a stream head carries nosniff like every response")
        #expect(!head.lowercased().contains("content-length"))
        #expect(subscriber.ids == [86, 87, 88])
        for index in 0..<3 {
            #expect(try api.post("/topics", Bodies.topic("pushed-\(index)"), token: token).status == 201)
        }
        SSESubscriber.read([subscriber], timeout: 10) { subscriber.events.count >= 6 }
        #expect(subscriber.ids == Array(86...91))
        #expect(subscriber.events.allSatisfy { $0.event == "change" })
        // Each event's data is the very object /changes lists for it.
        let listed = try JSON.items(try api.json("/changes?since=85"))
        #expect(listed.count == 6)
        for (event, item) in zip(subscriber.events, listed) {
            let data = try JSON.object(Array(event.data.utf8))
            #expect(NSDictionary(dictionary: data).isEqual(to: item), "seq \(event.id)")
        }
        #expect(subscriber.events.last.map { try? JSON.object(Array($0.data.utf8))["id"] as? String } == "pushed-2")
        let metrics = try api.get("/metrics").text
        #expect(metrics.contains("parley_open_streams 1"))
        #expect(metrics.contains("parley_change_events_sent_total 6"))
    }

    @Test func lastEventIDOverridesSinceAndAResumeLosesNothing() throws {
        let api = try TestAPI()
        let token = try api.token()
        var first: SSESubscriber? = try SSESubscriber(port: api.port, target: "/changes?since=88")
        for index in 0..<3 { #expect(try api.post("/topics", Bodies.topic("before-\(index)"), token: token).status == 201) }
        SSESubscriber.read([try #require(first)], timeout: 10) { (first?.events.count ?? 0) >= 3 }
        let lastSeen = try #require(first?.ids.last)
        #expect(first?.ids == [89, 90, 91])
        first = nil  // disconnects
        #expect(Self.waitUntil { api.server.stats.openStreams.load(ordering: .relaxed) == 0 })
        for index in 0..<4 { #expect(try api.post("/topics", Bodies.topic("while-away-\(index)"), token: token).status == 201) }
        // since=0 would replay everything: Last-Event-ID wins.
        let resumed = try SSESubscriber(port: api.port, target: "/changes?since=0", headers: [("Last-Event-ID", String(lastSeen))])
        SSESubscriber.read([resumed], timeout: 10) { resumed.events.count >= 4 }
        for index in 0..<2 { #expect(try api.post("/topics", Bodies.topic("after-\(index)"), token: token).status == 201) }
        SSESubscriber.read([resumed], timeout: 10) { resumed.events.count >= 6 }
        #expect(resumed.ids == Array(92...97))

        for bad in ["abc", "-1", "1.5", "007", "99999999999999999999", ""] {
            let response = try api.get("/changes", headers: [("Accept", "text/event-stream"), ("Last-Event-ID", bad)])
            #expect(response.status == 400, "Last-Event-ID '\(bad)'")
            #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        }
    }

    @Test func aThousandSubscribersEachReceiveEveryChangeOfAHundredWritesInOrder() throws {
        let api = try TestAPI()
        let token = try api.token()
        let start = try Self.version(api)
        var subscribers: [SSESubscriber] = []
        for _ in 0..<1000 { subscribers.append(try SSESubscriber(port: api.port, target: "/changes?since=\(start)")) }
        #expect(SSESubscriber.read(subscribers) { subscribers.allSatisfy { $0.head != nil } })
        #expect(Self.waitUntil { api.server.stats.openStreams.load(ordering: .relaxed) == 1000 })

        let writes = 100
        let acknowledged = Locked(0)
        let writer = Thread {
            for index in 0..<writes {
                if (try? api.post("/topics", Bodies.topic("fan-out-\(index)"), token: token).status) == 201 {
                    acknowledged.withLock { $0 += 1 }
                }
            }
        }
        writer.start()
        let complete = SSESubscriber.read(subscribers, timeout: 120) {
            subscribers.allSatisfy { $0.events.count >= writes }
        }
        #expect(complete)
        #expect(Self.waitUntil { writer.isFinished })
        #expect(acknowledged.withLock { $0 } == writes)
        let expected = Array((start + 1)...(start + writes))
        let wrong = subscribers.filter { $0.ids != expected }
        #expect(wrong.count == 0, "subscribers that missed or reordered changes")
        #expect(api.server.stats.streamsDropped.load(ordering: .relaxed) == 0)
    }

    @Test func aStalledSubscriberIsDroppedWithoutDelayingAnyoneAndResumesByID() throws {
        // Small bounds so that a subscriber that never reads fills them after a few dozen events.
        let api = try TestAPI(server: {
            $0.streamOutputLimit = 4096
            $0.streamSendBuffer = 4096
        }, api: { $0.streamQueueLimit = 8 })
        let token = try api.token()
        let start = try Self.version(api)
        let stalled = try SSESubscriber(port: api.port, target: "/changes?since=\(start)", receiveBuffer: 1024)
        let healthy = try SSESubscriber(port: api.port, target: "/changes?since=\(start)")
        #expect(Self.waitUntil { api.server.stats.openStreams.load(ordering: .relaxed) == 2 })

        var written = 0
        // Write until the stalled one is dropped (a safety bound of 1,500 writes), reading the healthy one as we go.
        while api.server.stats.streamsDropped.load(ordering: .relaxed) == 0 && written < 1500 {
            #expect(try api.post("/topics", Bodies.topic("stall-\(written)"), token: token).status == 201)
            written += 1
            healthy.readAvailable()
        }
        #expect(api.server.stats.streamsDropped.load(ordering: .relaxed) == 1)
        for _ in 0..<5 {
            #expect(try api.post("/topics", Bodies.topic("stall-\(written)"), token: token).status == 201)
            written += 1
        }
        // The healthy subscriber got everything, in order, the stalled one's drop notwithstanding.
        SSESubscriber.read([healthy], timeout: 30) { healthy.events.count >= written }
        let healthyInOrder = healthy.ids == Array((start + 1)...(start + written))
        #expect(healthyInOrder, "healthy subscriber: \(healthy.ids.count) events of \(written)")
        #expect(api.server.stats.openStreams.load(ordering: .relaxed) == 1)
        #expect(try api.get("/metrics").text.contains("parley_streams_dropped_total 1"))

        // What the stalled one got before the close is a prefix, in order; it resumes from there and loses nothing.
        SSESubscriber.read([stalled], timeout: 30) { stalled.closed }
        #expect(stalled.closed)
        let got = stalled.ids
        let prefixInOrder = got == Array((start + 1)..<(start + 1 + got.count))
        #expect(prefixInOrder, "stalled subscriber got \(got.count) events before the close")
        let resumeFrom = got.last ?? start
        let resumed = try SSESubscriber(port: api.port, target: "/changes", headers: [("Last-Event-ID", String(resumeFrom))])
        SSESubscriber.read([resumed], timeout: 30) { resumed.events.count >= start + written - resumeFrom }
        let resumedInOrder = resumed.ids == Array((resumeFrom + 1)...(start + written))
        #expect(resumedInOrder, "resumed: \(resumed.ids.count) events")
    }

    @Test func heartbeatsFlowWhileIdleAndCommitsByAnotherConnectionAreSeen() throws {
        let api = try TestAPI(api: { $0.streamHeartbeatMs = 100 })
        let start = try Self.version(api)
        let subscriber = try SSESubscriber(port: api.port, target: "/changes?since=\(start)")
        #expect(SSESubscriber.read([subscriber], timeout: 10) { subscriber.comments >= 2 })
        // A commit on a connection the server does not own (as `parley import` in another process would make).
        let other = try Store.open(path: api.databasePath)
        let seq = try other.write { try other.recordChange(.topics, id: "from-elsewhere", operation: .create, actor: "other") }
        #expect(SSESubscriber.read([subscriber], timeout: 10) { !subscriber.events.isEmpty })
        #expect(subscriber.ids == [seq])
    }

    @Test func aLongPollAnswersAtOnceOnCommitOrEmptyAtTheDeadline() throws {
        let api = try TestAPI()
        let token = try api.token()
        let start = try Self.version(api)

        // A change after since already: answered at once, as the plain list.
        let atOnce = try api.json("/changes?since=\(start - 2)&wait=60")
        #expect(try JSON.items(atOnce).map { $0["seq"] as? Int } == [start - 1, start])

        // Nothing after since for a second: 200, no entries.
        let empty = try api.get("/changes?since=\(start)&wait=1")
        #expect(empty.status == 200)
        #expect(try JSON.items(try JSON.object(empty.body)).isEmpty)
        // Asked again at the same data version it is held again, not served from the cache.
        let again = try api.get("/changes?since=\(start)&wait=1")
        #expect(again.status == 200)

        // Held until a commit, then answered with it.
        let held = try TestHTTPClient(port: api.port)
        try held.send("GET /changes?since=\(start)&wait=60 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(Self.waitUntil { api.server.stats.openStreams.load(ordering: .relaxed) == 1 })
        #expect(try api.post("/topics", Bodies.topic("long-polled"), token: token).status == 201)
        let answer = try #require(try held.readResponse(timeout: 30))
        #expect(answer.status == 200)
        let items = try JSON.items(try JSON.object(answer.body))
        #expect(items.map { $0["seq"] as? Int } == [start + 1])
        #expect(items.first?["id"] as? String == "long-polled")
        // The connection goes on: the next request on it is answered as usual.
        #expect(try held.request("GET", "/changes?since=\(start + 1)&wait=1").status == 200)

        // What the answer would refuse is refused at once, not after the wait.
        #expect(try api.get("/changes?since=\(start + 1)&wait=60&limit=0").status == 400)
        #expect(try api.get("/changes?since=\(start + 1)&wait=60&fields=nope").status == 400)
        for bad in ["0", "61", "abc", "1.5", "01", ""] {
            let response = try api.get("/changes?since=\(start)&wait=\(bad)")
            #expect(response.status == 400, "wait=\(bad)")
            #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        }
    }

    @Test func streamsEndCleanlyOnShutdown() throws {
        let api = try TestAPI()
        let start = try Self.version(api)
        let subscriber = try SSESubscriber(port: api.port, target: "/changes?since=\(start)")
        let poll = try TestHTTPClient(port: api.port)
        try poll.send("GET /changes?since=\(start)&wait=60 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(Self.waitUntil { api.server.stats.openStreams.load(ordering: .relaxed) == 2 })
        let began = Date()
        api.server.shutdown()
        #expect(Date().timeIntervalSince(began) < 5, "within the grace period (safety bound)")
        SSESubscriber.read([subscriber], timeout: 5) { subscriber.closed }
        #expect(subscriber.closed)
        let answer = try poll.readResponse(timeout: 5)
        #expect(answer?.status == 200)
        #expect(answer?.header("Connection") == "close")
    }

    @Test func streamsCountTowardTheConnectionLimit() throws {
        let api = try TestAPI(server: { $0.maxConnections = 2 })
        let first = try SSESubscriber(port: api.port, target: "/changes?since=88")
        let second = try SSESubscriber(port: api.port, target: "/changes?since=88")
        #expect(SSESubscriber.read([first, second], timeout: 10) { first.head != nil && second.head != nil })
        #expect(api.server.stats.openStreams.load(ordering: .relaxed) == 2)
        #expect(try api.get("/changes").status == 503)
    }

    @Test func sigtermEndsStreamsAndTheProcessExitsZeroWithinFiveSeconds() throws {
        let directory = try TemporaryDirectory()
        let serve = try ServeProcess(database: directory.path("parley.sqlite"))
        let subscriber = try SSESubscriber(port: serve.port, target: "/changes?since=80")
        #expect(SSESubscriber.read([subscriber], timeout: 10) { subscriber.events.count >= 8 })
        let poll = try TestHTTPClient(port: serve.port)
        try poll.send("GET /changes?since=88&wait=60 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(Self.waitUntil {
            (try? TestHTTPClient(port: serve.port).request("GET", "/metrics").text.contains("parley_open_streams 2")) == true
        })
        let began = Date()
        serve.kill(SIGTERM)
        #expect(Date().timeIntervalSince(began) < 5)
        #expect(serve.process.terminationStatus == 0)
        SSESubscriber.read([subscriber], timeout: 5) { subscriber.closed }
        #expect(subscriber.closed)
        #expect(try poll.readResponse(timeout: 5)?.status == 200)
    }

    static let curlPath = ["/usr/bin/curl", "/usr/local/bin/curl", "/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Shown as skipped, not passed, where curl is missing.
    @Test(.enabled(if: curlPath != nil, "curl is not installed")) func curlReadsTheStream() throws {
        let curl = try #require(Self.curlPath)
        let api = try TestAPI()
        let token = try api.token()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: curl)
        process.arguments = ["-sN", "--max-time", "30", "-H", "Accept: text/event-stream", "http://127.0.0.1:\(api.port)/changes?since=86"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        defer { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        #expect(Self.waitUntil { api.server.stats.openStreams.load(ordering: .relaxed) == 1 })
        #expect(try api.post("/topics", Bodies.topic("curled"), token: token).status == 201)
        var output = ""
        let fd = pipe.fileHandleForReading.fileDescriptor
        let deadline = Date().addingTimeInterval(30)
        while !output.contains("\"curled\"") && Date() < deadline {
            var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pollFD, 1, 100) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            output += String(decoding: chunk[..<count], as: UTF8.self)
        }
        let ids = output.split(separator: "\n").filter { $0.hasPrefix("id: ") }.map { String($0.dropFirst(4)) }
        #expect(ids == ["87", "88", "89"])
        #expect(output.contains("event: change\ndata: {\"seq\":89,"))
    }
}
