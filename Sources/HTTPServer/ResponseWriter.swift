/// Serialises responses into a connection's output buffer: status line, Date,
/// `X-Content-Type-Options: nosniff`, Content-Length, Connection, the handler's headers, then the body,
/// all in one run of bytes so the loop can send them with one write.
///
/// nosniff goes on every response the engine writes (handler answers, cached ones, the engine's own
/// errors): no browser may guess a type other than the Content-Type sent, so a stored text field can
/// never be sniffed into HTML or script.
struct ResponseWriter {
    private var statusLines: [Int: [UInt8]] = [:]

    /// Whether a response with this status to this method carries a body (RFC 9110 §6.4.1).
    static func hasBody(status: Int, method: HTTPMethod?) -> Bool {
        if method == .head { return false }
        return !(status < 200 || status == 204 || status == 304)
    }

    mutating func write(_ response: HTTPResponse, method: HTTPMethod?, version: HTTPVersion, keepAlive: Bool,
                        date: [UInt8], into out: ByteBuffer) {
        appendStart(response.status, date: date, to: out)
        if response.status >= 200 && response.status != 204 && response.status != 304 {
            out.append("Content-Length: " as StaticString)
            out.appendDecimal(response.body.count)
            out.append("\r\n" as StaticString)
        }
        if !keepAlive {
            out.append("Connection: close\r\n" as StaticString)
        } else if version == .http10 {
            out.append("Connection: keep-alive\r\n" as StaticString)
        }
        if let encoded = response.encodedHeaders {
            out.append(encoded)
        } else {
            Self.appendFields(response.headers, to: out)
        }
        out.append("\r\n" as StaticString)
        if Self.hasBody(status: response.status, method: method) {
            out.append(response.body)
        }
    }

    /// The head of a streaming response: no Content-Length, the body runs to the close.
    mutating func writeStreamHead(_ response: HTTPResponse, date: [UInt8], into out: ByteBuffer) {
        appendStart(response.status, date: date, to: out)
        out.append("Connection: close\r\n" as StaticString)
        Self.appendFields(response.headers, to: out)
        out.append("\r\n" as StaticString)
    }

    /// What every response the engine writes begins with: the status line, Date and nosniff.
    private mutating func appendStart(_ status: Int, date: [UInt8], to out: ByteBuffer) {
        out.append(statusLine(status))
        out.append("Date: " as StaticString)
        out.append(date)
        out.append("\r\nX-Content-Type-Options: nosniff\r\n" as StaticString)
    }

    /// The header fields as they go on the wire, each line ending in CRLF.
    static func encode(_ headers: HTTPHeaders) -> [UInt8] {
        let buffer = ByteBuffer(capacity: 256)
        appendFields(headers, to: buffer)
        return Array(buffer.readable)
    }

    private static func appendFields(_ headers: HTTPHeaders, to out: ByteBuffer) {
        for field in headers {
            appendSafe(field.name, to: out)
            out.append(": " as StaticString)
            appendSafe(field.value, to: out)
            out.append("\r\n" as StaticString)
        }
    }

    /// Header text comes from handlers; a CR or LF in it would split the response, so controls are dropped.
    private static func appendSafe(_ text: String, to out: ByteBuffer) {
        var text = text
        text.withUTF8 { utf8 in
            if !mayHoldControl(utf8) {
                out.append(utf8)
            } else {
                for byte in utf8 where byte >= 0x20 || byte == 0x09 { out.append(byte) }
            }
        }
    }

    /// False only when no byte is below 0x20 (a tab says true: the slow path keeps it). Eight bytes at a time: an
    /// uncached answer's header values are about 400 bytes, and a byte at a time was 2,500 instructions a response.
    static func mayHoldControl(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(utf8)
        var offset = 0
        // A byte b < 0x20 makes (b - 0x20) borrow into its top bit while ~b keeps it: the classic has-less-than test.
        while offset + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 { return true }
            offset += 8
        }
        while offset < raw.count {
            if raw[offset] < 0x20 { return true }
            offset += 1
        }
        return false
    }

    private mutating func statusLine(_ status: Int) -> [UInt8] {
        if let line = statusLines[status] { return line }
        let line = Array("HTTP/1.1 \(status) \(HTTPStatus.reason(status))\r\n".utf8)
        statusLines[status] = line
        return line
    }
}
