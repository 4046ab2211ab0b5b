import CSQLite
import Glibc

/// Reads the change counter of a WAL database's shared-memory index (the `-shm` file) without a
/// system call. SQLite's WAL-index header keeps `iChange`, "incremented with each transaction", at
/// byte 8 (see SQLite's walformat document); every connection of every process commits through it.
/// A changed counter sends the caller to SQLite for the real data version; an unchanged one spares
/// the fcntl locks and the fstat that asking SQLite costs on every request.
///
/// The file stays open for as long as the counter lives: POSIX drops every fcntl lock a process holds on a file when
/// the process closes *any* descriptor of it, and SQLite's connections in this process hold locks on the `-shm` (the
/// shared lock that tells other processes the index is in use among them). Closing a descriptor here would let the
/// next process to open the database think it is alone, truncate the index and rebuild it under this process's
/// mapping: a bus error on the next write (reproduced with `parley token list` run against a server taking writes).
final class WALChangeCounter {
    private let path: String
    private var mapping: UnsafeMutableRawPointer?
    private var descriptor: Int32 = -1
    private var nextAttempt = 0
    private static let mappedBytes = 4096

    init(databasePath: String) {
        path = databasePath + "-shm"
    }

    deinit {
        if let mapping { munmap(mapping, Self.mappedBytes) }
        if descriptor >= 0 { close(descriptor) }
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
    /// The descriptor, once opened, is kept (never closed before deinit, see above) and reused by later attempts.
    private func map() {
        if descriptor < 0 {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return }
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) >= Self.mappedBytes else { return }
        let address = mmap(nil, Self.mappedBytes, PROT_READ, MAP_SHARED, descriptor, 0)
        guard let address, address != MAP_FAILED else { return }
        mapping = address
    }
}
