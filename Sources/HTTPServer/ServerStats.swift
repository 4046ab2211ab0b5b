import Synchronization

/// Counters shared by every loop of a server, readable from any thread (for /metrics).
public final class ServerStats: Sendable {
    public let openConnections = Atomic<Int>(0)
    public let acceptedConnections = Atomic<Int>(0)
    public let rejectedConnections = Atomic<Int>(0)
    public let requests = Atomic<Int>(0)
    public let bytesIn = Atomic<Int>(0)
    public let bytesOut = Atomic<Int>(0)
    public let parseErrors = Atomic<Int>(0)
    public let timeouts = Atomic<Int>(0)
    public let rateLimited = Atomic<Int>(0)
    /// Streaming responses (event streams, long polls) open now.
    public let openStreams = Atomic<Int>(0)
    /// Streams closed because their consumer did not keep up (queue or output full).
    public let streamsDropped = Atomic<Int>(0)
    /// Requests by route and status, and their latency.
    public let requestMetrics = RequestMetrics()

    public init() {}
}
