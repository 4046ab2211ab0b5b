import Foundation
import HTTPServer
import Testing
import TestSupport

@Suite struct ServerTests {
    @Test func answersOneRequestSentOneByteAtATime() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        for byte in Array("GET /one?x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8) {
            try client.send([byte])
            usleep(500)
        }
        let response = try #require(try client.readResponse())
        #expect(response.status == 200)
        #expect(response.text == "GET /one?x=1 body=0")
        #expect(response.header("Date")?.hasSuffix(" GMT") == true)
        #expect(response.header("Content-Length") == "19")
    }

    @Test func answersThreePipelinedRequestsInOrder() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        try client.send((1...3).map { "GET /\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
        for index in 1...3 {
            #expect(try client.readResponse()?.text == "GET /\(index) body=0")
        }
    }

    @Test func reusesKeepAliveConnections() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        for index in 0..<20 {
            let response = try client.request("GET", "/r\(index)")
            #expect(response.text == "GET /r\(index) body=0")
            #expect(response.header("Connection") == nil)
        }
    }

    @Test func headHasGetsHeadersWithoutBody() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        let head = try client.request("HEAD", "/x")
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == String("HEAD /x body=0".utf8.count))
        #expect(head.body.isEmpty)
        // Nothing stray follows the head: the next response on the connection parses cleanly.
        #expect(try client.request("GET", "/after").text == "GET /after body=0")
    }

    @Test func honoursConnectionCloseAndHTTP10() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        let response = try client.request("GET", "/", headers: [("Connection", "close")])
        #expect(response.header("Connection") == "close")
        #expect(client.waitForClose())

        let old = try TestHTTPClient(port: server.port)
        try old.send("GET / HTTP/1.0\r\n\r\n")
        #expect(try old.readResponse()?.status == 200)
        #expect(old.waitForClose())

        let kept = try TestHTTPClient(port: server.port)
        try kept.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try kept.readResponse()?.header("Connection") == "keep-alive")
        try kept.send("GET /again HTTP/1.0\r\n\r\n")
        #expect(try kept.readResponse()?.text == "GET /again body=0")
    }

    @Test func readsContentLengthAndChunkedBodies() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        #expect(try client.request("POST", "/b", body: Array("hello".utf8)).text == "POST /b body=5 hello")
        try client.send("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        try client.send("5\r\nhello\r\n")
        try client.send("6\r\n world\r\n0\r\n\r\n")
        #expect(try client.readResponse()?.text == "POST /c body=11 hello world")
    }

    @Test func expectContinueGets100BeforeTheBody() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        try client.send("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
        #expect(try client.readResponse()?.status == 100)
        try client.send("body")
        #expect(try client.readResponse()?.text == "POST /e body=4 body")

        // A body over the limit gets the final status without the body being read.
        let large = try TestHTTPClient(port: server.port)
        try large.send("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\n\r\n")
        let response = try #require(try large.readResponse())
        #expect(response.status == 413)
        #expect(large.waitForClose())
    }

    /// Each refused request gets a problem document and the connection closes.
    @Test(arguments: [
        RawRequest("GET / HTTP/1.1\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        RawRequest("BREW / HTTP/1.1\r\nHost: x\r\n\r\n", 501),
        RawRequest("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nExpect: foo\r\n\r\n", 417),
        RawRequest("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n\r\n", 413),
        RawRequest("GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\n" + (0..<101).map { "X-\($0): v\r\n" }.joined() + "\r\n", 431),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 17_000) + "\r\n\r\n", 431),
    ])
    func refusesWithProblemAndCloses(_ raw: RawRequest) throws {
        let request = raw.text, status = raw.status
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        try client.send(request)
        let response = try #require(try client.readResponse())
        #expect(response.status == status)
        #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
        #expect(response.header("Connection") == "close")
        let problem = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(problem["status"] as? Int == status)
        #expect(problem["title"] is String && problem["detail"] is String && problem["type"] is String)
        #expect(client.waitForClose())
    }

    @Test func answersTheFirstPipelinedRequestThenRefusesTheMalformedSecond() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        try client.send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost : x\r\n\r\nGET /3 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse()?.text == "GET /1 body=0")
        #expect(try client.readResponse()?.status == 400)
        #expect(client.readToClose().isEmpty, "no third response from a rejected connection")
    }

    @Test func truncatedBodyThenEOFGetsNoInventedResponse() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        try client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
        shutdown(client.fd, Int32(SHUT_WR))
        #expect(client.readToClose().isEmpty)
    }

    @Test func slowHeadGets408AndDoesNotDelayOthers() throws {
        let server = try echoServer { $0.headTimeoutMs = 1_500; $0.workers = 1 }
        defer { server.shutdown() }
        let slow = try TestHTTPClient(port: server.port)
        try slow.send("GET / HTTP/1.1\r\n")
        let started = Date()
        // While the slow client trickles, another client on the same single loop is served at once.
        for index in 0..<5 {
            try slow.send("X-\(index): a\r\n")
            let other = try TestHTTPClient(port: server.port)
            let quick = Date()
            #expect(try other.request("GET", "/fast").status == 200)
            #expect(Date().timeIntervalSince(quick) < 0.5)
            usleep(200_000)
        }
        let response = try #require(try slow.readResponse(timeout: 5))
        #expect(response.status == 408)
        #expect(Date().timeIntervalSince(started) < 4)
        #expect(slow.waitForClose())
    }

    @Test func idleKeepAliveConnectionsAreClosed() throws {
        let server = try echoServer { $0.idleTimeoutMs = 500 }
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        #expect(try client.request("GET", "/").status == 200)
        #expect(client.waitForClose(timeout: 3))
    }

    @Test func answersAThousandConcurrentConnections() throws {
        // What is tested is capacity, not time: in the whole suite on two cores this test failed 2 runs in 5 (an
        // answer not the echo, or none within the client's 10 s), never alone. Each answer may take a minute here,
        // and a wrong one is shown, so that a failure says what came back.
        let server = try echoServer()
        defer { server.shutdown() }
        var clients: [TestHTTPClient] = []
        for _ in 0..<1000 { clients.append(try TestHTTPClient(port: server.port)) }
        for (index, client) in clients.enumerated() { try client.send("GET /c\(index) HTTP/1.1\r\nHost: x\r\n\r\n") }
        for (index, client) in clients.enumerated() {
            let response = try client.readResponse(timeout: 60)
            #expect(response?.text == "GET /c\(index) body=0",
                    "connection \(index): \(response.map { "\($0.status) \($0.text)" } ?? "closed without an answer")")
        }
    }

    @Test func refusesConnectionsPastTheLimitWith503() throws {
        let server = try echoServer { $0.maxConnections = 3; $0.workers = 1 }
        defer { server.shutdown() }
        let held = try (0..<3).map { _ in try TestHTTPClient(port: server.port) }
        for client in held { #expect(try client.request("GET", "/").status == 200) }
        let extra = try TestHTTPClient(port: server.port)
        let response = try #require(try extra.readResponse())
        #expect(response.status == 503)
        #expect(extra.waitForClose())
        _ = held
    }

    @Test func throttlesAClientThatPipelinesWithoutReading() throws {
        let server = try echoServer { $0.workers = 1 }
        defer { server.shutdown() }
        let greedy = try TestHTTPClient(port: server.port)
        var receive: Int32 = 4096
        setsockopt(greedy.fd, SOL_SOCKET, SO_RCVBUF, &receive, socklen_t(MemoryLayout<Int32>.size))
        let request = Array("GET /\(String(repeating: "p", count: 200)) HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        // Send a lot without reading; the server stops reading once its output backs up.
        var flags = fcntl(greedy.fd, F_GETFL)
        flags |= O_NONBLOCK
        _ = fcntl(greedy.fd, F_SETFL, flags)
        var sent = 0
        for _ in 0..<200_000 {
            let count = request.withUnsafeBytes { send(greedy.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { break }
            sent += count
        }
        #expect(sent < 200_000 * request.count, "the server must push back instead of buffering without bound")
        // The loop is still responsive to others.
        let other = try TestHTTPClient(port: server.port)
        #expect(try other.request("GET", "/ok").status == 200)
    }

    @Test func shutdownFinishesTheRequestInFlight() throws {
        let server = try echoServer()
        let client = try TestHTTPClient(port: server.port)
        try client.send("POST /late HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab")
        usleep(100_000)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            server.shutdown()
            done.signal()
        }
        // Once the listeners are closed, shutdown has begun: then the rest of the body arrives.
        let deadline = Date().addingTimeInterval(5)
        while (try? TestHTTPClient(port: server.port)) != nil && Date() < deadline { usleep(20_000) }
        try client.send("cd")
        let response = try #require(try client.readResponse())
        #expect(response.text == "POST /late body=4 abcd")
        #expect(response.header("Connection") == "close")
        #expect(done.wait(timeout: .now() + 6) == .success)
        #expect(throws: (any Error).self) { try TestHTTPClient(port: server.port) }
    }

    @Test func portInUseIsAClearError() throws {
        let first = try echoServer()
        defer { first.shutdown() }
        let second = Server(configuration: { var c = ServerConfiguration(); c.port = first.port; c.quiet = true; return c }()) { EchoHandler() }
        #expect(throws: ServerError.addressInUse(host: "127.0.0.1", port: first.port)) { try second.start() }
    }

    @Test func acceptsAbsoluteFormAndOptionsAsterisk() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        try client.send("GET http://localhost/abs?q=1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(try client.readResponse()?.text == "GET /abs?q=1 body=0")
        try client.send("OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(try client.readResponse()?.text == "OPTIONS * body=0")
    }
}

@Suite struct HeadErrorTests {
    /// RFC 9110 §9.3.2: no content in a response to HEAD, errors included.
    @Test func refusedHeadRequestGetsHeadersOnly() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        try client.send("HEAD / HTTP/1.1\r\nHost: a@b\r\n\r\n")
        let response = try #require(try client.readResponse(headRequest: true))
        #expect(response.status == 400)
        #expect(Int(response.header("Content-Length") ?? "") ?? 0 > 0)
        #expect(client.readToClose().isEmpty, "no body after the head of a HEAD response")
    }

    /// Refused while the head was still arriving (too many fields): still no body for HEAD.
    @Test func headRefusedBeforeItsHeadIsCompleteGetsHeadersOnly() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        try client.send("HEAD / HTTP/1.1\r\nHost: x\r\n" + (0..<101).map { "X-\($0): v\r\n" }.joined() + "\r\n")
        let response = try #require(try client.readResponse(headRequest: true))
        #expect(response.status == 431)
        #expect(client.readToClose().isEmpty)
    }

    @Test func queryIsAKnownMethod() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        #expect(try client.request("QUERY", "/q").text == "QUERY /q body=0")
    }
}
