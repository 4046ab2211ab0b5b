import Foundation
import HTTPServer
import Testing
import TestSupport

@Suite struct MetricsTests {
    @Test func prometheusTextCountsRoutesCacheAndStore() throws {
        let api = try TestAPI()
        let client = try TestHTTPClient(port: api.port)
        for _ in 0..<3 { #expect(try client.request("GET", "/meetings?date=2022-01-12").status == 200) }
        #expect(try client.request("GET", "/meetings/no-such-meeting").status == 404)
        #expect(try client.request("GET", "/no/such/path/\(UUID().uuidString)").status == 404)
        let response = try client.request("GET", "/metrics")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        #expect(response.header("Cache-Control") == "no-store")
        #expect(response.header("ETag") == nil)
        let text = response.text
        #expect(text.contains("parley_http_requests_total{route=\"GET /meetings\",status=\"200\"} 3"))
        #expect(text.contains("parley_http_requests_total{route=\"GET /meetings/{id}\",status=\"404\"} 1"))
        #expect(text.contains("parley_http_requests_total{route=\"unmatched\",status=\"404\"} 1"))
        #expect(!text.contains("/no/such/path"), "raw paths never become labels")
        #expect(text.contains("parley_http_request_duration_seconds_bucket{route=\"GET /meetings\",le=\"+Inf\"} 3"))
        #expect(text.contains("parley_open_connections 1"))
        #expect(text.contains("parley_response_cache_hits_total 2"))
        #expect(text.contains("parley_store_reads_total"))
        #expect(text.contains("parley_received_bytes_total"))
        // Every sample line parses as `name{labels} value`.
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let value = line.split(separator: " ").last.map(String.init) ?? ""
            #expect(Double(value) != nil, "\(line)")
        }
    }

    @Test func metricsRefuseUnknownParameters() throws {
        #expect(try TestAPI.shared.get("/metrics?x=1").status == 400)
        #expect(try TestAPI.shared.request("POST", "/metrics").status == 405)
    }
}

@Suite struct RouterDecodingTests {
    /// Reproducer from the router fuzzer (Tests/Fuzz/Regressions/fuzz-router/percent-encoded-fixed-route).
    @Test func fixedRoutesMatchPercentEncodedToo() throws {
        #expect(try TestAPI.shared.get("/%68ealthz").status == 200)
        #expect(try TestAPI.shared.get("/%6Deetings").status == 200)
        #expect(try TestAPI.shared.get("/healthz/").status == 404)
    }
}
