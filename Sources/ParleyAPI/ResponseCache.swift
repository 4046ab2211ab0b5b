import HTTPServer
import Synchronization

/// The bytes every loop thread's cache may hold together; one budget is shared by all handlers of a
/// server so `--response-cache-mb` bounds the whole process. Only inserts and evictions touch it.
final class CacheBudget: Sendable {
    let limit: Int
    private let used = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    func reserve(_ bytes: Int) -> Bool {
        let now = used.add(bytes, ordering: .relaxed).newValue
        if now <= limit { return true }
        used.subtract(bytes, ordering: .relaxed)
        return false
    }

    func release(_ bytes: Int) {
        used.subtract(bytes, ordering: .relaxed)
    }

    var usedBytes: Int { used.load(ordering: .relaxed) }
}

/// Encoded responses of one loop thread, keyed by the normalised request (path, sorted query, format).
/// Everything is dropped when the data version moves, so a write is never answered from an old entry.
/// Eviction is first in, first out: cheap, and the working set (a few lists, the days of a year) is small.
///
/// In front of the normalised keys sits an alias table keyed by the request exactly as sent (target and
/// Accept header): a repeated request is answered without parsing, routing or normalising its query.
/// An alias only ever points at an entry made for a request that normalised to the same key.
final class ResponseCache {
    final class Entry {
        let response: HTTPResponse
        let etag: String
        let cost: Int
        var aliases: [Alias] = []

        init(response: HTTPResponse, etag: String, cost: Int) {
            self.response = response
            self.etag = etag
            self.cost = cost
        }
    }

    /// A request exactly as received.
    struct Alias: Hashable {
        let target: String
        let accept: String?

        var cost: Int { 96 + target.utf8.count + (accept?.utf8.count ?? 0) }
    }

    private let budget: CacheBudget
    private var entries: [String: Entry] = [:]
    private var aliases: [Alias: (entry: Entry, route: Route)] = [:]
    private var order: [String] = []
    private var orderStart = 0
    private(set) var version = Int.min
    @exclusivity(unchecked) private(set) var hits = 0  // unchecked: see HTTPServer's EventLoop (exclusivity)
    @exclusivity(unchecked) private(set) var misses = 0

    init(budget: CacheBudget) {
        self.budget = budget
    }

    var isEnabled: Bool { budget.limit > 0 }
    var count: Int { entries.count }

    /// Empties the cache when the data changed since its entries were made.
    func sync(version: Int) {
        guard version != self.version else { return }
        removeAll()
        self.version = version
    }

    /// The entry a request sent exactly like this one was answered from, and its route.
    func lookup(alias: Alias) -> (entry: Entry, route: Route)? {
        guard isEnabled, let hit = aliases[alias] else { return nil }
        hits += 1
        return hit
    }

    func lookup(_ key: String) -> Entry? {
        guard isEnabled else { return nil }
        if let entry = entries[key] {
            hits += 1
            return entry
        }
        misses += 1
        return nil
    }

    /// Keeps `response` when it fits the budget, evicting this thread's oldest entries as needed.
    func insert(_ key: String, _ response: HTTPResponse, etag: String, version: Int, alias: Alias, route: Route) {
        guard isEnabled, version == self.version, entries[key] == nil else { return }
        let cost = Self.cost(key: key, response: response)
        guard cost <= budget.limit else { return }
        while !budget.reserve(cost) {
            guard evictOldest() else { return }
        }
        var response = response
        response.encodeHeaders()
        let entry = Entry(response: response, etag: etag, cost: cost)
        entries[key] = entry
        order.append(key)
        addAlias(alias, to: entry, route: route)
    }

    /// Remembers that `alias` normalises to `entry`'s key; skipped when the budget is spent.
    func addAlias(_ alias: Alias, to entry: Entry, route: Route) {
        guard isEnabled, aliases[alias] == nil, alias.target.utf8.count <= 2048, budget.reserve(alias.cost) else { return }
        aliases[alias] = (entry, route)
        entry.aliases.append(alias)
    }

    func removeAll() {
        var released = 0
        for entry in entries.values {
            released += entry.cost
            for alias in entry.aliases { released += alias.cost }
        }
        if released > 0 { budget.release(released) }
        entries.removeAll(keepingCapacity: true)
        aliases.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        orderStart = 0
    }

    private func evictOldest() -> Bool {
        while orderStart < order.count {
            let key = order[orderStart]
            orderStart += 1
            if let entry = entries.removeValue(forKey: key) {
                var released = entry.cost
                for alias in entry.aliases {
                    aliases.removeValue(forKey: alias)
                    released += alias.cost
                }
                budget.release(released)
                compactOrder()
                return true
            }
        }
        compactOrder()
        return false
    }

    private func compactOrder() {
        if orderStart > 64 && orderStart * 2 > order.count {
            order.removeFirst(orderStart)
            orderStart = 0
        }
    }

    /// Bytes an entry holds, roughly: body, key and header text plus bookkeeping.
    static func cost(key: String, response: HTTPResponse) -> Int {
        var cost = 160 + response.body.count + key.utf8.count * 2
        for field in response.headers { cost += field.name.utf8.count + field.value.utf8.count + 32 }
        return cost
    }
}
