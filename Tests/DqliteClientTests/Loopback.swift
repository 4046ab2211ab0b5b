import DqliteClient
import DqliteNode
#if canImport(Glibc)
import Glibc
#endif

/// Real dqlite nodes on 127.0.0.1 for the tests: free ports, temporary directories, bounded waits.
enum Loopback {
    /// A port nothing listens on right now (bound to 0, read back, released).
    static func freePort() -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                _ = bind(fd, pointer, length)
                return getsockname(fd, pointer, &length)
            }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    static func address() -> String { "127.0.0.1:\(freePort())" }

    /// A new empty directory under /tmp.
    static func temporaryDirectory(_ prefix: String) -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        return path ?? "/tmp/\(prefix)-\(getpid())-\(freePort())"
    }

    static func removeTree(_ path: String) {
        guard path.hasPrefix("/tmp/"), !path.contains("'") else { return }
        _ = system("rm -rf '\(path)'")
    }

    /// A started node (SIGPIPE ignored first, as a host must).
    static func node(id: UInt64, address: String, directory: String) throws -> DqliteNode {
        DqliteNode.ignoreSIGPIPE()
        // 50 ms: heartbeats every 75 ms, elections after 750-1500 ms, so a new leader comes well within 5 s.
        let node = try DqliteNode(id: id, address: address, directory: directory, networkLatencyMilliseconds: 50)
        try node.start()
        return node
    }

    /// Polls `body` every 50 ms until it returns a value, or throws its last error after `milliseconds`.
    static func eventually<T>(within milliseconds: Int = 10_000, _ body: () throws -> T?) throws -> T {
        let deadline = now() + milliseconds
        var lastError: any Error = DqliteError.timeout("nothing within \(milliseconds) ms")
        while now() < deadline {
            do {
                if let value = try body() { return value }
            } catch {
                lastError = error
            }
            var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
            nanosleep(&pause, nil)
        }
        throw lastError
    }

    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int(time.tv_sec) * 1000 + Int(time.tv_nsec) / 1_000_000
    }

    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        defer { fclose(file) }
        return bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) } == bytes.count
    }
}
