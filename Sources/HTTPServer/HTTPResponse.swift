/// What a handler returns. The engine adds Date, Content-Length and Connection,
/// drops the body of HEAD, 1xx, 204 and 304 responses, and writes head and body in one write.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders {
        didSet { encodedHeaders = nil }
    }
    public var body: [UInt8]
    /// `headers` already serialised (see `encodeHeaders`); dropped whenever `headers` changes.
    public private(set) var encodedHeaders: [UInt8]?
    /// A low-cardinality name of the route that answered (for metrics and logs), never a raw path.
    public var route: String
    /// A response written over time (an event stream, a long poll); see `ResponseStream`. Only for GET.
    public var stream: StreamHandle?
    /// Set on a response to a request that committed something: every loop's streams are pumped at once.
    public var wakesStreams = false

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], route: String = "") {
        self.status = status
        self.headers = headers
        self.body = body
        self.route = route
    }

    /// Serialises the handler's headers once, for a response that will be sent many times (a cached
    /// one): the engine then copies these bytes instead of checking and writing each field again.
    public mutating func encodeHeaders() {
        encodedHeaders = ResponseWriter.encode(headers)
    }

    /// A response whose body `producer` writes over time, after this head.
    public static func stream(status: Int = 200, headers: HTTPHeaders, route: String = "",
                              _ producer: any ResponseStream) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: headers, route: route)
        response.stream = StreamHandle(.body, producer)
        return response
    }

    /// A response `producer` gives later (it answers `.respond`).
    public static func deferred(route: String = "", _ producer: any ResponseStream) -> HTTPResponse {
        var response = HTTPResponse(status: 200, route: route)
        response.stream = StreamHandle(.deferred, producer)
        return response
    }

    /// An RFC 9457 problem document.
    public static func problem(status: Int, title: String? = nil, detail: String, type: String = "about:blank",
                               extra: [(String, String)] = []) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/problem+json; charset=utf-8")
        return HTTPResponse(status: status, headers: headers,
                            body: ProblemDocument.encode(status: status, title: title ?? HTTPStatus.reason(status),
                                                         detail: detail, type: type, extra: extra),
                            route: "problem")
    }
}

/// Built once per loop thread; not shared between threads, so it may hold a database connection.
public protocol HTTPHandler: AnyObject {
    func handle(_ request: HTTPRequest) -> HTTPResponse
    /// Called once per turn of the loop, after its events, its streams and its timers, before the loop waits again:
    /// what a handler keeps for the requests of one turn ends here, never held while the loop sleeps.
    func turnEnded()
}

extension HTTPHandler {
    public func turnEnded() {}
}
