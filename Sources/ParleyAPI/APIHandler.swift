import Glibc
import HTTPServer
import ParleyStore

/// Answers the read API on one loop thread, with its own database connection and response cache.
///
/// Per GET: route → validate the query → normalised key → data version → ETag; a matching
/// If-None-Match is answered 304 before any query runs, a cached response is returned as is, and only
/// a miss reads SQLite (in one read transaction) and encodes.
public final class APIHandler: HTTPHandler {
    let store: Store
    let cache: ResponseCache
    let configuration: APIConfiguration
    let metrics: APIMetrics
    let budget: CacheBudget
    let writer: WriteHandler
    private let cacheControl: String
    private(set) lazy var changeHub = ChangeFeedHub(store: store, metrics: metrics)

    /// A cluster member's writes, which run on their own thread (shared by the server's handlers); nil on one node.
    let clusterWrites: ClusterWrites?

    public convenience init(configuration: APIConfiguration) throws {
        try self.init(configuration: configuration, budget: CacheBudget(limit: configuration.responseCacheBytes), metrics: APIMetrics(),
                      clusterWrites: ClusterWrites.forMember(configuration))
    }

    init(configuration: APIConfiguration, budget: CacheBudget, metrics: APIMetrics, clusterWrites: ClusterWrites?) throws {
        self.configuration = configuration
        self.metrics = metrics
        self.budget = budget
        self.clusterWrites = clusterWrites
        store = try configuration.openStore()
        cache = ResponseCache(budget: budget)
        writer = WriteHandler(store: store, readOnly: configuration.readOnly)
        cacheControl = "public, max-age=\(configuration.maxAge)"
        // The requests of one turn share a read transaction while nothing is committed (`Store.holdsReadsForTheTurn`).
        store.holdsReadsForTheTurn = true
    }

    public func turnEnded() {
        store.endHeldRead()
    }

    /// One handler per loop thread, built on that thread; the response-cache budget and a member's writes' thread are
    /// shared by all.
    public static func makeFactory(_ configuration: APIConfiguration) -> @Sendable () throws -> any HTTPHandler {
        let budget = CacheBudget(limit: configuration.responseCacheBytes)
        let metrics = APIMetrics()
        let clusterWrites = ClusterWrites.forMember(configuration)
        return { try APIHandler(configuration: configuration, budget: budget, metrics: metrics, clusterWrites: clusterWrites) }
    }

    /// Cache hits and misses of this handler (for metrics).
    public var cacheStatistics: (hits: Int, misses: Int, entries: Int) { (cache.hits, cache.misses, cache.count) }

