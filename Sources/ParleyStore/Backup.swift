import CSQLite
import Glibc

/// `parley backup`: a consistent copy of a live database through SQLite's online backup API.
public enum Backup {
    public struct Result: Sendable {
        public let pages: Int
        public let dataVersion: Int
    }

    /// Copies the database at `path` to `destination`, which must not exist yet. The copy is made in one backup step,
    /// under one read transaction, so it is the database as of one commit however busy the server is (WAL readers do
    /// not block writers). It is written to a temporary file beside `destination`, checked, fsynced and then renamed
    /// into place, so `destination` is either absent or complete.
    public static func copy(from path: String, to destination: String) throws -> Result {
        guard access(path, F_OK) == 0 else { throw StoreError.backupFailed("no database at \(path)") }
        guard access(destination, F_OK) != 0 else {
            throw StoreError.backupFailed("\(destination) already exists; choose a new file (a backup never overwrites)")
        }
        let source = try Database(path: path)
        let temporary = destination + ".partial-\(getpid())"
        unlink(temporary)
        var done = false
        defer { if !done { unlink(temporary); unlink(temporary + "-wal"); unlink(temporary + "-shm") } }
        let pages: Int
        do {
            let target = try Database(path: temporary)
            guard let backup = sqlite3_backup_init(target.handle, "main", source.handle, "main") else {
                throw StoreError.backupFailed("cannot start the backup: " + String(cString: sqlite3_errmsg(target.handle)))
            }
            var rc: Int32
            var waited = 0
            repeat {
                rc = sqlite3_backup_step(backup, -1)
                if rc == SQLITE_BUSY || rc == SQLITE_LOCKED {
                    // Another connection holds a lock the copy needs for a moment; wait within the busy timeout.
                    waited += 10
                    if waited > Int(Database.busyTimeoutMilliseconds) { break }
                    usleep(10_000)
                }
            } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
            pages = Int(sqlite3_backup_pagecount(backup))
            let finish = sqlite3_backup_finish(backup)
            guard rc == SQLITE_DONE, finish == SQLITE_OK else {
                throw StoreError.backupFailed("the backup failed: " + String(cString: sqlite3_errstr(rc == SQLITE_DONE ? finish : rc)))
            }
            let passes = try target.withStatement(Self.quickCheck) { try $0.step() && $0.text(0) == "ok" }
            guard passes else { throw StoreError.backupFailed("the copy does not pass PRAGMA quick_check") }
            // Fold the copy's WAL into the file, so the backup is one self-contained file (no statement may be active).
            try target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let version = try Store.open(path: temporary, migrate: false).readDataVersion()
        try syncFile(temporary)
        guard rename(temporary, destination) == 0 else {
            throw StoreError.backupFailed("cannot rename the copy to \(destination): errno \(errno)")
        }
        done = true
        unlink(temporary + "-wal")
        unlink(temporary + "-shm")
        return Result(pages: pages, dataVersion: version)
    }

    private static let quickCheck = SQL("PRAGMA quick_check")

    private static func syncFile(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw StoreError.backupFailed("cannot open \(path) to sync it") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw StoreError.backupFailed("fsync of \(path) failed: errno \(errno)") }
    }
}
