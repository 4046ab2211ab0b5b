/// A request the engine refuses before it reaches a handler. Every one closes the
/// connection: once framing is in doubt, no further byte from the peer can be trusted.
public struct HTTPError: Error, Equatable, Sendable {
    public let status: Int
    public let detail: String

    public init(_ status: Int, _ detail: String) {
        self.status = status
        self.detail = detail
    }

    static func badRequest(_ detail: String) -> HTTPError { HTTPError(400, detail) }

    public var response: HTTPResponse { HTTPResponse.problem(status: status, detail: detail) }
}

/// The numbers behind every limit the parser enforces.
public struct ParserLimits: Sendable {
    /// Longest request line, without its CRLF (414 past it).
    public var maxRequestLine = 8 * 1024
    /// Largest header section after the request line, CRLFs included (431 past it).
    public var maxHeaderBytes = 16 * 1024
    /// Most header fields (431 past it).
    public var maxHeaderCount = 100
    /// Largest request body, after chunked decoding (413 past it).
    public var maxBodyBytes = 1024 * 1024
    /// Longest chunk-size line, extensions included (400 past it).
    public var maxChunkLine = 4 * 1024

    public init() {}
}
