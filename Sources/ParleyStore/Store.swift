/// Parley's data, read through one connection. Each loop thread opens its own `Store`, so nothing here
/// is shared between threads; statements are prepared once per connection and reused.
public final class Store {
    public let database: Database
    /// The newest migration applied to the database (equal to `Migration.latestVersion` once open).
    public let schemaVersion: Int

    private var lastPragmaDataVersion = Int.min
    private var cachedDataVersion = 0
    private let walChanges: WALChangeCounter
    private var seenWALChange: UInt32?
    /// The meetings' length classes at a data version (see `spanClasses`).
    var cachedSpanClasses: (version: Int, classes: [Int])?
    /// Inside `bulkLoad`: creates leave the search index to be rebuilt once at the end.
    public internal(set) var isBulkLoading = false

    init(database: Database, schemaVersion: Int) {
        self.database = database
        self.schemaVersion = schemaVersion
        walChanges = WALChangeCounter(databasePath: database.path)
    }

    /// Opens (creating when missing) the database at `path`. With `migrate`, pending migrations are applied
    /// first; without it, a database that is not fully migrated is refused. A database migrated by a newer
    /// binary is always refused (`StoreError.databaseNewerThanBinary`).
    public static func open(path: String, migrate: Bool = true,
                            migrations: [Migration] = Migration.all) throws -> Store {
        let database = try Database(path: path)
        let migrator = Migrator(database: database, migrations: migrations)
        if migrate {
            try migrator.migrate(afterEach: { try SearchIndex.rebuild(in: $0) })
        } else {
            try migrator.checkCompatible()
        }
        let applied = try migrator.appliedVersions().last ?? 0
        if applied < migrator.latestVersion {
            throw StoreError.databaseNotMigrated(found: applied, known: migrator.latestVersion)
        }
        return Store(database: database, schemaVersion: applied)
    }

    /// Applies pending migrations to the database at `path` and returns them (for `parley migrate`).
    @discardableResult
    public static func migrate(path: String, migrations: [Migration] = Migration.all) throws -> [Migration] {
        let database = try Database(path: path)
        return try Migrator(database: database, migrations: migrations)
            .migrate(afterEach: { try SearchIndex.rebuild(in: $0) })
    }

    // MARK: data version

    private static let pragmaDataVersion = SQL("PRAGMA data_version")
    private static let latestChange = SQL("SELECT coalesce(max(seq), 0) FROM changes")

    /// The data version: the newest `changes.seq`. ETags and the response cache key on it, so every write
    /// (which appends a change) invalidates them. Called per request, so the common case costs no system
    /// call: while the WAL index's change counter has not moved, nothing was committed by any connection of
    /// any process, and the version is the one last read. Otherwise SQLite's `data_version` (fcntl locks and
    /// an fstat) tells whether another connection committed, and only then is `changes` read again.
    public func dataVersion() throws -> Int {
        let change = walChanges.current()
        if let change, change == seenWALChange, lastPragmaDataVersion != Int.min { return cachedDataVersion }
        let pragma = try database.withStatement(Self.pragmaDataVersion) { try $0.step() ? $0.int(0) : 0 }
        if pragma != lastPragmaDataVersion {
            cachedDataVersion = try readDataVersion()
            lastPragmaDataVersion = pragma
        }
        seenWALChange = change
        return cachedDataVersion
    }

    /// The data version read from `changes` now; inside `read` it is the version of that snapshot.
    public func readDataVersion() throws -> Int {
        try database.withStatement(Self.latestChange) { try $0.step() ? $0.int(0) : 0 }
    }

    /// Call after this connection writes: `data_version` only reports other connections' commits.
    public func noteLocalWrite() {
        lastPragmaDataVersion = Int.min
    }

    /// Runs `body` in one read transaction, so every query in it sees the same snapshot.
    public func read<T>(_ body: () throws -> T) throws -> T {
        if database.isInTransaction { return try body() }
        return try database.transaction(body)
    }
}
