/// Requests by route and status and a latency histogram per route, for `/metrics`.
/// Routes are the handlers' low-cardinality names, never raw paths, so a client cannot
/// grow this table; unnamed routes count as "other".
public final class RequestMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    public static let bucketBounds: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]
    private static let boundMicros: [Int] = bucketBounds.map { Int($0 * 1_000_000) }
    /// Past this many distinct route names, new ones are folded into "other".
    public static let maxRoutes = 256

    public struct RouteStats: Sendable {
        public var statuses: [Int: Int] = [:]
        public var buckets: [Int] = Array(repeating: 0, count: RequestMetrics.bucketBounds.count + 1)
        public var count = 0
        public var sumMicros = 0

        mutating func record(status: Int, micros: Int) {
            statuses[status, default: 0] += 1
            var index = 0
            while index < RequestMetrics.boundMicros.count && micros > RequestMetrics.boundMicros[index] { index += 1 }
            buckets[index] += 1
            count += 1
            sumMicros += micros
        }
    }

    private let routes = Locked<[String: RouteStats]>([:])

    public init() {}

    public func record(route: String, status: Int, micros: Int) {
        routes.withLock { routes in
            let name = route.isEmpty || (routes.count >= Self.maxRoutes && routes[route] == nil) ? "other" : route
            // Mutated in place through the default subscript: no copy of the buckets per request.
            routes[name, default: RouteStats()].record(status: status, micros: micros)
        }
    }

    public func snapshot() -> [String: RouteStats] { routes.withLock { $0 } }
}
