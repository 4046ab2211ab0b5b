/// Applies numbered migrations in order, each in its own transaction, recording each in `schema_migrations`.
///
/// Safe to run from several threads or processes at once: each migration takes the write lock
/// (`BEGIN IMMEDIATE`) and re-reads what is applied inside it, so exactly one connection applies it.
public struct Migrator {
    public let database: Database
    public let migrations: [Migration]

    public init(database: Database, migrations: [Migration] = Migration.all) {
        self.database = database
        self.migrations = migrations
    }

    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// How long a migrator waits for another one's transaction. Requests give up on a lock after 5 s, but a
    /// migration applied by another process (a search index rebuilt over a million records, or the seed on a
    /// loaded machine) may hold it far longer, and failing would only make the caller start again.
    public static let lockWaitMilliseconds: Int32 = 600_000

    /// The versions applied to the database, ascending.
    public func appliedVersions() throws -> [Int] {
        try ensureBookkeeping()
        let statement = try database.prepare("SELECT version FROM schema_migrations ORDER BY version")
        var versions: [Int] = []
        while try statement.step() { versions.append(statement.int(0)) }
        return versions
    }

    /// Refuses databases this binary cannot serve: migrated by a newer binary, or with a history that
    /// does not match (a version applied that the binary does not have).
    public func checkCompatible() throws {
        try checkList()
        let applied = try appliedVersions()
        try check(applied: applied)
    }

    /// Applies every pending migration. `afterEach` runs inside each migration's transaction
    /// (used to rebuild derived data such as the search index atomically with the change).
    /// Returns the migrations applied by this call.
    @discardableResult
    public func migrate(afterEach: (Database) throws -> Void = { _ in }) throws -> [Migration] {
        try database.waitingForLocks(milliseconds: Self.lockWaitMilliseconds) { try migratePending(afterEach: afterEach) }
    }

    private func migratePending(afterEach: (Database) throws -> Void) throws -> [Migration] {
        try checkList()
        let appliedBefore = try appliedVersions()
        try check(applied: appliedBefore)
        var appliedNow: [Migration] = []
        // Only pending migrations take the write lock, so opening an up-to-date database only reads.
        for migration in migrations where !appliedBefore.contains(migration.version) {
            let didApply = try database.transaction(immediate: true) { () -> Bool in
                let applied = try appliedVersions()
                try check(applied: applied)
                if applied.contains(migration.version) { return false }
                // Seeds may insert rows in any order; foreign keys are checked at COMMIT.
                try database.execute("PRAGMA defer_foreign_keys = ON")
                do {
                    try database.execute(migration.sql)
                } catch let error as StoreError {
                    throw StoreError.migrationFailed(version: migration.version, name: migration.name,
                                                     message: Self.message(of: error))
                }
                let record = try database.prepare("""
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    """)
                try record.bind(1, migration.version)
                try record.bind(2, migration.name)
                try record.run()
                try afterEach(database)
                return true
            }
            if didApply {
                appliedNow.append(migration)
                // Each migration rewrites the derived data; checkpointed between them, the WAL holds one migration's
                // pages, not all of them (a new database on a small disk has room to be written to). Passive: it
                // waits for no reader, and a reader only leaves the rest for the next checkpoint.
                try? database.execute("PRAGMA wal_checkpoint(PASSIVE)")
            }
        }
        return appliedNow
    }

    private func ensureBookkeeping() throws {
        try database.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """)
    }

    /// The binary's own list must be numbered 1, 2, 3, … so "applied" is always a prefix of it.
    private func checkList() throws {
        for (index, migration) in migrations.enumerated() where migration.version != index + 1 {
            throw StoreError.migrationHistoryMismatch(
                "this binary's migration \(migration.name) has version \(migration.version), expected \(index + 1)")
        }
    }

    private func check(applied: [Int]) throws {
        if let newest = applied.last, newest > latestVersion {
            throw StoreError.databaseNewerThanBinary(found: newest, known: latestVersion)
        }
        for (index, version) in applied.enumerated() where version != index + 1 {
            throw StoreError.migrationHistoryMismatch("applied versions \(applied) have a gap before \(version)")
        }
    }

    private static func message(of error: StoreError) -> String {
        switch error {
        case let .sqlite(_, message, _): message
        default: error.description
        }
    }
}

extension Migrator {
    /// Opens the database at `path` (creating it) and applies every pending migration, rebuilding the
    /// search index with each. Returns the names of the migrations applied (empty when up to date).
    @discardableResult
    public static func migrate(databasePath: String, bodies: (any BodyRenderer)? = nil) throws -> [String] {
        try Store.migrate(path: databasePath, bodies: bodies).map(\.name)
    }
}
