/// One parsed request, handed to the handler on its loop thread.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request target as sent (origin form, absolute form or `*`).
    public var target: String
    /// The path of the target, still percent-encoded; `/` for `OPTIONS *`.
    public var path: String
    /// The query of the target without `?`, still percent-encoded; empty when absent.
    public var query: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The peer's IP address as text.
    public var remoteAddress: String
    /// Whether the connection stays open after the response (HTTP/1.1 default, HTTP/1.0 on request).
    public var keepAlive = true

    public init(method: HTTPMethod, target: String, path: String, query: String, version: HTTPVersion = .http11,
                headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], remoteAddress: String = "") {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// True for `OPTIONS *` (asterisk form).
    public var isAsteriskForm: Bool { target == "*" }
}
