import CSQLite
import Glibc

/// Reads the change counter of a WAL database's shared-memory index (the `-shm` file) without a
/// system call. SQLite's WAL-index header keeps `iChange`, "incremented with each transaction", at
/// byte 8 (see SQLite's walformat document); every connection of every process commits through it.
/// A changed counter sends the caller to SQLite for the real data version; an unchanged one spares
/// the fcntl locks and the fstat that asking SQLite costs on every request.
///
/// The index is read through SQLite's own mapping of it (the VFS's `xShmMap`, region 0), never by opening the
/// `-shm` here: POSIX drops every fcntl lock a process holds on a file when the process closes *any* descriptor of
/// it, and SQLite's connections hold locks on the `-shm` (the shared lock that tells other processes the index is in
/// use). A descriptor opened and closed here once let the next process to open the database think it was alone,
/// truncate the index and rebuild it under this process's mapping: a bus error on the server's next write (reproduced
/// with `parley token list` run against a server taking writes; see CommandLineTests).
final class WALChangeCounter {
    private let connection: OpaquePointer
    /// An immutable connection has no WAL index (and asking for one would create a `-shm`).
    private let hasIndex: Bool
    private var mapping: UnsafeRawPointer?
    private var nextAttempt = 0

    /// The WAL index of `database`'s connection; valid while that connection is open (the `Store` owns both).
    init(database: Database) {
        connection = database.handle
        hasIndex = !database.isImmutable
    }

    /// The counter now, or nil while the index cannot be read (then callers ask SQLite every time).
    func current() -> UInt32? {
        if mapping == nil {
            guard hasIndex else { return nil }
            // Not mapped yet (no WAL index yet): try again at most once a second, not per request.
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

    /// Region 0 of the index (its first 32 KiB, which hold the header), as SQLite maps it for this connection. With
    /// bExtend = 0 SQLite neither creates nor grows the file: nil until the index exists.
    private func map() {
        var file: UnsafeMutablePointer<sqlite3_file>?
        guard sqlite3_file_control(connection, "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK, let file,
              let methods = file.pointee.pMethods, methods.pointee.iVersion >= 2,
              let shmMap = methods.pointee.xShmMap else { return }
        var region: UnsafeMutableRawPointer?
        guard shmMap(file, 0, 32768, 0, &region) == SQLITE_OK, let region else { return }
        mapping = UnsafeRawPointer(region)
    }
}
