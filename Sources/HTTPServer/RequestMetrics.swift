

/// Requests by route and status and a latency histogram per route, for `/metrics`.
/// Routes are the handlers' low-cardinality names, never raw paths, so a client cannot
/// grow this table; unnamed routes count as "other".
public final class RequestMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    public static let bucketBounds: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]
    /// Past this many distinct route names, new ones are folded into "other".
    public static let maxRoutes = 256

    public struct RouteLatency: Sendable {
        public var buckets: [Int] = Array(repeating: 0, count: RequestMetrics.bucketBounds.count + 1)
        public var count = 0
        public var sumMicros = 0
    }

    public struct Snapshot: Sendable {
        public var requests: [String: [Int: Int]] = [:]   // route → status → count
        public var latency: [String: RouteLatency] = [:]
    }

    private let state = Locked(Snapshot())

    public init() {}

    public func record(route: String, status: Int, micros: Int) {
        state.withLock { state in
            var route = route.isEmpty ? "other" : route
            if state.latency[route] == nil && state.latency.count >= Self.maxRoutes { route = "other" }
            state.requests[route, default: [:]][status, default: 0] += 1
            var latency = state.latency[route] ?? RouteLatency()
            let seconds = Double(micros) / 1_000_000
            let index = Self.bucketBounds.firstIndex { seconds <= $0 } ?? Self.bucketBounds.count
            latency.buckets[index] += 1
            latency.count += 1
            latency.sumMicros += micros
            state.latency[route] = latency
        }
    }

    public func snapshot() -> Snapshot { state.withLock { $0 } }
}
