

/// A token bucket per client address: `rate` requests a second, up to `burst` at once.
/// Shared by the loops (a client's connections may land on any of them), so it locks;
/// it is only consulted when rate limiting is on.
public final class RateLimiter: Sendable {
    public let rate: Int
    public let burst: Int
    /// Addresses tracked at most; idle ones are forgotten first so memory stays bounded.
    public let maxClients: Int

    private struct Bucket {
        var tokens: Double
        var updatedMs: Int
    }

    private let buckets = Locked<[String: Bucket]>([:])

    public init(rate: Int, burst: Int, maxClients: Int = 100_000) {
        precondition(rate > 0 && burst > 0)
        self.rate = rate
        self.burst = burst
        self.maxClients = maxClients
    }

    /// Takes a token for `client`; nil when allowed, else the seconds to wait before one is available.
    public func take(_ client: String, nowMs: Int) -> Int? {
        buckets.withLock { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: Double(burst), updatedMs: nowMs)
            let elapsed = Double(max(0, nowMs - bucket.updatedMs)) / 1000
            bucket.tokens = min(Double(burst), bucket.tokens + elapsed * Double(rate))
            bucket.updatedMs = nowMs
            defer {
                if buckets[client] == nil && buckets.count >= maxClients {
                    Self.forgetIdle(&buckets, nowMs: nowMs, rate: rate, burst: burst)
                    if buckets.count >= maxClients {
                        // Every tracked client is active: keep the most recently seen half.
                        let recent = buckets.sorted { $0.value.updatedMs > $1.value.updatedMs }.prefix(maxClients / 2)
                        buckets = Dictionary(uniqueKeysWithValues: recent.map { ($0.key, $0.value) })
                    }
                }
                buckets[client] = bucket
            }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            let wait = (1 - bucket.tokens) / Double(rate)
            return max(1, Int(wait.rounded(.up)))
        }
    }

    /// Drops buckets that have refilled completely: forgetting them changes nothing.
    public func prune(nowMs: Int) {
        buckets.withLock { Self.forgetIdle(&$0, nowMs: nowMs, rate: rate, burst: burst) }
    }

    public var trackedClients: Int { buckets.withLock { $0.count } }

    private static func forgetIdle(_ buckets: inout [String: Bucket], nowMs: Int, rate: Int, burst: Int) {
        let full = Double(burst)
        buckets = buckets.filter { _, bucket in
            bucket.tokens + Double(nowMs - bucket.updatedMs) / 1000 * Double(rate) < full
        }
    }
}
