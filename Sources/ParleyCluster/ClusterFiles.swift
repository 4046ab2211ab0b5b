#if canImport(Glibc)
import Glibc
#endif
import ParleyStore

/// The files a node keeps beside dqlite's own: its id, and the replica written from a dump.
enum ClusterFiles {
    static func read(_ path: String, limit: Int = .max) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("cannot open \(path)") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw failure("cannot read \(path)") }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<min(count, limit - bytes.count)])
            if bytes.count >= limit { return bytes }
        }
    }

    /// Writes `bytes` to a temporary file beside `path`, syncs it and renames it over `path`: a crash leaves the old
    /// file or the new one, never half of one.
    static func write(_ path: String, _ bytes: [UInt8]) throws {
        let temporary = path + ".partial"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot create \(temporary)") }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { close(fd); throw failure("cannot write \(temporary)") }
            written += count
        }
        guard fsync(fd) == 0 else { close(fd); throw failure("cannot sync \(temporary)") }
        close(fd)
        guard rename(temporary, path) == 0 else { throw failure("cannot rename \(temporary) to \(path)") }
    }

    /// 128 random bits in hex: a new cluster's name, so a node never follows another cluster's file.
    static func randomIdentity() throws -> String {
        let source = try read("/dev/urandom", limit: 16)
        guard source.count == 16 else { throw failure("cannot read random bytes") }
        let bytes = source
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }

    static func remove(_ path: String) {
        unlink(path)
    }

    private static func failure(_ what: String) -> StoreError {
        StoreError.cannotOpen(path: what, reason: String(cString: strerror(errno)))
    }
}
