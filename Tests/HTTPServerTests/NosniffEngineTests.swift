import Foundation
import HTTPServer
import Testing
import TestSupport

/// The engine writes `X-Content-Type-Options: nosniff` on every response, its own refusals included (issue 10 §6).
@Suite struct NosniffEngineTests {
    @Test func handlerAnswersHeadAndRefusalsCarryNosniff() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        let ok = try client.request("GET", "/x")
        #expect(ok.status == 200)
        #expect(ok.header("X-Content-Type-Options") == "nosniff")
        let head = try client.request("HEAD", "/x")
        #expect(head.header("X-Content-Type-Options") == "nosniff")
        // Exactly once, whatever the handler sets.
        #expect(ok.headers.filter { $0.name.lowercased() == "x-content-type-options" }.count == 1)

        let bad = try TestHTTPClient(port: server.port)
        try bad.send("GET / HTTP/1.1\r\n\r\n")
        let missingHost = try #require(try bad.readResponse())
        #expect(missingHost.status == 400)
        #expect(missingHost.header("X-Content-Type-Options") == "nosniff")
    }

    @Test func theConnectionLimit503CarriesNosniff() throws {
        let server = try echoServer { $0.maxConnections = 1; $0.workers = 1 }
        defer { server.shutdown() }
        let held = try TestHTTPClient(port: server.port)
        #expect(try held.request("GET", "/held").status == 200)
        let refused = try TestHTTPClient(port: server.port)
        let limit = try #require(try refused.readResponse())
        #expect(limit.status == 503)
        #expect(limit.header("X-Content-Type-Options") == "nosniff")
        _ = held
    }
}
