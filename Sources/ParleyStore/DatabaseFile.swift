import CSQLite
import Glibc

/// What is wrong with a database path, said in words an operator acts on ("no such directory", "permission denied",
/// "not a Parley database") instead of SQLite's codes. `check` looks at the file system before SQLite opens anything,
/// so a missing file is never created by a command that should not create one.
enum DatabaseFile {
    /// The directory holding `path` (where SQLite also keeps the `-wal` and `-shm` files).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    static func check(_ path: String, mode: Database.OpenMode) throws(StoreError) {
        guard !path.isEmpty else { throw StoreError.cannotOpen(path: path, reason: "no file named (the path is empty)") }
        // SQLite's own names (an in-memory database, a URI) are not paths to look at.
        if path == ":memory:" || path.hasPrefix("file:") { return }
        let directory = directory(of: path)
        var info = stat()
        if stat(directory, &info) != 0 {
            let cause = errno
            switch cause {
            case ENOENT, ENOTDIR: throw StoreError.cannotOpen(path: path, reason: "no such directory: \(directory)")
            case EACCES: throw StoreError.cannotOpen(path: path, reason: "permission denied: cannot enter the directory \(directory)")
            default: throw StoreError.cannotOpen(path: path, reason: "cannot reach the directory \(directory): \(describe(cause))")
            }
        }
        guard isDirectory(info) else { throw StoreError.cannotOpen(path: path, reason: "no such directory: \(directory) is not a directory") }

        if stat(path, &info) != 0 {
            let cause = errno
            guard cause == ENOENT else {
                throw StoreError.cannotOpen(path: path, reason: cause == EACCES ? "permission denied: cannot look into the directory \(directory)"
                                                                                : describe(cause))
            }
            guard mode == .create else {
                throw StoreError.cannotOpen(path: path, reason: "no such file: there is no database there (check --database; `parley migrate --database \(path)` or `parley serve` creates one)")
            }
            if access(directory, W_OK) != 0 {
                throw StoreError.cannotOpen(path: path, reason: writeRefusal(errno, "cannot create a file in \(directory)"))
            }
            return
        }
        if isDirectory(info) { throw StoreError.cannotOpen(path: path, reason: "it is a directory, not a database file") }
        if access(path, R_OK) != 0 {
            throw StoreError.cannotOpen(path: path, reason: writeRefusal(errno, "cannot read the file"))
        }
        if mode != .readOnly {
            if access(path, W_OK) != 0 {
                throw StoreError.cannotOpen(path: path, reason: writeRefusal(errno, "cannot write the file") + "; `parley serve --read-only` serves it as it is")
            }
            if access(directory, W_OK) != 0 {
                throw StoreError.cannotOpen(path: path, reason: writeRefusal(errno, "cannot write the directory \(directory), where SQLite keeps the database's -wal and -shm files")
                                            + "; `parley serve --read-only` serves it as it is")
            }
        }
        if info.st_size == 0 {
            // SQLite treats an empty file as a new database: fine to create into, but it holds nothing to use.
            guard mode == .create else { throw StoreError.cannotOpen(path: path, reason: "not a Parley database: the file is empty") }
        }
        // What the file holds is left to SQLite (error 26 becomes "not an SQLite database"): opening and closing the
        // file here would drop every POSIX lock this process's connections hold on it.
    }

    /// True for the errors of a read-only connection that cannot open or create the WAL index beside the file (a
    /// read-only directory or file system): SQLITE_CANTOPEN, SQLITE_READONLY_* and the shared-memory I/O errors.
    static func needsIndexBeside(_ code: Int32) -> Bool {
        switch code & 0xFF {
        case SQLITE_CANTOPEN, SQLITE_READONLY: true
        case SQLITE_IOERR: (18...21).contains(code >> 8)  // SQLITE_IOERR_SHMOPEN, _SHMSIZE, _SHMLOCK, _SHMMAP
        default: false
        }
    }

    /// True when the file has no write-ahead log with changes not yet folded into it, so reading the file alone
    /// (immutable) reads every commit.
    static func hasNoPendingLog(_ path: String) -> Bool {
        var info = stat()
        return stat(path + "-wal", &info) != 0 || info.st_size == 0
    }

    static func pendingLogReason(_ path: String) -> String {
        "its write-ahead log \(path)-wal holds commits not yet in the file, and SQLite cannot read them without creating "
            + "the index \(path)-shm, which the directory \(directory(of: path)) does not allow (read-only). "
            + "Serve a copy made with `parley backup` (one self-contained file), or make the directory writable"
    }

    /// `file:` URI of `path` with `immutable=1`: read-only, no locks, no WAL index.
    static func immutableURI(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("//") { trimmed = trimmed.dropFirst() }  // "file://" would start an authority
        var encoded = ""
        for character in trimmed {
            switch character {
            case "%": encoded += "%25"
            case "?": encoded += "%3F"
            case "#": encoded += "%23"
            default: encoded.append(character)
            }
        }
        return "file:" + encoded + "?mode=ro&immutable=1"
    }

    /// A failure of the first statements on a fresh connection, as a `cannotOpen` naming the cause.
    static func openFailure(_ path: String, _ error: StoreError, handle: OpaquePointer) -> StoreError {
        guard case let .sqlite(code, message, _) = error else { return error }
        return .cannotOpen(path: path, reason: reason(code: code, message: message, errno: sqlite3_system_errno(handle), path: path))
    }

    /// SQLite's result code (extended), its message and the last system error, in words.
    static func reason(code: Int32, message: String, errno cause: Int32, path: String) -> String {
        switch code & 0xFF {
        case SQLITE_NOTADB:
            return "not a Parley database: the file is not an SQLite database"
        case SQLITE_CORRUPT:
            return "the file is damaged (SQLite: \(message)); restore it from a backup"
        case SQLITE_PERM, SQLITE_AUTH:
            return "permission denied"
        case SQLITE_READONLY:
            if code == SQLITE_READONLY | (6 << 8) || code == SQLITE_READONLY | (5 << 8) {  // _DIRECTORY, _CANTINIT
                return "permission denied: cannot write the directory \(directory(of: path)), where SQLite keeps the database's -wal and -shm files"
            }
            return cause != 0 ? writeRefusal(cause, "the file cannot be written") : "permission denied: the file cannot be written"
        case SQLITE_FULL:
            return "the disk is full"
        case SQLITE_CANTOPEN, SQLITE_IOERR:
            switch cause {
            case ENOENT: return "no such file or directory"
            case EACCES, EPERM: return "permission denied"
            case EROFS: return "read-only file system"
            case EISDIR: return "it is a directory, not a database file"
            case ENOSPC: return "the disk is full"
            case 0: return "cannot open it (SQLite: \(message))"
            default: return "\(describe(cause)) (SQLite: \(message))"
            }
        default:
            return "\(message) (SQLite code \(code))"
        }
    }

    private static func writeRefusal(_ cause: Int32, _ what: String) -> String {
        switch cause {
        case EROFS: "read-only file system: \(what)"
        case EPERM: "operation not permitted (an immutable file?): \(what)"
        default: "permission denied: \(what)"
        }
    }

    private static func describe(_ cause: Int32) -> String {
        String(cString: strerror(cause)).lowercased()
    }

    private static func isDirectory(_ info: stat) -> Bool {
        info.st_mode & S_IFMT == S_IFDIR
    }
}
