import CSQLite

/// One SQLite connection, used by one thread only (each loop thread opens its own), which is why
/// it is opened without SQLite's per-connection mutex and is not Sendable.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    @exclusivity(unchecked) private var statements: [ObjectIdentifier: Statement] = [:]  // see EventLoop (exclusivity)
    /// Statements built per request shape (lists), by their text.
    @exclusivity(unchecked) private var shapedStatements: [String: Statement] = [:]
    /// Shapes are finite (filters present × cursor × length classes), but a bound keeps memory bounded whatever.
    static let maximumShapedStatements = 512

    /// SQLite's page cache per connection, set on purpose: each loop thread has a connection, so serving costs
    /// `--workers` times this at most, whatever the size of the database (the OS page cache holds the rest).
    public static let cacheKiB = 8 * 1024
    /// The page cache of a bulk load (`parley import`): a one-off process, where a large cache saves re-reading
    /// the pages the index builds sort through.
    public static let bulkLoadCacheKiB = 512 * 1024
    /// The page cache while a bulk load builds its indexes, which is also how much of an index SQLite's sorter sorts
    /// in one run: with the bulk load's 512 MB an index of a million meetings' quotes is one run, sorted on one thread.
    /// In small runs `bulkLoadSortThreads` sort them while the loading thread reads the table, then merge them; the
    /// table's pages are read once, in order, and need no cache. Measured on the quotes' indexes (a million meetings:
    /// quotes' and meetings' indexes 80.5 s in one run, 60.4 s in runs of 32 MB; 100,000 meetings: each quotes index
    /// about 0.75 s in runs of 32 MB, one run there, and 0.5 s in runs of 2 MB; four million rows: 5.4–6.0 s against
    /// 4.9–5.3 s).
    public static let indexBuildCacheKiB = 2 * 1024
    /// SQLite's helper threads for the sorts of a bulk load (`PRAGMA threads`; none otherwise).
    public static let bulkLoadSortThreads = 2

    /// How long a statement waits for another connection's lock before failing with `.busy`.
    public static let busyTimeoutMilliseconds: Int32 = 5000

    /// Library-wide settings, applied once before the first connection opens.
    private static let configured: Bool = {
        _ = csqlite_disable_memory_statistics()
        return true
    }()

    /// How a connection opens its file. Only `create` makes a new database; the others refuse a missing file, so a
    /// mistyped path is an error rather than a new, empty database.
    public enum OpenMode: Sendable, Equatable {
        /// Read-write, creating the file when it is missing (`parley serve`, `parley migrate`).
        case create
        /// Read-write; the file must exist.
        case existing
        /// Read only; the file must exist. It may sit on a read-only file system or in a directory this process cannot
        /// write: then, when no write-ahead log is pending, it is opened immutable (no `-shm` or locks needed).
        case readOnly
    }

    public let mode: OpenMode
    /// Opened with SQLite's `immutable=1`: nothing can change the file while it is open, so its data version is fixed.
    public let isImmutable: Bool

    public init(path: String, mode: OpenMode = .create) throws {
        _ = Self.configured
        try DatabaseFile.check(path, mode: mode)
        var immutable = false
        var connection = try Self.connect(path, mode: mode, immutable: false)
        if mode == .readOnly {
            // A read-only connection still needs the WAL index (`-shm`) beside the file; where it cannot be created
            // (SQLITE_READONLY_DIRECTORY and kin), a file with no pending log is read as the immutable file it is.
            let code = Self.probeCode(connection)
            if code != SQLITE_OK {
                guard DatabaseFile.needsIndexBeside(code) else {
                    defer { sqlite3_close_v2(connection) }
                    throw StoreError.cannotOpen(path: path, reason: DatabaseFile.reason(code: code, message: String(cString: sqlite3_errmsg(connection)),
                                                                                        errno: sqlite3_system_errno(connection), path: path))
                }
                sqlite3_close_v2(connection)
                guard DatabaseFile.hasNoPendingLog(path) else {
                    throw StoreError.cannotOpen(path: path, reason: DatabaseFile.pendingLogReason(path))
                }
                connection = try Self.connect(path, mode: mode, immutable: true)
                immutable = true
                do {
                    try Self.probe(connection, path: path)
                } catch {
                    sqlite3_close_v2(connection)
                    throw error
                }
            }
        }
        handle = connection
        self.path = path
        self.mode = mode
        isImmutable = immutable
        sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds)
        do {
            try execute("PRAGMA foreign_keys = ON")
            try execute("PRAGMA cache_size = -\(Self.cacheKiB)")
            if mode != .readOnly {
                // WAL: readers never block the writer nor each other. synchronous=FULL: a commit is on disk (the WAL
                // fsynced) before it returns, so an acknowledged write survives a crash or a power cut.
                try execute("PRAGMA journal_mode = WAL")
                try execute("PRAGMA synchronous = FULL")
            }
        } catch let error as StoreError {
            // The first statement is where SQLite finds out what the file is (error 26: not a database).
            throw DatabaseFile.openFailure(path, error, handle: handle)
        }
    }

    private static func connect(_ path: String, mode: OpenMode, immutable: Bool) throws -> OpaquePointer {
        var connection: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .existing: flags |= SQLITE_OPEN_READWRITE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        let name = immutable ? DatabaseFile.immutableURI(path) : path
        if immutable { flags |= SQLITE_OPEN_URI }
        let rc = sqlite3_open_v2(name, &connection, flags, nil)
        guard rc == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            let systemError = connection.map { sqlite3_system_errno($0) } ?? 0
            sqlite3_close_v2(connection)
            throw StoreError.cannotOpen(path: path, reason: DatabaseFile.reason(code: rc, message: message, errno: systemError, path: path))
        }
        // Before the first statement, so the probe waits out a lock held a moment (a recovery) instead of failing.
        sqlite3_busy_timeout(connection, Self.busyTimeoutMilliseconds)
        return connection
    }

    /// Reads the schema, which is when SQLite first touches the file (and, in WAL mode, its index); SQLite's result.
    private static func probeCode(_ connection: OpaquePointer) -> Int32 {
        sqlite3_exec(connection, "SELECT count(*) FROM sqlite_master", nil, nil, nil)
    }

    private static func probe(_ connection: OpaquePointer, path: String) throws {
        guard probeCode(connection) == SQLITE_OK else {
            throw StoreError.cannotOpen(path: path, reason: DatabaseFile.reason(code: sqlite3_extended_errcode(connection),
                                                                                message: String(cString: sqlite3_errmsg(connection)),
                                                                                errno: sqlite3_system_errno(connection), path: path))
        }
    }

    deinit {
        statements.removeAll()  // finalize before closing
        shapedStatements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Whether the schema has a table (or virtual table) of this name: derived data rebuilt by every migration exists
    /// only from the migration that made it.
    func hasTable(_ name: String) throws -> Bool {
        let statement = try prepare("SELECT 1 FROM sqlite_master WHERE name = ?1")
        try statement.bind(1, name)
        return try statement.using { try $0.step() }
    }

    /// False too when there is no such table.
    func hasColumn(_ column: String, in table: String) throws -> Bool {
        let statement = try prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2")
        try statement.bind(1, table)
        try statement.bind(2, column)
        return try statement.using { try $0.step() }
    }

    /// Runs one or more statements that return no rows we need (schema, migrations, pragmas).
    public func execute(_ sql: String) throws {
        endHeldRead()
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard rc == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorMessage)
            if rc & 0xFF == SQLITE_BUSY || rc & 0xFF == SQLITE_LOCKED { throw StoreError.busy(message: message) }
            throw StoreError.sqlite(code: rc, message: message, sql: sql)
        }
    }

    /// The prepared statement for `sql`, prepared on first use and kept for the connection's life.
    public func statement(_ sql: SQL) throws -> Statement {
        endHeldRead()
        if let cached = statements[ObjectIdentifier(sql)] { return cached }
        let statement = try prepare(sql.text)
        statements[ObjectIdentifier(sql)] = statement
        return statement
    }

    /// Uses a cached statement and leaves it reset with its bindings cleared, whatever happens.
    public func withStatement<T>(_ sql: SQL, _ body: (Statement) throws -> T) throws -> T {
        try statement(sql).using(body)
    }

    /// Uses a statement cached by its text (one per list shape), reset after use like `withStatement(_:_:)`.
    public func withStatement<T>(text: String, _ body: (Statement) throws -> T) throws -> T {
        try shapedStatement(text: text).using(body)
    }

    /// The statement for `text`, prepared on first use and cached by its text (use it with `Statement.using`).
    public func shapedStatement(text: String) throws -> Statement {
        endHeldRead()
        if let cached = shapedStatements[text] { return cached }
        let statement = try prepare(text)
        if shapedStatements.count >= Self.maximumShapedStatements { shapedStatements.removeAll() }
        shapedStatements[text] = statement
        return statement
    }

    /// Sets the journal mode (`PRAGMA journal_mode`, outside any transaction) and returns the mode in force after it:
    /// SQLite keeps the old one when it cannot change (leaving WAL while another connection has the file open).
    public func setJournalMode(_ mode: String) throws -> String {
        let statement = try prepare("PRAGMA journal_mode = \(mode)")
        defer { statement.reset() }
        do {
            return try statement.step() ? statement.text(0).lowercased() : ""
        } catch StoreError.busy {
            return "wal"
        }
    }

    /// When set, every statement prepared on this connection is appended (the query-plan test reads it).
    public var preparedSQLLog: [String]?

    /// Prepares a statement that is not cached (one-off statements such as migrations' bookkeeping).
    public func prepare(_ sql: String) throws -> Statement {
        endHeldRead()
        preparedSQLLog?.append(sql)
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw StoreError.sqlite(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
        }
        return Statement(handle: statement, sql: sql)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// `immediate` takes the write lock up front, so two writers queue instead of deadlocking.
    public func transaction<T>(immediate: Bool = false, _ body: () throws -> T) throws -> T {
        // Cached statements: a read transaction per request should not re-parse BEGIN and COMMIT.
        try withStatement(immediate ? Self.beginImmediate : Self.begin) { try $0.run() }
        do {
            let result = try body()
            try withStatement(Self.commit) { try $0.run() }
            return result
        } catch {
            if isInTransaction { try? withStatement(Self.rollback) { try $0.run() } }
            throw error
        }
    }

    private static let begin = SQL("BEGIN")
    private static let beginImmediate = SQL("BEGIN IMMEDIATE")
    private static let commit = SQL("COMMIT")
    private static let rollback = SQL("ROLLBACK")

    /// True while a read is held too (`holdsRead`): `Store` ends a held read it cannot use before it asks.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    // MARK: A read held for the next

    /// A read transaction `Store.read` left open for the next read, which may use it (the store checks that nothing was
    /// committed since it began). Any statement on the connection outside such a read ends it first (`execute`,
    /// `statement`, `shapedStatement`, `prepare`, and so every transaction): only a read that checked the snapshot runs
    /// in it.
    /// Both flags are read before every statement, so unchecked (see EventLoop, exclusivity): checked, they cost 994
    /// instructions more per uncached request and 243 per cache hit (`Benchmarks/costs.sh`).
    @exclusivity(unchecked) private(set) var holdsRead = false
    /// Set while a read's body runs in the held transaction (or in the one it begins to hold): its statements keep it.
    @exclusivity(unchecked) var inHeldRead = false

    /// Begins a read transaction to be held after the read (`holdsRead`).
    func beginHeldRead() throws {
        try withStatement(Self.begin) { try $0.run() }
        holdsRead = true
    }

    /// Ends the held read transaction, if there is one and no read is running in it.
    func endHeldRead() {
        guard holdsRead, !inHeldRead else { return }
        holdsRead = false
        // A read transaction ends the same either way; COMMIT fails only with a write pending, which a read has not.
        if (try? withStatement(Self.commit) { try $0.run() }) == nil { try? withStatement(Self.rollback) { try $0.run() } }
    }

    /// Frees the page cache's unused pages (after a migration or a render at start, whose pages the loops never read).
    public func releaseMemory() {
        sqlite3_db_release_memory(handle)
    }

    /// Runs `body` waiting up to `milliseconds` for another connection's lock, then restores the usual wait.
    public func waitingForLocks<T>(milliseconds: Int32, _ body: () throws -> T) rethrows -> T {
        sqlite3_busy_timeout(handle, milliseconds)
        defer { sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds) }
        return try body()
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// The rowid of the last row this connection inserted.
    public var lastInsertRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }
}
