import Foundation
import HTTPServer
import Testing
import TestSupport

@Suite struct OperationsTests {
    @Test func rateLimitAnswers429WithRetryAfterPastTheBurst() throws {
        let limiter = RateLimiter(rate: 2, burst: 3)
        let server = try echoServer { $0.rateLimiter = limiter }
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        let statuses = try (0..<6).map { _ in try client.request("GET", "/").status }
        #expect(statuses.prefix(3).allSatisfy { $0 == 200 })
        let limited = try client.request("GET", "/")
        #expect(limited.status == 429)
        #expect(Int(limited.header("Retry-After") ?? "") ?? 0 >= 1)
        #expect(limited.header("Content-Type") == "application/problem+json; charset=utf-8")
        // The connection stays usable, and tokens come back with time.
        usleep(1_100_000)
        #expect(try client.request("GET", "/").status == 200)
        _ = statuses
    }

    @Test func rateLimiterForgetsIdleClientsAndStaysBounded() {
        let limiter = RateLimiter(rate: 10, burst: 10, maxClients: 100)
        for index in 0..<1000 { #expect(limiter.take("10.0.\(index / 256).\(index % 256)", nowMs: 0) == nil) }
        #expect(limiter.trackedClients <= 100)
        limiter.prune(nowMs: 10_000)
        #expect(limiter.trackedClients == 0)
    }

    @Test func metricsCountRequestsByRouteNeverByPath() throws {
        let server = try echoServer()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        for index in 0..<5 { _ = try client.request("GET", "/unique-\(index)") }
        try client.send("GET / HTTP/1.1\r\n\r\n")
        _ = try client.readResponse()
        let text = PrometheusText.render(server.stats)
        #expect(text.contains("parley_http_requests_total{route=\"echo\",status=\"200\"} 5"))
        #expect(text.contains("parley_http_request_duration_seconds_count{route=\"echo\"} 5"))
        #expect(text.contains("parley_parse_errors_total 1"))
        #expect(!text.contains("unique-"))
    }
}

@Suite struct EncodedHeaderTests {
    /// A response sent from pre-encoded headers is byte for byte the one sent from its fields,
    /// and changing the fields afterwards drops the stale encoding.
    @Test func encodedHeadersMatchFieldsAndExpireOnChange() throws {
        var response = HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "text/plain"), ("X-A", "b\r\nInjected: 1")]),
                                    body: Array("hi".utf8))
        response.encodeHeaders()
        #expect(response.encodedHeaders.map { String(decoding: $0, as: UTF8.self) } == "Content-Type: text/plain\r\nX-A: bInjected: 1\r\n")
        response.headers.add("X-New", "1")
        #expect(response.encodedHeaders == nil)
    }
}
