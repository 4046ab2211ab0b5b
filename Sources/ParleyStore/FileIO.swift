import Glibc

/// Whole-file reads and writes for the commands and the cluster's files (the binary carries no Foundation).
public enum FileIO {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) { self.description = description }
    }

    /// The bytes of `path`, or of standard input for `-`.
    public static func read(_ path: String) throws -> [UInt8] {
        let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(description: "cannot open \(path): \(String(cString: strerror(errno)).lowercased())") }
        defer { if fd != 0 { close(fd) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Refuses, naming the cause, a destination whose directory is missing or cannot be written (checked before any
    /// work, so `parley backup` and `parley export` fail at once and never leave a partial file).
    public static func checkDestination(_ path: String) throws {
        guard path != "-" else { return }
        let directory = path.lastIndex(of: "/").map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw Failure(description: "cannot write \(path): no such directory: \(directory)")
        }
        guard access(directory, W_OK) == 0 else {
            let cause = errno == EROFS ? "read-only file system" : "permission denied"
            throw Failure(description: "cannot write \(path): \(cause): cannot create a file in \(directory)")
        }
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw Failure(description: "cannot write \(path): it is a directory")
        }
    }

    /// Writes `bytes` to standard output for `-`; otherwise to a temporary file beside `path`, fsynced and renamed
    /// into place, so `path` is never left half-written.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        if path == "-" {
            try writeAll(bytes, to: 1, path: "standard output")
            return
        }
        try checkDestination(path)
        let temporary = path + ".partial-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot create \(temporary): \(String(cString: strerror(errno)))") }
        do {
            try writeAll(bytes, to: fd, path: temporary)
            guard fsync(fd) == 0 else { throw Failure(description: "cannot sync \(temporary): \(String(cString: strerror(errno)))") }
            close(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "cannot rename \(temporary) to \(path): \(reason)")
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
