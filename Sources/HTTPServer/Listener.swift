import CShim
import Glibc

public enum ServerError: Error, Equatable, CustomStringConvertible {
    case addressInUse(host: String, port: Int)
    case cannotResolve(host: String)
    case system(call: String, errno: Int32)

    public var description: String {
        switch self {
        case let .addressInUse(host, port): "port \(port) on \(host) is already in use"
        case let .cannotResolve(host): "cannot resolve host '\(host)'"
        case let .system(call, code): "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}

/// Listening sockets: one per loop, sharing the port through SO_REUSEPORT so the kernel
/// spreads new connections over the loops.
enum Listener {
    /// Binds `count` listeners to host:port (port 0: one free port for all) and returns them with the port.
    static func bindGroup(host: String, port: Int, count: Int, shareWithOtherProcesses: Bool) throws -> ([Int32], Int) {
        let address = try resolve(host: host, port: port)
        var chosenPort = port
        var fds: [Int32] = []
        if port == 0 {
            // The kernel picks the port for the first listener, atomically: a probe closed before the listeners bind
            // leaves the port free for a moment, and a client's connect() may take it as its own port in between (a
            // test server failed to start that way while other tests connected). Autobind never picks a port other
            // SO_REUSEPORT sockets hold, so the group is alone on it.
            let first = try open(address, port: 0, reusePort: true)
            chosenPort = boundPort(first)
            fds.append(first)
        } else if !shareWithOtherProcesses {
            // A probe without SO_REUSEPORT: fails if anyone (another Parley included) holds the port,
            // so an accidental second instance is an error, not a silent neighbour.
            let probe = try open(address, port: port, reusePort: false)
            Glibc.close(probe)
        }
        do {
            while fds.count < count { fds.append(try open(address, port: chosenPort, reusePort: true)) }
        } catch {
            fds.forEach { _ = Glibc.close($0) }
            throw error
        }
        return (fds, chosenPort)
    }

    private static func resolve(host: String, port: Int) throws -> [UInt8] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else {
            throw ServerError.cannotResolve(host: host)
        }
        defer { freeaddrinfo(result) }
        return Array(UnsafeRawBufferPointer(start: info.pointee.ai_addr, count: Int(info.pointee.ai_addrlen)))
    }

    private static func open(_ address: [UInt8], port: Int, reusePort: Bool) throws -> Int32 {
        var address = address
        address.withUnsafeMutableBytes { raw in
            // Put the chosen port into the resolved address (same offset for IPv4 and IPv6).
            let family = raw.load(as: sa_family_t.self)
            let netPort = in_port_t(UInt16(port)).bigEndian
            if Int32(family) == AF_INET || Int32(family) == AF_INET6 {
                raw.storeBytes(of: netPort, toByteOffset: 2, as: in_port_t.self)
            }
        }
        let family = address.withUnsafeBytes { Int32($0.load(as: sa_family_t.self)) }
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ServerError.system(call: "socket", errno: errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        if reusePort {
            setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        let bound = address.withUnsafeBytes { raw in
            Glibc.bind(fd, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
        }
        if bound != 0 {
            let code = errno
            Glibc.close(fd)
            if code == EADDRINUSE { throw ServerError.addressInUse(host: "", port: port) }
            throw ServerError.system(call: "bind", errno: code)
        }
        guard listen(fd, 4096) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw ServerError.system(call: "listen", errno: code)
        }
        return fd
    }

    private static func boundPort(_ fd: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return withUnsafeBytes(of: &storage) { raw in
            Int(UInt16(bigEndian: raw.load(fromByteOffset: 2, as: UInt16.self)))
        }
    }

    /// The peer's address as text, for logs and rate limits.
    static func peerAddress(_ storage: inout sockaddr_storage) -> String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = Int32(storage.ss_family)
        let ok: Bool = withUnsafeMutableBytes(of: &storage) { raw in
            if family == AF_INET {
                return inet_ntop(AF_INET, raw.baseAddress! + 4, &text, socklen_t(text.count)) != nil
            } else if family == AF_INET6 {
                return inet_ntop(AF_INET6, raw.baseAddress! + 8, &text, socklen_t(text.count)) != nil
            }
            return false
        }
        guard ok else { return "" }
        return text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: strlen(buffer.baseAddress!)), as: UTF8.self)
        }
    }
}
