/// An incremental HTTP/1.1 request parser (RFC 9112). Pure: bytes in, an event out.
///
/// The caller hands it the unconsumed input each time more arrives; the parser says how
/// many bytes it took. The head is only taken once complete (it is parsed from one
/// contiguous run), body bytes are taken as they come. A request split at any byte
/// boundary therefore parses exactly as one delivered in a single read.
public struct RequestParser: Sendable {
    public enum Event: Sendable {
        /// Nothing more can be done until more bytes arrive.
        case needMore
        /// The head asked for `Expect: 100-continue` and its body has not arrived: send 100 now.
        case sendContinue
        case request(HTTPRequest)
        case failure(HTTPError)
    }

    private enum Stage: Sendable {
        case head
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(bytes: Int)
        case failed
    }

    public let limits: ParserLimits
    private var stage = Stage.head
    private var scan = HeadScanState()
    private var pending: HTTPRequest?  // head parsed, body still arriving
    private var expectsContinue = false
    /// The method of a request whose head was refused, when its request line named one:
    /// the error response to a HEAD must carry no body either.
    public private(set) var failedMethod: HTTPMethod?

    public init(limits: ParserLimits = ParserLimits()) {
        self.limits = limits
    }

    /// True while part of a request has been received but not all of it.
    public var isMidRequest: Bool {
        switch stage {
        case .head: return scan.index > scan.skipped
        case .failed: return false
        default: return true
        }
    }

    /// True while a request's body is arriving.
    public var isReadingBody: Bool {
        switch stage {
        case .head, .failed: false
        default: true
        }
    }

