#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP socket (IPv4) whose connect, read and write each wait at most until a deadline, with poll().
/// The only file in the client that touches C pointers.
struct TCPSocket: ~Copyable {
    private let fd: Int32

    /// Connects to "a.b.c.d:port" (or "localhost:port") within `timeout` milliseconds.
    init(address: String, timeoutMilliseconds: Int) throws(DqliteError) {
        var socketAddress = try Self.parse(address)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw .connection("socket(): \(Self.errorText())") }
        let result = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 {
            let error = errno
            guard error == EINPROGRESS else {
                close(fd)
                throw .connection("connect to \(address): \(Self.errorText(error))")
            }
            do {
                try Self.wait(fd: fd, events: Int16(POLLOUT), deadline: Self.deadline(after: timeoutMilliseconds), what: "connect to \(address)")
            } catch {
                close(fd)
                throw error
            }
            var status: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &status, &length)
            guard status == 0 else {
                close(fd)
                throw .connection("connect to \(address): \(Self.errorText(status))")
            }
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        self.fd = fd
    }

    deinit { close(fd) }

    /// Writes all of `bytes` before the deadline. MSG_NOSIGNAL: a dead peer is an error, never a SIGPIPE.
    func write(_ bytes: [UInt8], deadline: Int) throws(DqliteError) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                send(fd, buffer.baseAddress.map { $0 + sent }, buffer.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                sent += count
            } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                try Self.wait(fd: fd, events: Int16(POLLOUT), deadline: deadline, what: "write")
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                throw .connection("write: \(Self.errorText())")
            }
        }
    }

    /// Reads exactly `count` bytes before the deadline. Memory grows with what arrives, a chunk at a time,
    /// so a header claiming a huge body costs at most a megabyte until the bytes come.
    func read(_ count: Int, deadline: Int) throws(DqliteError) -> [UInt8] {
        let chunkSize = 1 << 20
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(count, chunkSize))
        var chunk = [UInt8](repeating: 0, count: min(count, chunkSize))
        while bytes.count < count {
            let wanted = min(chunk.count, count - bytes.count)
            let result = chunk.withUnsafeMutableBytes { buffer in recv(fd, buffer.baseAddress, wanted, 0) }
            if result > 0 {
                bytes += chunk[0..<result]
            } else if result == 0 {
                throw .connection("the peer closed the connection")
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                try Self.wait(fd: fd, events: Int16(POLLIN), deadline: deadline, what: "read")
            } else if errno != EINTR {
                throw .connection("read: \(Self.errorText())")
            }
        }
        return bytes
    }

    static func now() -> Int { MonotonicClock.milliseconds() }

    static func deadline(after milliseconds: Int) -> Int { now() + max(0, milliseconds) }

    private static func wait(fd: Int32, events: Int16, deadline: Int, what: String) throws(DqliteError) {
        while true {
            let left = deadline - now()
            guard left > 0 else { throw .timeout(what) }
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(left, Int(Int32.max))))
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw .connection("poll: \(errorText())") }
        }
    }

    private static func parse(_ address: String) throws(DqliteError) -> sockaddr_in {
        guard let colon = address.lastIndex(of: ":"), let port = UInt16(address[address.index(after: colon)...]) else {
            throw .connection("address \"\(address)\" is not host:port")
        }
        var host = String(address[..<colon])
        if host == "localhost" { host = "127.0.0.1" }
        var result = sockaddr_in()
        result.sin_family = sa_family_t(AF_INET)
        result.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &result.sin_addr) == 1 else {
            throw .connection("address \"\(address)\": the host must be an IPv4 address")
        }
        return result
    }

    private static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
}