    // MARK: dispatch

    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        if request.isAsteriskForm && request.method == .options {
            return preflight(allow: "GET, HEAD, OPTIONS", route: "OPTIONS *", request: request)
        }
        let isRead = request.method == .get || request.method == .head
        if isRead, let cached = answerFromAlias(request) { return cached }
        guard let (route, id) = Router.match(request.path) else {
            var response = APIError.notFound(detail: "no resource at this path; see / for what Parley serves").response
            addCORS(&response.headers)
            response.route = "unmatched"
            return response
        }
        let routeName = route.name(for: request.method)
        var response: HTTPResponse
        if isRead && route.endpoint == .metrics {
            response = renderMetrics(request, route: route)
        } else if isRead {
            response = read(request, route: route, id: id, mayHold: true)
        } else if request.method == .options {
            // A CORS preflight is about the route and always answered, so a browser's request reaches the server
            // and gets its own answer (a 404 problem document, say). A plain OPTIONS asks about the target
            // resource: a record that does not exist (or no longer does) has none to describe.
            if request.headers["Access-Control-Request-Method"] == nil, case let .item(kind) = route.endpoint,
               let id, !(recordExists(kind.type, id: id)) {
                response = APIError.notFound(detail: "no record at this path").response
                response.headers.add("Allow", route.allow)
                addCORS(&response.headers)
            } else {
                return preflight(allow: route.allow, route: routeName, request: request)
            }
        } else if route.methods.contains(request.method), case let .list(kind) = route.endpoint {
            response = write(request, kind: kind, id: nil, route: routeName)
        } else if route.methods.contains(request.method), case let .item(kind) = route.endpoint {
            response = write(request, kind: kind, id: id, route: routeName)
        } else {
            response = HTTPResponse.problem(status: 405, detail: "\(request.method.rawValue) is not allowed on \(route.pattern); allowed: \(route.allow)")
            response.headers.add("Allow", route.allow)
            addCORS(&response.headers)
        }
        response.route = routeName
        return response
    }

    /// A write, on this loop; on a cluster member, parked while the writes' thread runs it (`ClusterWrites`).
    private func write(_ request: HTTPRequest, kind: ResourceKind, id: String?, route: String) -> HTTPResponse {
        guard let clusterWrites else { return writer.handle(request, kind: kind, id: id) }
        return .deferred(clusterWrites.submit(request, kind: kind, id: id, route: route))
    }

    private func read(_ request: HTTPRequest, route: Route, id: String?, mayHold: Bool) -> HTTPResponse {
        do {
            return try get(request, route: route, id: id, mayHold: mayHold)
        } catch let error as APIError {
            var response = error.response
            addCORS(&response.headers)
            return response
        } catch let error as StoreError {
            var response = Self.problem(for: error)
            addCORS(&response.headers)
            return response
        } catch {
            var response = HTTPResponse.problem(status: 500, detail: "internal error")
            addCORS(&response.headers)
            return response
        }
    }

    /// The answer to a long poll that was held (`LongPoll`): the list as it is now.
    func answerHeld(_ request: HTTPRequest) -> HTTPResponse {
        guard let (route, id) = Router.match(request.path) else {
            return APIError.notFound(detail: "no resource at this path").response
        }
        var response = read(request, route: route, id: id, mayHold: false)
        response.route = route.name(for: request.method)
        return response
    }

    /// `/changes` pushed: an event stream for `Accept: text/event-stream`, a held answer for `wait=S` while
    /// nothing after `since` has committed; nil: answer the list now.
    private func changeFeed(_ request: HTTPRequest, query: QueryParameters, mayHold: Bool) throws -> HTTPResponse? {
        var since = try query.sequenceNumber("since") ?? 0
        let wait = try Self.waitSeconds(query)
        if request.method == .get, let accept = request.headers["Accept"], Representation.quality(of: ["text/event-stream"], in: accept) > 0 {
            if let lastEventID = request.headers["Last-Event-ID"] {
                guard let number = QueryParameters.sequenceNumber(Substring(lastEventID).trimmingASCIISpaces()) else {
                    throw APIError.badRequest(detail: "Last-Event-ID must be a change's seq, a whole number from 0 to \(QueryParameters.maximumSequenceNumber); got '\(QueryParameters.shown(lastEventID))'", parameter: nil)
                }
                since = number
            }
            var headers = HTTPHeaders()
            headers.add("Content-Type", "text/event-stream; charset=utf-8")
            headers.add("Cache-Control", "no-cache")
            headers.add("X-Accel-Buffering", "no")
            addCORS(&headers)
            let stream = ChangeEventStream(hub: changeHub, since: since, heartbeatMs: configuration.streamHeartbeatMs,
                                           queueLimit: configuration.streamQueueLimit)
            return .stream(headers: headers, stream)
        }
        guard mayHold, let wait, request.method == .get else { return nil }
        // Whatever the answer will refuse is refused now, not after the wait.
        _ = try query.limit()
        _ = try FieldSelection(query["fields"], available: ChangesResource.fields)
        _ = try query["cursor"].map { try CursorToken.decode($0, list: ChangesResource.name, as: ChangesResource.Cursor.self) }
        _ = try Representation.choose(query, accept: request.headers["Accept"])
        guard try store.dataVersion() <= since else { return nil }
        return .deferred(LongPoll(handler: self, request: request, since: since, waitMs: wait * 1000))
    }

    /// `wait`: whole seconds from 1 to 60.
    static func waitSeconds(_ query: QueryParameters) throws -> Int? {
        try query.wholeNumber("wait", in: 1...60, digits: 2, canonical: true, else: "wait must be a whole number of seconds from 1 to 60")
    }

    /// Whether the record exists; a store failure counts as yes (OPTIONS then describes the route).
    private func recordExists<R: Resource>(_: R.Type, id: String) -> Bool {
        guard Slug.isValid(id) else { return false }
        return (try? store.read { try R.item(store, id: id) != nil }) ?? true
    }

    /// The fast path: a request sent exactly as one already answered at this data version.
    private func answerFromAlias(_ request: HTTPRequest) -> HTTPResponse? {
        guard cache.isEnabled, let version = try? store.dataVersion() else { return nil }
        cache.sync(version: version)
        guard let (entry, route) = cache.lookup(alias: .init(target: request.target, accept: request.headers["Accept"])) else {
            return nil
        }
        metrics.cacheHits.add(1, ordering: .relaxed)
        var response: HTTPResponse
        // An alias only points at a 200, so `*` matches as well as the entry's own tag.
        if let header = request.headers["If-None-Match"], Self.matches(header, entry.etag) {
            response = notModified(etag: entry.etag, route: route)
        } else {
            response = entry.response
        }
        response.route = route.name(for: request.method)
        return response
    }

    private static func matches(_ header: String, _ etag: String) -> Bool {
        let condition = ETag.Condition(header)
        return condition.any || condition.matches(etag)
    }

    private func get(_ request: HTTPRequest, route: Route, id: String?, mayHold: Bool) throws -> HTTPResponse {
        let query = try QueryParameters(parsing: request.query, allowed: route.parameters)
        if route.endpoint == .changes, let pushed = try changeFeed(request, query: query, mayHold: mayHold) {
            return pushed
        }
        let pretty = try query.bool("pretty")
        var representation = Representation.json
        let accept = request.headers["Accept"]
        if route.endpoint.isList {
            representation = try Representation.choose(query, accept: accept)
        }
        let canonicalPath = id.map { "/" + route.pattern.dropFirst().prefix { $0 != "/" } + "/" + $0 } ?? route.pattern
        let canonicalQuery = query.canonical()
        let key = canonicalPath + "?" + canonicalQuery + "#" + representation.rawValue

        let version = try store.dataVersion()
        cache.sync(version: version)
        let etag = ETag.make(dataVersion: version, schemaVersion: store.schemaVersion, key: key)
        let condition = request.headers["If-None-Match"].map(ETag.Condition.init)
        if let condition, condition.matches(etag) {
            return notModified(etag: etag, route: route)
        }
        let alias = ResponseCache.Alias(target: request.target, accept: accept)
        if let entry = cache.lookup(key) {
            metrics.cacheHits.add(1, ordering: .relaxed)
            cache.addAlias(alias, to: entry, route: route)
            if let condition, condition.any || condition.matches(entry.etag) { return notModified(etag: entry.etag, route: route) }
            return entry.response
        }

        let context = RenderContext(route: route, id: id, query: query, representation: representation,
                                    path: canonicalPath, canonicalQuery: canonicalQuery, pretty: pretty)
        metrics.cacheMisses.add(1, ordering: .relaxed)
        let readStarted = Self.microseconds()
        defer {
            metrics.storeReads.add(1, ordering: .relaxed)
            metrics.storeReadMicros.add(Self.microseconds() - readStarted, ordering: .relaxed)
        }
        // One snapshot for every query of the response; its own version names the ETag.
        let (response, snapshotVersion, snapshotTag) = try store.read { () throws -> (HTTPResponse, Int, String) in
            let snapshotVersion = try store.readDataVersion()
            let snapshotTag = snapshotVersion == version ? etag
                : ETag.make(dataVersion: snapshotVersion, schemaVersion: store.schemaVersion, key: key)
            return (try render(context, etag: snapshotTag), snapshotVersion, snapshotTag)
        }
        if response.status == 200 {
            // A record carries its own tag (RecordETag); everything else the snapshot's.
            let tag = response.headers["ETag"] ?? snapshotTag
            if let condition, condition.any || condition.matches(tag) { return notModified(etag: tag, route: route) }
            if route.endpoint != .health && query["wait"] == nil {  // a long poll's answer depends on time
                cache.insert(key, response, etag: tag, version: snapshotVersion, alias: alias, route: route)
            }
        }
        return response
    }

    /// Prometheus text: never cached, never conditional, no query parameters.
    private func renderMetrics(_ request: HTTPRequest, route: Route) -> HTTPResponse {
        do {
            _ = try QueryParameters(parsing: request.query, allowed: route.parameters)
        } catch let error as APIError {
            var response = error.response
            addCORS(&response.headers)
            return response
        } catch {
            return HTTPResponse.problem(status: 400, detail: "invalid query")
        }
        var headers = HTTPHeaders()
        headers.add("Content-Type", PrometheusText.contentType)
        headers.add("Cache-Control", "no-store")
        addCORS(&headers)
        let body = metrics.render(serverStats: configuration.serverStats, cacheBytes: budget.usedBytes, cacheLimit: budget.limit)
        return HTTPResponse(status: 200, headers: headers, body: body)
    }

    static func microseconds() -> Int {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int(spec.tv_sec) * 1_000_000 + Int(spec.tv_nsec) / 1000
    }

    // MARK: rendering

    struct RenderContext {
        let route: Route
        let id: String?
        let query: QueryParameters
        let representation: Representation
        let path: String
        let canonicalQuery: String
        let pretty: Bool
    }

    private func render(_ context: RenderContext, etag: String) throws -> HTTPResponse {
        switch context.route.endpoint {
        case .root:
            return ok(RootDocument.encode(pretty: context.pretty), etag: etag)
        case .health:
            var response = ok(HealthDocument.encode(dataVersion: try store.readDataVersion(),
                                                    schemaVersion: store.schemaVersion,
                                                    cluster: configuration.clusterHealth?(), pretty: context.pretty),
                              etag: etag)
            response.headers.set("Cache-Control", "no-store")
            return response
        case .openapi:
            return ok(OpenAPIDocument.bytes, etag: etag)
        case .metrics:
            throw APIError.notFound(detail: "metrics are not a cached resource")  // answered before get()
        case .changes:
            // Followers poll the feed: any cache must revalidate (a cheap 304 while nothing changed).
            var response = try renderList(ChangesResource.self, context, etag: etag)
            response.headers.set("Cache-Control", "no-cache")
            return response
        case let .list(kind):
            return try kind.visit(CollectionRender(handler: self, context: context, etag: etag, isList: true))
        case let .item(kind):
            return try kind.visit(CollectionRender(handler: self, context: context, etag: etag, isList: false))
        }
    }

    /// A list or an item of one collection, rendered with its concrete type (`ResourceKind.visit`).
    private struct CollectionRender: ResourceVisitor {
        let handler: APIHandler
        let context: RenderContext
        let etag: String
        let isList: Bool

        func visit<R: Resource>(_ resource: R.Type) throws -> HTTPResponse {
            try isList ? handler.renderList(resource, context, etag: etag) : handler.renderItem(resource, context, etag: etag)
        }
    }

    fileprivate func renderList<R: Resource>(_ resource: R.Type, _ context: RenderContext, etag: String) throws -> HTTPResponse {
        let query = context.query
        let selection = try FieldSelection(query["fields"], available: R.fields)
        let limit = try query.limit()
        let cursor = try query["cursor"].map { try CursorToken.decode($0, list: R.name, as: R.Cursor.self) }
        func link(_ next: R.Cursor?) -> String? {
            next.map { context.path + "?" + query.canonical(withCursor: CursorToken.encode($0, list: R.name)) }
        }
        let nextLink: String?
        let body: [UInt8]
        // A page of every field, compact, is its records' stored bodies where they are current.
        if context.representation == .json, selection.names == nil, !context.pretty,
           let stored = try R.storedBodies(store, query, after: cursor, limit: limit) {
            nextLink = link(stored.next)
            var sink = JSONSink(writer: JSONWriter(capacity: 512 + stored.items.reduce(0) { $0 + $1.count + 1 }),
                                selection: selection)
            body = listDocument(&sink, context, stored, nextLink: nextLink, limit: limit) { sink, body in sink.writer.raw(body) }
        } else {
            let page = try R.list(store, query, after: cursor, limit: limit)
            nextLink = link(page.next)
            switch context.representation {
            case .csv:
                var sink = CSVSink(fields: R.fields, selection: selection)
                for item in page.items { R.encode(item, into: &sink) }
                body = sink.bytes
            case .json:
                var sink = JSONSink(writer: JSONWriter(capacity: 1024 + 1024 * page.items.count, pretty: context.pretty),
                                    selection: selection)
                body = listDocument(&sink, context, page, nextLink: nextLink, limit: limit) { R.encodeJSON($1, into: &$0) }
            }
        }
        // A trimmed JSON list has its own media type (see Representation.fieldsMediaType); the change feed's keeps
        // application/json until its OpenAPI path object documents the other.
        let trimmed = selection.names != nil && context.representation == .json
        var response = ok(body, etag: etag, contentType: trimmed ? Representation.fieldsContentType : context.representation.contentType)
        response.headers.add("Vary", "Accept")
        if let nextLink { response.headers.add("Link", "<\(nextLink)>; rel=\"next\"") }
        return response
    }

    /// `{"data": [...], "links": {...}, "meta": {...}}`, each item written by `write`.
    private func listDocument<Item, Cursor>(_ sink: inout JSONSink, _ context: RenderContext, _ page: Page<Item, Cursor>,
                                            nextLink: String?, limit: Int,
                                            _ write: (inout JSONSink, Item) -> Void) -> [UInt8] {
        // Keys as `StaticString`s, copied as they are (a string literal alone picks the escaping `String` overload).
        sink.writer.beginObject()
        sink.writer.key("data" as StaticString)
        sink.writer.beginArray()
        for item in page.items { write(&sink, item) }
        sink.writer.endArray()
        sink.writer.key("links" as StaticString)
        sink.writer.beginObject()
        sink.writer.key("self" as StaticString)
        sink.writer.string(context.path + (context.canonicalQuery.isEmpty ? "" : "?" + context.canonicalQuery))
        sink.writer.key("next" as StaticString)
        sink.writer.string(nextLink)
        sink.writer.endObject()
        sink.writer.key("meta" as StaticString)
        sink.writer.beginObject()
        sink.writer.key("total" as StaticString)
        sink.writer.int(page.total)
        sink.writer.key("total_exact" as StaticString)
        sink.writer.bool(page.totalIsExact)
        sink.writer.key("limit" as StaticString)
        sink.writer.int(limit)
        sink.writer.endObject()
        sink.writer.endObject()
        return sink.writer.bytes
    }

    fileprivate func renderItem<R: Resource>(_ resource: R.Type, _ context: RenderContext, etag: String) throws -> HTTPResponse {
        let selection = try FieldSelection(context.query["fields"], available: R.fields)
        let singular = R.name == "people" ? "person" : String(R.name.dropLast())
        let whole = selection.names == nil && !context.pretty
        // Every field, compact: the record's stored body where it is current, which is its canonical JSON.
        var item: R.Item?
        let canonical: [UInt8]
        if whole, let id = context.id, Slug.isValid(id), let stored = try R.storedBody(store, id: id) {
            canonical = stored
        } else {
            guard let id = context.id, Slug.isValid(id), let found = try R.item(store, id: id) else {
                throw APIError.notFound(detail: "no \(singular) with id '\(QueryParameters.shown(context.id ?? ""))'")
            }
            item = found
            canonical = RecordETag.canonical(R.self, found)
        }
        // The record's own tag: it changes when the record (or a name it shows inline) does, not on other writes.
        let recordTag = RecordETag.make(canonical)
        var sink = JSONSink(writer: JSONWriter(capacity: canonical.count + 64, pretty: context.pretty), selection: selection)
        sink.writer.beginObject()
        sink.writer.key("data")
        if let item, !whole {
            R.encode(item, into: &sink)
        } else {
            sink.writer.raw(canonical)
        }
        sink.writer.endObject()
        return ok(sink.writer.bytes, etag: recordTag,
                  contentType: selection.names == nil ? "application/json; charset=utf-8" : Representation.fieldsContentType)
    }

    // MARK: responses

    private func ok(_ body: [UInt8], etag: String, contentType: String = "application/json; charset=utf-8") -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", contentType)
        headers.add("ETag", etag)
        headers.add("Cache-Control", cacheControl)
        addCORS(&headers)
        return HTTPResponse(status: 200, headers: headers, body: body)
    }

    private func notModified(etag: String, route: Route) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("ETag", etag)
        headers.add("Cache-Control", route.endpoint == .health ? "no-store" : route.endpoint == .changes ? "no-cache" : cacheControl)
        if route.endpoint.isList { headers.add("Vary", "Accept") }
        addCORS(&headers)
        return HTTPResponse(status: 304, headers: headers)
    }

    /// `OPTIONS`: the methods a path allows, and a CORS preflight answer for browsers.
    private func preflight(allow: String, route: String, request: HTTPRequest) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Allow", allow)
        headers.add("Access-Control-Allow-Origin", "*")
        headers.add("Access-Control-Allow-Methods", allow)
        headers.add("Access-Control-Allow-Headers", Self.allowedRequestHeaders(request.headers["Access-Control-Request-Headers"]))
        headers.add("Access-Control-Max-Age", "86400")
        headers.add("Cache-Control", cacheControl)
        return HTTPResponse(status: 204, headers: headers, route: route)
    }

    /// Echoes the headers a preflight asks for when they are plain header names; a fixed list otherwise.
    static func allowedRequestHeaders(_ requested: String?) -> String {
        let fallback = "Accept, If-None-Match, If-Match, Content-Type, Authorization, Idempotency-Key"
        guard let requested, !requested.isEmpty, requested.utf8.count <= 512,
              requested.utf8.allSatisfy({ isTokenByte($0) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: " ") }) else {
            return fallback
        }
        return requested
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): true
        default: false
        }
    }

    private func addCORS(_ headers: inout HTTPHeaders) {
        headers.add("Access-Control-Allow-Origin", "*")
        headers.add("Access-Control-Expose-Headers", "ETag, Link")
    }

    static func problem(for error: StoreError) -> HTTPResponse {
        switch error {
        case let .invalidSearch(message):
            return APIError.invalid("q", message).response
        case let .sqlite(_, message, _) where message.hasPrefix("fts5"):
            // The search text is quoted term by term, so this should not happen; if it does, it is the query's fault.
            return APIError.invalid("q", "q cannot be searched: \(message)").response
        case .busy:
            var response = HTTPResponse.problem(status: 503, detail: "the database is busy; retry shortly")
            response.headers.add("Retry-After", "1")
            return response
        default:
            ErrorLog.write("parley: store error: \(error)")
            return HTTPResponse.problem(status: 500, detail: "internal error")
        }
    }
}

/// Unexpected failures go to stderr (the engine's access log is separate). No Foundation.
enum ErrorLog {
    static func write(_ message: String) {
        var line = message + "\n"
        line.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