    /// Parses from `input`; adds the bytes it took to `consumed`.
    public mutating func next(_ input: UnsafeBufferPointer<UInt8>, consumed: inout Int) -> Event {
        var offset = 0
        defer { consumed += offset }
        while true {
            let rest = UnsafeBufferPointer(rebasing: input[offset...])
            switch stage {
            case .failed:
                return .needMore
            case .head:
                switch scanHead(rest) {
                case .incomplete:
                    return .needMore
                case .failure(let error):
                    stage = .failed
                    failedMethod = Self.method(of: UnsafeBufferPointer(rebasing: rest[min(scan.skipped, rest.count)...]))
                    return .failure(error)
                case .complete(let length, let skipped):
                    let head = UnsafeBufferPointer(rebasing: rest[skipped..<length])
                    offset += length
                    switch parseHead(head) {
                    case .failure(let error):
                        stage = .failed
                        failedMethod = Self.method(of: head)
                        return .failure(error)
                    case .success(let (request, framing, expectContinue)):
                        switch framing {
                        case .none:
                            return .request(request)
                        case .length(let count):
                            if count == 0 { return .request(request) }
                            pending = request
                            pending?.body.reserveCapacity(count)
                            stage = .fixedBody(remaining: count)
                        case .chunked:
                            pending = request
                            stage = .chunkSize
                        }
                        expectsContinue = expectContinue
                    }
                }
            case .fixedBody(let remaining):
                let take = min(remaining, rest.count)
                if take == 0 { return continueOrWait() }
                pending?.body.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<take]))
                offset += take
                expectsContinue = false
                if take == remaining { return finishBody() }
                stage = .fixedBody(remaining: remaining - take)
            case .chunkSize:
                switch parseChunkSize(rest) {
                case .incomplete: return continueOrWait()
                case .failure(let error):
                    stage = .failed
                    return .failure(error)
                case .complete(let size, let length):
                    offset += length
                    expectsContinue = false
                    if size == 0 {
                        stage = .trailers(bytes: 0)
                    } else if (pending?.body.count ?? 0) + size > limits.maxBodyBytes {
                        stage = .failed
                        return .failure(HTTPError(413, "The request body exceeds the limit of \(limits.maxBodyBytes) bytes."))
                    } else {
                        stage = .chunkData(remaining: size)
                    }
                }
            case .chunkData(let remaining):
                let take = min(remaining, rest.count)
                if take == 0 { return .needMore }
                pending?.body.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<take]))
                offset += take
                stage = take == remaining ? .chunkDataEnd : .chunkData(remaining: remaining - take)
            case .chunkDataEnd:
                if rest.count < 2 {
                    if rest.count == 1 && rest[0] != UInt8(ascii: "\r") { return fail(.badRequest("Chunk data is longer than its declared size.")) }
                    return .needMore
                }
                guard rest[0] == UInt8(ascii: "\r"), rest[1] == UInt8(ascii: "\n") else {
                    return fail(.badRequest("Chunk data is longer than its declared size or not followed by CRLF."))
                }
                offset += 2
                stage = .chunkSize
            case .trailers(let bytes):
                // Trailer fields are checked like header fields and then discarded. The size check
                // runs byte by byte inside findLineEnd, so where a read ends cannot change the answer.
                guard let lineEnd = findLineEnd(rest, maxLength: limits.maxHeaderBytes - bytes - 2) else { return .needMore }
                if case .failure(let error) = lineEnd { return fail(error) }
                guard case .success(let end) = lineEnd else { return .needMore }
                let line = UnsafeBufferPointer(rebasing: rest[..<end])
                offset += end + 2
                if line.isEmpty { return finishBody() }
                if case .failure(let error) = Self.splitField(line) { return fail(error) }
                stage = .trailers(bytes: bytes + end + 2)
            }
        }
    }

    private mutating func fail(_ error: HTTPError) -> Event {
        stage = .failed
        return .failure(error)
    }

    private mutating func continueOrWait() -> Event {
        if expectsContinue {
            expectsContinue = false
            return .sendContinue
        }
        return .needMore
    }

    private mutating func finishBody() -> Event {
        stage = .head
        expectsContinue = false
        guard let request = pending else { return .needMore }
        pending = nil
        return .request(request)
    }

    // MARK: - Finding the end of the head

    /// Where scanning of a pending head stopped; offsets are from the start of the unconsumed input,
    /// which does not move while a head is pending (head bytes are only consumed once complete).
    private struct HeadScanState: Sendable {
        var index = 0
        var lineStart = 0
        var requestLineEnd = -1
        var fields = 0
        var skipped = 0
    }

    private enum HeadScan {
        case incomplete
        case complete(length: Int, skipped: Int)  // skipped: leading empty lines
        case failure(HTTPError)
    }

    /// Walks the bytes line by line from where the last call stopped, enforcing
    /// the length limits before the head is complete, so a client cannot make the
    /// server buffer more than the limits allow or rescan what it already checked.
    private mutating func scanHead(_ bytes: UnsafeBufferPointer<UInt8>) -> HeadScan {
        let count = bytes.count
        var index = scan.index
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                guard index > 0, bytes[index - 1] == UInt8(ascii: "\r") else {
                    return .failure(.badRequest("A bare LF is not a line terminator; lines end with CRLF."))
                }
                let lineLength = index - 1 - scan.lineStart
                if scan.requestLineEnd < 0 {
                    if lineLength == 0 {
                        // Empty lines before the request line are ignored (RFC 9112 §2.2), a few at most.
                        guard index + 1 <= 64 else { return .failure(.badRequest("Too many empty lines before the request line.")) }
                        scan.skipped = index + 1
                    } else if lineLength > limits.maxRequestLine {
                        return .failure(HTTPError(414, "The request line exceeds \(limits.maxRequestLine) bytes."))
                    } else {
                        scan.requestLineEnd = index + 1
                    }
                } else if lineLength == 0 {
                    let skipped = scan.skipped
                    scan = HeadScanState()
                    return .complete(length: index + 1, skipped: skipped)
                } else {
                    scan.fields += 1
                    if scan.fields > limits.maxHeaderCount {
                        return .failure(HTTPError(431, "The request has more than \(limits.maxHeaderCount) header fields."))
                    }
                }
                scan.lineStart = index + 1
            } else if byte == UInt8(ascii: "\r") {
                guard index + 1 < count else { break }  // look again when the next byte is here
                if bytes[index + 1] != UInt8(ascii: "\n") {
                    return .failure(.badRequest("A bare CR is not allowed in a request head."))
                }
            } else if byte == 0 {
                return .failure(.badRequest("A NUL byte is not allowed in a request head."))
            }
            index += 1
            if scan.requestLineEnd >= 0 {
                if index - scan.requestLineEnd > limits.maxHeaderBytes {
                    return .failure(HTTPError(431, "The header section exceeds \(limits.maxHeaderBytes) bytes."))
                }
            } else if index - scan.lineStart > limits.maxRequestLine + 2 {
                return .failure(HTTPError(414, "The request line exceeds \(limits.maxRequestLine) bytes."))
            }
        }
        scan.index = index
        return .incomplete
    }

    // MARK: - Parsing the head

    enum Framing { case none, length(Int), chunked }

    private func parseHead(_ head: UnsafeBufferPointer<UInt8>) -> Result<(HTTPRequest, Framing, Bool), HTTPError> {
        // The head ends in CRLF CRLF and has been checked for bare CR/LF and NUL.
        guard let firstLF = head.firstIndex(of: UInt8(ascii: "\n")) else { return .failure(.badRequest("Malformed request head.")) }
        let requestLine = UnsafeBufferPointer(rebasing: head[..<(firstLF - 1)])
        let line: RequestLine
        switch Self.parseRequestLine(requestLine) {
        case .failure(let error): return .failure(error)
        case .success(let parsed): line = parsed
        }

        var headers = HTTPHeaders()
        var hostCount = 0
        var host: String?
        var contentLength: Int?
        var transferEncodings: [String] = []
        var sawTransferEncoding = false
        var connectionClose = false
        var connectionKeepAlive = false
        var expectContinue = false

        var lineStart = firstLF + 1
        while lineStart < head.count {
            guard let lf = UnsafeBufferPointer(rebasing: head[lineStart...]).firstIndex(of: UInt8(ascii: "\n")) else { break }
            let lineEnd = lineStart + lf - 1
            defer { lineStart = lineStart + lf + 1 }
            if lineEnd == lineStart { break }
            let fieldLine = UnsafeBufferPointer(rebasing: head[lineStart..<lineEnd])
            let name: String, value: String
            switch Self.splitField(fieldLine) {
            case .failure(let error): return .failure(error)
            case .success(let field): (name, value) = field
            }
            headers.add(name, value)
            switch name.utf8.count {
            case 4 where HTTPHeaders.sameName(name, "Host"):
                hostCount += 1
                host = value
            case 14 where HTTPHeaders.sameName(name, "Content-Length"):
                guard let length = Self.parseContentLength(value) else {
                    return .failure(.badRequest("Content-Length must be one non-negative decimal number."))
                }
                if let previous = contentLength, previous != length {
                    return .failure(.badRequest("The request has differing Content-Length values."))
                }
                contentLength = length
            case 17 where HTTPHeaders.sameName(name, "Transfer-Encoding"):
                sawTransferEncoding = true
                for coding in Self.splitList(value) {
                    transferEncodings.append(Self.asciiLowercased(Self.trimOWS(coding)))
                }
            case 10 where HTTPHeaders.sameName(name, "Connection"):
                for option in Self.splitList(value) {
                    let token = Self.trimOWS(option)
                    if HTTPHeaders.sameName(token, "close") { connectionClose = true }
                    if HTTPHeaders.sameName(token, "keep-alive") { connectionKeepAlive = true }
                }
            case 6 where HTTPHeaders.sameName(name, "Expect"):
                guard HTTPHeaders.sameName(Self.trimOWS(Substring(value)), "100-continue") else {
                    return .failure(HTTPError(417, "Only 'Expect: 100-continue' is supported."))
                }
                expectContinue = true
            default:
                break
            }
        }

        if line.version == .http11 {
            guard hostCount == 1, let host else {
                return .failure(.badRequest(hostCount == 0 ? "HTTP/1.1 requests need a Host header." : "The request has more than one Host header."))
            }
            guard Self.isValidHost(host) else { return .failure(.badRequest("The Host header is not a valid host[:port].")) }
        } else if hostCount > 1 {
            return .failure(.badRequest("The request has more than one Host header."))
        } else if let host, !Self.isValidHost(host) {
            return .failure(.badRequest("The Host header is not a valid host[:port]."))
        }

        var framing = Framing.none
        if sawTransferEncoding {
            if contentLength != nil {
                return .failure(.badRequest("A request must not have both Content-Length and Transfer-Encoding."))
            }
            if line.version == .http10 {
                return .failure(.badRequest("Transfer-Encoding is not defined for HTTP/1.0."))
            }
            if transferEncodings.contains(where: { $0.isEmpty || !$0.utf8.allSatisfy(CharacterClass.isTokenChar) }) {
                return .failure(.badRequest("Transfer-Encoding must be a list of transfer codings."))
            }
            if transferEncodings.contains("chunked") && transferEncodings.last != "chunked" {
                return .failure(.badRequest("The last transfer coding must be chunked; the body length cannot be determined."))
            }
            if transferEncodings != ["chunked"] {
                return .failure(HTTPError(501, "Only the chunked transfer coding is supported."))
            }
            framing = .chunked
        } else if let contentLength {
            if contentLength > limits.maxBodyBytes {
                return .failure(HTTPError(413, "The request body of \(contentLength) bytes exceeds the limit of \(limits.maxBodyBytes) bytes."))
            }
            framing = .length(contentLength)
        }

        let persistent = line.version == .http11 ? !connectionClose : (connectionKeepAlive && !connectionClose)
        var request = HTTPRequest(method: line.method, target: line.target, path: line.path, query: line.query,
                                  version: line.version, headers: headers)
        request.keepAlive = persistent
        let hasBody: Bool
        switch framing {
        case .none: hasBody = false
        case .length(let count): hasBody = count > 0
        case .chunked: hasBody = true
        }
        return .success((request, framing, expectContinue && hasBody && line.version == .http11))
    }

    struct RequestLine {
        var method: HTTPMethod
        var target: String
        var path: String
        var query: String
        var version: HTTPVersion
    }

    static func parseRequestLine(_ line: UnsafeBufferPointer<UInt8>) -> Result<RequestLine, HTTPError> {
        guard let firstSpace = line.firstIndex(of: UInt8(ascii: " ")) else {
            return .failure(.badRequest("Malformed request line: expected 'METHOD target HTTP/1.1'."))
        }
        guard let lastSpace = line.lastIndex(of: UInt8(ascii: " ")), lastSpace > firstSpace else {
            return .failure(.badRequest("Malformed request line: expected 'METHOD target HTTP/1.1'."))
        }
        let methodBytes = UnsafeBufferPointer(rebasing: line[..<firstSpace])
        let targetBytes = UnsafeBufferPointer(rebasing: line[(firstSpace + 1)..<lastSpace])
        let versionBytes = UnsafeBufferPointer(rebasing: line[(lastSpace + 1)...])

        guard !methodBytes.isEmpty, methodBytes.allSatisfy(CharacterClass.isTokenChar) else {
            return .failure(.badRequest("The method is not a valid token."))
        }
        guard !targetBytes.isEmpty else { return .failure(.badRequest("The request target is empty.")) }
        for byte in targetBytes where byte <= 0x20 || byte >= 0x7F {
            return .failure(.badRequest("The request target contains a space, control or non-ASCII byte."))
        }
        let version: HTTPVersion
        switch parseVersion(versionBytes) {
        case .failure(let error): return .failure(error)
        case .success(let parsed): version = parsed
        }
        guard let method = HTTPMethod(bytes: methodBytes) else {
            return .failure(HTTPError(501, "The method '\(String(decoding: methodBytes, as: UTF8.self))' is not implemented."))
        }

        let target = String(decoding: targetBytes, as: UTF8.self)
        // Split on bytes: the target is printable ASCII, and Character-wise Substring walking costs
        // more than the rest of the request line together.
        var pathBytes: UnsafeBufferPointer<UInt8>
        if targetBytes[0] == UInt8(ascii: "/") {
            pathBytes = targetBytes
        } else if targetBytes.count == 1 && targetBytes[0] == UInt8(ascii: "*") {
            guard method == .options else {
                return .failure(.badRequest("The asterisk form '*' is only valid with OPTIONS."))
            }
            return .success(RequestLine(method: method, target: target, path: "*", query: "", version: version))
        } else if let start = absoluteFormPathStart(targetBytes) {
            pathBytes = UnsafeBufferPointer(rebasing: targetBytes[start...])
        } else {
            return .failure(.badRequest("The request target must be an absolute path or an absolute http(s) URI."))
        }
        if pathBytes.contains(UInt8(ascii: "#")) {
            return .failure(.badRequest("A request target must not contain a fragment."))
        }
        let path: String, query: String
        if let mark = pathBytes.firstIndex(of: UInt8(ascii: "?")) {
            path = String(decoding: UnsafeBufferPointer(rebasing: pathBytes[..<mark]), as: UTF8.self)
            query = String(decoding: UnsafeBufferPointer(rebasing: pathBytes[(mark + 1)...]), as: UTF8.self)
        } else {
            path = pathBytes.count == targetBytes.count ? target : String(decoding: pathBytes, as: UTF8.self)
            query = ""
        }
        return .success(RequestLine(method: method, target: target, path: path.isEmpty ? "/" : path, query: query, version: version))
    }

    /// In `http://host[:port]/path?query` (RFC 9112 §3.2.2), where `/path?query` starts; the end of the
    /// bytes when the URI has no path. Nil when it is not an absolute http(s) URI with a valid authority.
    static func absoluteFormPathStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        func hasPrefix(_ prefix: StaticString) -> Bool {
            guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
            for index in 0..<prefix.utf8CodeUnitCount where bytes[index] | 0x20 != prefix.utf8Start[index] | 0x20 {
                return false
            }
            return true
        }
        let schemeLength: Int
        if hasPrefix("http://") { schemeLength = 7 } else if hasPrefix("https://") { schemeLength = 8 } else { return nil }
        var end = schemeLength
        while end < bytes.count, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "?") { end += 1 }
        let authority = String(decoding: UnsafeBufferPointer(rebasing: bytes[schemeLength..<end]), as: UTF8.self)
        guard !authority.isEmpty, isValidHost(authority) else { return nil }
        return end
    }

    static func method(of head: UnsafeBufferPointer<UInt8>) -> HTTPMethod? {
        guard let space = head.firstIndex(of: UInt8(ascii: " ")) else { return nil }
        return HTTPMethod(bytes: UnsafeBufferPointer(rebasing: head[..<space]))
    }

    static func parseVersion(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<HTTPVersion, HTTPError> {
        // HTTP-version = "HTTP" "/" DIGIT "." DIGIT, case-sensitive.
        guard bytes.count == 8,
              bytes[0] == UInt8(ascii: "H"), bytes[1] == UInt8(ascii: "T"), bytes[2] == UInt8(ascii: "T"),
              bytes[3] == UInt8(ascii: "P"), bytes[4] == UInt8(ascii: "/"), bytes[6] == UInt8(ascii: "."),
              CharacterClass.isDigit(bytes[5]), CharacterClass.isDigit(bytes[7]) else {
            return .failure(.badRequest("Malformed HTTP version: expected HTTP/1.1 or HTTP/1.0."))
        }
        switch (bytes[5], bytes[7]) {
        case (UInt8(ascii: "1"), UInt8(ascii: "1")): return .success(.http11)
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): return .success(.http10)
        default: return .failure(HTTPError(505, "Only HTTP/1.0 and HTTP/1.1 are supported."))
        }
    }

    /// `name ":" OWS value OWS`, with RFC 9110 §5 rules: a token name right before the
    /// colon, no obs-fold, and a value free of NUL, CR, LF and other controls but HTAB.
    static func splitField(_ line: UnsafeBufferPointer<UInt8>) -> Result<(String, String), HTTPError> {
        guard let first = line.first else { return .failure(.badRequest("Empty header line.")) }
        if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            return .failure(.badRequest("Obsolete line folding (a header line starting with whitespace) is not allowed."))
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            return .failure(.badRequest("A header line has no colon."))
        }
        guard colon > 0 else { return .failure(.badRequest("A header field name is empty.")) }
        for index in 0..<colon where !CharacterClass.isTokenChar(line[index]) {
            let byte = line[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                return .failure(.badRequest("Whitespace between a header field name and its colon is not allowed."))
            }
            return .failure(.badRequest("A header field name contains a character that is not allowed in a token."))
        }
        var start = colon + 1, end = line.count
        while start < end, line[start] == UInt8(ascii: " ") || line[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        for index in start..<end {
            let byte = line[index]
            if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F {
                return .failure(.badRequest("A header field value contains a control character."))
            }
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: line[..<colon]), as: UTF8.self)
        let value = String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
        return .success((name, value))
    }

    /// Plain digits, or a list of identical plain-digit values ("5, 5"); nil for anything else or overflow.
    static func parseContentLength(_ value: String) -> Int? {
        var result: Int?
        for element in value.split(separator: ",", omittingEmptySubsequences: false) {
            let digits = trimOWS(element)
            guard !digits.isEmpty, digits.utf8.count <= 18, digits.utf8.allSatisfy(CharacterClass.isDigit),
                  let number = Int(digits) else { return nil }
            if let result, result != number { return nil }
            result = number
        }
        return result
    }

    /// uri-host [ ":" port ] where uri-host is a reg-name, IPv4 or bracketed IP literal.
    static func isValidHost(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard !bytes.isEmpty else { return false }
        var hostEnd = bytes.count
        if bytes[0] == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")), close > 1 else { return false }
            for byte in bytes[1..<close] where !(CharacterClass.isHexDigit(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")) {
                return false
            }
            hostEnd = close + 1
            if hostEnd == bytes.count { return true }
            guard bytes[hostEnd] == UInt8(ascii: ":") else { return false }
        } else if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            hostEnd = colon
        }
        if bytes[0] != UInt8(ascii: "[") {
            guard hostEnd > 0 else { return false }
            for byte in bytes[..<hostEnd] where !CharacterClass.isRegNameChar(byte) { return false }
        }
        if hostEnd < bytes.count {
            let port = bytes[(hostEnd + 1)...]
            guard port.count <= 5, port.allSatisfy(CharacterClass.isDigit) else { return false }
        }
        return true
    }

    /// Splits a field value at the byte ',' (not the Character: ",\u{301}" is one Character).
    static func splitList(_ value: String) -> [Substring] {
        value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Lowercases A–Z only: Unicode case mapping would turn the Kelvin sign into 'k'.
    static func asciiLowercased(_ text: Substring) -> String {
        String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    static func trimOWS(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }

    // MARK: - Chunked coding

    private enum ChunkSizeLine {
        case incomplete
        case complete(size: Int, length: Int)
        case failure(HTTPError)
    }

    /// chunk-size [ chunk-ext ] CRLF, with chunk-size strictly 1*HEXDIG.
    private func parseChunkSize(_ bytes: UnsafeBufferPointer<UInt8>) -> ChunkSizeLine {
        var size = 0, digits = 0, index = 0
        while index < bytes.count, let value = CharacterClass.hexValue(bytes[index]) {
            if index >= limits.maxChunkLine { return .failure(.badRequest("The chunk size line is too long.")) }
            digits += 1
            guard digits <= 15 else { return .failure(.badRequest("The chunk size overflows.")) }
            size = size * 16 + value
            index += 1
        }
        if index == bytes.count {
            return bytes.count > limits.maxChunkLine ? .failure(.badRequest("The chunk size line is too long.")) : .incomplete
        }
        guard digits > 0 else { return .failure(.badRequest("A chunk size must be hexadecimal digits.")) }
        let byte = bytes[index]
        if byte == UInt8(ascii: ";") {
            // Extensions are allowed and ignored; they must still be free of controls.
            while index < bytes.count, bytes[index] != UInt8(ascii: "\r") {
                let ext = bytes[index]
                if ext == UInt8(ascii: "\n") || ext == 0 || (ext < 0x20 && ext != UInt8(ascii: "\t")) || ext == 0x7F {
                    return .failure(.badRequest("A chunk extension contains a control character."))
                }
                index += 1
                if index > limits.maxChunkLine { return .failure(.badRequest("The chunk size line is too long.")) }
            }
            if index == bytes.count { return .incomplete }
        } else if byte != UInt8(ascii: "\r") {
            return .failure(.badRequest("A chunk size must be hexadecimal digits followed by CRLF."))
        }
        guard index + 1 < bytes.count else { return .incomplete }
        guard bytes[index + 1] == UInt8(ascii: "\n") else { return .failure(.badRequest("A chunk size line must end with CRLF.")) }
        return .complete(size: size, length: index + 2)
    }

    private enum LineEnd { case success(Int), failure(HTTPError) }

    /// The index of the CR of the first CRLF, checking for bare CR/LF and NUL.
    /// The index of the CR of the first CRLF, checking for bare CR/LF, NUL and a line longer than
    /// `maxLength` (431) in byte order, so the first fault by position wins however the bytes arrive.
    private func findLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, maxLength: Int) -> LineEnd? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte != UInt8(ascii: "\r") && index >= max(0, maxLength) {
                return .failure(HTTPError(431, "The trailer section exceeds \(limits.maxHeaderBytes) bytes."))
            }
            switch byte {
            case UInt8(ascii: "\r"):
                guard index + 1 < bytes.count else { return nil }
                guard bytes[index + 1] == UInt8(ascii: "\n") else { return .failure(.badRequest("A bare CR is not allowed.")) }
                if index > 0 && index > maxLength {
                    return .failure(HTTPError(431, "The trailer section exceeds \(limits.maxHeaderBytes) bytes."))
                }
                return .success(index)
            case UInt8(ascii: "\n"):
                return .failure(.badRequest("A bare LF is not a line terminator; lines end with CRLF."))
            case 0:
                return .failure(.badRequest("A NUL byte is not allowed here."))
            default:
                index += 1
            }
        }
        return nil
    }
}

/// Byte classes from RFC 9110 and RFC 3986.
enum CharacterClass {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isHexDigit(_ byte: UInt8) -> Bool { hexValue(byte) != nil }

    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }

    /// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    static func isTokenChar(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): true
        default: false
        }
    }

    /// reg-name = *( unreserved / pct-encoded / sub-delims )
    static func isRegNameChar(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "%"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="): true
        default: false
        }
    }
}
