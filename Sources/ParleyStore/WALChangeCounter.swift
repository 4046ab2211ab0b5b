import CSQLite
import Glibc

/// Reads the change counter of a WAL database's shared-memory index (the `-shm` file) without a
/// system call. SQLite's WAL-index header keeps `iChange`, "incremented with each transaction", at
/// byte 8 (see SQLite's walformat document); every connection of every process commits through it.
/// A changed counter sends the caller to SQLite for the real data version; an unchanged one spares
/// the fcntl locks and the fstat that asking SQLite costs on every request.
final class WALChangeCounter {
    private let path: String
    private var mapping: UnsafeMutableRawPointer?
    private var nextAttempt = 0
    private static let mappedBytes = 4096

    init(databasePath: String) {
        path = databasePath + "-shm"
    }

    deinit {
        if let mapping { munmap(mapping, Self.mappedBytes) }
    }

    /// The counter now, or nil while the index cannot be read (then callers ask SQLite every time).
    func current() -> UInt32? {
        if mapping == nil {
            // Not mapped yet (no WAL index on disk): try again at most once a second, not per request.
            let now = Self.coarseSeconds()
            guard now >= nextAttempt else { return nil }
            nextAttempt = now + 1
            map()
        }
        guard let mapping else { return nil }
        return csqlite_volatile_load32(mapping + 8)
    }

    private static func coarseSeconds() -> Int {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC_COARSE, &spec)
        return Int(spec.tv_sec)
    }

    /// Maps the index read-only once it exists and holds an initialised header.
    private func map() {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, Int(status.st_size) >= Self.mappedBytes else { return }
        let address = mmap(nil, Self.mappedBytes, PROT_READ, MAP_SHARED, fd, 0)
        guard let address, address != MAP_FAILED else { return }
        mapping = address
    }
}
