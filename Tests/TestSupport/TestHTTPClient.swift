import Foundation
import Glibc
import HTTPServer

/// A response as read off the wire by the test client.
public struct TestResponse: Sendable {
    public var status: Int
    public var reason: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

public enum TestClientError: Error, CustomStringConvertible {
    case connect(Int32), send(Int32), closed, timeout, malformed(String)

    public var description: String {
        switch self {
        case .connect(let code): "connect failed: errno \(code)"
        case .send(let code): "send failed: errno \(code)"
        case .closed: "connection closed by the server"
        case .timeout: "timed out waiting for the server"
        case .malformed(let text): "malformed response: \(text)"
        }
    }
}

/// A blocking HTTP/1.1 client over a real loopback socket, strict about what it reads,
/// able to send any bytes at all (malformed requests included).
public final class TestHTTPClient {
    public let fd: Int32
    private var buffer: [UInt8] = []

    public init(port: Int, host: String = "127.0.0.1") throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw TestClientError.connect(code)
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { Glibc.close(fd) }

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw TestClientError.send(errno) }
            offset += sent
        }
    }

    /// Sends a request with Host and, when there is a body, Content-Length; reads the response.
    public func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = [],
                        timeout: Double = 10) throws -> TestResponse {
        var head = "\(method) \(target) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { head += "Host: localhost\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty && !headers.contains(where: { $0.0.lowercased() == "content-length" }) {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "\r\n"
        try send(Array(head.utf8) + body)
        guard let response = try readResponse(timeout: timeout, headRequest: method == "HEAD") else {
            throw TestClientError.closed
        }
        return response
    }

    /// Reads one response; nil when the server closed the connection before sending any byte of it.
    public func readResponse(timeout: Double = 10, headRequest: Bool = false) throws -> TestResponse? {
        let deadline = Self.now() + timeout
        var headEnd: Int?
        while headEnd == nil {
            headEnd = Self.find([13, 10, 13, 10], in: buffer)
            if headEnd == nil {
                if try !fill(deadline: deadline) {
                    if buffer.isEmpty { return nil }
                    throw TestClientError.malformed("closed inside a response head")
                }
            }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]), parts[1].count == 3 else {
            throw TestClientError.malformed("status line '\(statusLine)'")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw TestClientError.malformed("header line '\(line)'") }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: [" ", "\t"])
            headers.append((name, value))
        }
        var response = TestResponse(status: status, reason: parts.count > 2 ? String(parts[2]) : "", headers: headers, body: [])
        if headRequest || status < 200 || status == 204 || status == 304 { return response }
        if let length = response.header("Content-Length") {
            guard let count = Int(length) else { throw TestClientError.malformed("Content-Length '\(length)'") }
            while buffer.count < count {
                if try !fill(deadline: deadline) { throw TestClientError.malformed("closed inside a body") }
            }
            response.body = Array(buffer[..<count])
            buffer.removeFirst(count)
        } else {
            // Without a length the body runs to the close.
            while try fill(deadline: deadline) {}
            response.body = buffer
            buffer = []
        }
        return response
    }

    /// True when the server closes the connection (EOF or reset) within `timeout` seconds with no more data.
    public func waitForClose(timeout: Double = 5) -> Bool {
        let deadline = Self.now() + timeout
        while true {
            do {
                if try !fill(deadline: deadline) { return true }
            } catch TestClientError.timeout {
                return false
            } catch {
                return true
            }
        }
    }

    /// Everything the server sends until it closes (or the timeout).
    public func readToClose(timeout: Double = 5) -> [UInt8] {
        _ = waitForClose(timeout: timeout)
        defer { buffer = [] }
        return buffer
    }

    /// Reads more; false at EOF.
    private func fill(deadline: Double) throws -> Bool {
        let remaining = deadline - Self.now()
        guard remaining > 0 else { throw TestClientError.timeout }
        var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pollFD, 1, Int32(remaining * 1000))
        if ready == 0 { throw TestClientError.timeout }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == ECONNRESET { return false }
            throw TestClientError.malformed("recv errno \(errno)")
        }
        if count == 0 { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start }
        }
        return nil
    }
}
