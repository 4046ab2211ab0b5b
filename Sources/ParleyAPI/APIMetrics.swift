import HTTPServer
import Synchronization

/// The API's counters, shared by the handlers of every loop: response-cache hits and misses,
/// and the time spent reading SQLite on a miss.
final class APIMetrics: Sendable {
    let cacheHits = Atomic<Int>(0)
    let cacheMisses = Atomic<Int>(0)
    let storeReads = Atomic<Int>(0)
    let storeReadMicros = Atomic<Int>(0)
    /// Change events written to event streams.
    let changeEventsSent = Atomic<Int>(0)

    func render(serverStats: ServerStats?, cacheBytes: Int, cacheLimit: Int) -> [UInt8] {
        var out = serverStats.map(PrometheusText.render) ?? ""
        PrometheusText.counter(&out, "parley_response_cache_hits_total", "Requests answered from the response cache (304s included).", cacheHits.load(ordering: .relaxed))
        PrometheusText.counter(&out, "parley_response_cache_misses_total", "Requests that had to read the store and encode.", cacheMisses.load(ordering: .relaxed))
        PrometheusText.gauge(&out, "parley_response_cache_bytes", "Bytes of encoded responses held now.", cacheBytes)
        PrometheusText.gauge(&out, "parley_response_cache_limit_bytes", "The cache's budget (--response-cache-mb).", cacheLimit)
        PrometheusText.counter(&out, "parley_change_events_sent_total", "Change events written to event streams (GET /changes, text/event-stream).", changeEventsSent.load(ordering: .relaxed))
        PrometheusText.counter(&out, "parley_store_reads_total", "Read transactions on SQLite (one per cache miss).", storeReads.load(ordering: .relaxed))
        out += "# HELP parley_store_read_seconds_total Time spent in SQLite read transactions, querying and encoding.\n"
        out += "# TYPE parley_store_read_seconds_total counter\n"
        out += "parley_store_read_seconds_total \(Double(storeReadMicros.load(ordering: .relaxed)) / 1_000_000)\n"
        return Array(out.utf8)
    }
}
