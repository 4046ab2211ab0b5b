import Glibc

/// Everything the engine can be told; every limit has a number here.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port; `Server.port` tells which.
    public var port = 8080
    /// Event-loop threads; one per core by default.
    public var workers = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    /// Open connections past which new ones get 503 and are closed.
    public var maxConnections = 10_000
    /// No access log.
    public var quiet = false
    /// Let other processes listen on the same port (SO_REUSEPORT across processes).
    public var reusePort = false
    public var limits = ParserLimits()
    /// A request head must be complete within this many milliseconds of its first byte (408 past it).
    public var headTimeoutMs = 10_000
    /// A request body must make progress within this many milliseconds (408 past it).
    public var bodyTimeoutMs = 30_000
    /// An idle keep-alive connection is closed after this many milliseconds.
    public var idleTimeoutMs = 60_000
    /// A peer that reads none of its pending response for this long is dropped.
    public var writeTimeoutMs = 30_000
    /// Graceful shutdown closes whatever is still open after this long.
    public var shutdownGraceMs = 4_500
    /// Pending response bytes past which a connection's further requests wait (pipelining throttle).
    public var outputHighWater = 256 * 1024
    /// While a loop drives streams it pumps them at least this often (milliseconds): deadlines, heartbeats and
    /// commits by other processes are noticed this way; commits by this server wake the streams at once.
    public var streamPollMs = 50
    /// Unsent bytes a stream's connection may hold in user space; a producer gets the room left (`StreamTick.room`)
    /// and drops its consumer rather than queue more.
    public var streamOutputLimit = 64 * 1024
    /// SO_SNDBUF for a connection that becomes a stream (nil: the kernel's autotuning), so that a consumer that
    /// stops reading also holds a bounded kernel buffer.
    public var streamSendBuffer: Int? = nil
    /// Requests per second allowed per client address (with its burst); nil: no limit.
    public var rateLimiter: RateLimiter?
    /// Where access-log lines and notices go (file descriptor).
    public var logDescriptor: Int32 = 1

    public init() {}
}
