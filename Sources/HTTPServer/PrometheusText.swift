/// Renders the engine's counters in the Prometheus text exposition format (version 0.0.4).
public enum PrometheusText {
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    public static func render(_ stats: ServerStats) -> String {
        var out = ""
        out.reserveCapacity(4096)
        gauge(&out, "parley_open_connections", "Connections open now.", stats.openConnections.load(ordering: .relaxed))
        counter(&out, "parley_connections_accepted_total", "Connections accepted.", stats.acceptedConnections.load(ordering: .relaxed))
        counter(&out, "parley_connections_rejected_total", "Connections refused with 503 at the connection limit.", stats.rejectedConnections.load(ordering: .relaxed))
        counter(&out, "parley_received_bytes_total", "Bytes read from clients.", stats.bytesIn.load(ordering: .relaxed))
        counter(&out, "parley_sent_bytes_total", "Bytes written to clients.", stats.bytesOut.load(ordering: .relaxed))
        counter(&out, "parley_parse_errors_total", "Requests refused before routing (malformed framing, limits).", stats.parseErrors.load(ordering: .relaxed))
        counter(&out, "parley_timeouts_total", "Requests answered 408.", stats.timeouts.load(ordering: .relaxed))
        gauge(&out, "parley_open_streams", "Streaming responses (event streams, long polls) open now.", stats.openStreams.load(ordering: .relaxed))
        counter(&out, "parley_streams_dropped_total", "Streams closed because the client did not keep up with them.", stats.streamsDropped.load(ordering: .relaxed))
        counter(&out, "parley_rate_limited_total", "Requests answered 429.", stats.rateLimited.load(ordering: .relaxed))

        let snapshot = stats.requestMetrics.snapshot()
        let routes = snapshot.keys.sorted()
        out += "# HELP parley_http_requests_total Requests answered, by route and status.\n# TYPE parley_http_requests_total counter\n"
        for route in routes {
            for (status, count) in snapshot[route, default: .init()].statuses.sorted(by: { $0.key < $1.key }) {
                out += "parley_http_requests_total{route=\"\(escape(route))\",status=\"\(status)\"} \(count)\n"
            }
        }
        out += "# HELP parley_http_request_duration_seconds Time from a parsed request to its serialised response.\n# TYPE parley_http_request_duration_seconds histogram\n"
        for route in routes {
            guard let latency = snapshot[route] else { continue }
            let label = escape(route)
            var cumulative = 0
            for (index, bound) in RequestMetrics.bucketBounds.enumerated() {
                cumulative += latency.buckets[index]
                out += "parley_http_request_duration_seconds_bucket{route=\"\(label)\",le=\"\(bound)\"} \(cumulative)\n"
            }
            out += "parley_http_request_duration_seconds_bucket{route=\"\(label)\",le=\"+Inf\"} \(latency.count)\n"
            out += "parley_http_request_duration_seconds_sum{route=\"\(label)\"} \(Double(latency.sumMicros) / 1_000_000)\n"
            out += "parley_http_request_duration_seconds_count{route=\"\(label)\"} \(latency.count)\n"
        }
        return out
    }

    public static func counter(_ out: inout String, _ name: String, _ help: String, _ value: Int) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) counter\n\(name) \(value)\n"
    }

    public static func gauge(_ out: inout String, _ name: String, _ help: String, _ value: Int) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n\(name) \(value)\n"
    }

    /// Label values escape backslash, quote and newline.
    public static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
