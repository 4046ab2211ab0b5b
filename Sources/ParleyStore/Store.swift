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
    @exclusivity(unchecked) var cachedSpanClasses: (version: Int, classes: [SpanClass])?  // see EventLoop (exclusivity)
    /// The plans of list shapes met so far, with their statements (see `ListShape`).
    var listPlans: [ListShape: ShapedListPlan] = [:]
    /// Inside `read`: the snapshot's data version once read, so a request reads `changes` once.
    private var snapshotDataVersion: Int?
    private var isReading = false
    /// Whether a read leaves its transaction open for the next one (`Database.holdsRead`). The server's loops set it and
    /// end the held read at the end of every turn (`endHeldRead`), so a snapshot never outlives the turn's requests and
    /// never stands between a checkpoint and an idle loop. Under `wrk -c64` a turn serves about 30 requests: the fcntl
    /// calls of the read locks on the WAL index fell from about one a request to one in 380, and BEGIN and COMMIT with them.
    @exclusivity(unchecked) public var holdsReadsForTheTurn = false
    /// The held read's snapshot: the WAL index's change counter it was named by, and its data version. While the counter
    /// has not moved, nothing was committed since it began, so it is the snapshot a new BEGIN would take.
    @exclusivity(unchecked) private var heldSnapshot: (change: UInt32, dataVersion: Int)?  // as `Database.holdsRead`
    /// Inside `bulkLoad`: creates leave the search index to be rebuilt once at the end.
    public internal(set) var isBulkLoading = false
    /// Set when this file is a replica of a cluster (issue 11): writes are committed there first (`Store+Replica`).
    public var replication: (any WriteReplication)?
    var replicatedTableShapes: [String: TableShape]?
    /// The API's encoder of stored bodies (`StoredBodies`); without one, writes leave the bodies they made stale queued.
    public internal(set) var bodyRenderer: (any BodyRenderer)?
    var knownReplicaFile: Bool?

    init(database: Database, schemaVersion: Int) {
        self.database = database
        self.schemaVersion = schemaVersion
        walChanges = WALChangeCounter(database: database)
    }

    /// Opens the database at `path`. `mode` says whether a missing file is created (`.create`: only `parley serve` and
    /// `parley migrate` do that), must exist (`.existing`) or is only read (`.readOnly`, never written, not even to
    /// migrate). With `migrate`, pending migrations are applied first; without it (and always read-only), a database
    /// that is not fully migrated is refused. A database migrated by a newer binary is always refused
    /// (`StoreError.databaseNewerThanBinary`), and an SQLite file that is not Parley's is not touched. With `bodies`,
    /// the store keeps meetings' stored bodies current (`StoredBodies`), rendering what is missing or stale on opening.
    public static func open(path: String, mode: Database.OpenMode = .create, migrate: Bool = true,
                            migrations: [Migration] = Migration.all, bodies: (any BodyRenderer)? = nil) throws -> Store {
        let database = try Database(path: path, mode: mode)
        try checkIsParley(database)
        let migrator = Migrator(database: database, migrations: migrations)
        if migrate && mode != .readOnly {
            try migrator.migrate(afterEach: { try DerivedData.rebuild(in: $0) })
        } else {
            try migrator.checkCompatible()
        }
        let applied = try migrator.appliedVersions().last ?? 0
        if applied < migrator.latestVersion {
            throw StoreError.databaseNotMigrated(found: applied, known: migrator.latestVersion)
        }
        let store = Store(database: database, schemaVersion: applied)
        store.bodyRenderer = bodies
        if migrate && applied >= StoredBodies.firstVersion { try store.refreshBodies() }
        return store
    }

    /// Applies pending migrations to the database at `path`, creating it when missing, and returns them
    /// (for `parley migrate`).
    @discardableResult
    public static func migrate(path: String, migrations: [Migration] = Migration.all,
                               bodies: (any BodyRenderer)? = nil) throws -> [Migration] {
        let database = try Database(path: path)
        try checkIsParley(database)
        let migrator = Migrator(database: database, migrations: migrations)
        let applied = try migrator.migrate(afterEach: { try DerivedData.rebuild(in: $0) })
        let version = try migrator.appliedVersions().last ?? 0
        if let bodies, version >= StoredBodies.firstVersion {
            let store = Store(database: database, schemaVersion: version)
            store.bodyRenderer = bodies
            try store.refreshBodies()
        }
        return applied
    }

    /// Checks that `path` is an existing Parley database without writing to it (for `parley backup`, which only reads).
    public static func checkExisting(path: String) throws {
        try checkIsParley(Database(path: path, mode: .readOnly))
    }

    /// Refuses an SQLite database that holds tables but no `schema_migrations`: another program's, never to be
    /// migrated into. With a mode that does not create, a database without any table is refused too.
    static func checkIsParley(_ database: Database) throws {
        let statement = try database.prepare("""
            SELECT count(*), count(*) FILTER (WHERE name = 'schema_migrations') FROM sqlite_master WHERE type = 'table'
            """)
        guard try statement.step() else { return }
        let (tables, bookkeeping) = (statement.int(0), statement.int(1))
        if bookkeeping == 0 && tables > 0 {
            throw StoreError.cannotOpen(path: database.path, reason: "not a Parley database: an SQLite database with \(tables) other table(s) and no schema_migrations")
        }
        if tables == 0 && database.mode != .create {
            throw StoreError.cannotOpen(path: database.path, reason: "not a Parley database: an SQLite database with no tables")
        }
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
        if let version = heldSnapshotVersion() { return version }
        // Inside a transaction SQLite answers from its snapshot, not from now, and the fields below are of now: the last
        // counter seen and the version read with it (`beginSnapshot` relies on the pair).
        if database.isInTransaction { return try readDataVersion() }
        // An immutable file (a read-only copy) never changes: the version read once is the version.
        if database.isImmutable && lastPragmaDataVersion != Int.min { return cachedDataVersion }
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

    /// The data version read from `changes` now; inside `read` it is the version of that snapshot (read once).
    public func readDataVersion() throws -> Int {
        if isReading, let snapshotDataVersion { return snapshotDataVersion }
        let version = try database.withStatement(Self.latestChange) { try $0.step() ? $0.int(0) : 0 }
        if isReading { snapshotDataVersion = version }
        return version
    }

    /// Call after this connection writes: `data_version` only reports other connections' commits.
    public func noteLocalWrite() {
        lastPragmaDataVersion = Int.min
    }

    /// Runs `body` in one read transaction, so every query in it sees the same snapshot: the held one while it is
    /// still now's (`holdsReadsForTheTurn`), else a new one.
    public func read<T>(_ body: () throws -> T) throws -> T {
        let held = heldSnapshotVersion()
        if held == nil && database.isInTransaction { return try body() }  // inside a write, or inside this read
        isReading = true
        snapshotDataVersion = held
        defer {
            isReading = false
            snapshotDataVersion = nil
        }
        if held == nil && !holdsReadsForTheTurn {
            return try database.transaction {
                _ = try beginSnapshot()
                return try body()
            }
        }
        if held == nil { try database.beginHeldRead() }
        database.inHeldRead = true
        let result: T
        do {
            defer { database.inHeldRead = false }
            if held == nil { heldSnapshot = try beginSnapshot() }
            result = try body()
        } catch {
            endHeldRead()
            throw error
        }
        // Kept only when the counter named its version: a later read can then check it by the counter alone.
        if heldSnapshot == nil { endHeldRead() }
        return result
    }

    /// Ends the read held for the turn, if any (the server's loops call it at the end of every turn).
    public func endHeldRead() {
        heldSnapshot = nil
        database.endHeldRead()
    }

    /// The held read's data version while its snapshot is still now's; otherwise it ends the held read (nil). A write
    /// on this connection needs no check here: its first statement ended the held read (`Database.endHeldRead`).
    private func heldSnapshotVersion() -> Int? {
        guard database.holdsRead, !database.inHeldRead else { return nil }
        if let heldSnapshot, walChanges.current() == heldSnapshot.change { return heldSnapshot.dataVersion }
        endHeldRead()
        return nil
    }

    private static let snapshotOpener = SQL("PRAGMA schema_version")

    /// Begins the read's snapshot and names its data version without reading `changes`, when it can. Reading the schema
    /// cookie from the file's header takes the snapshot, as any read does, and reads no table. If the WAL
    /// index's change counter, read after that, is still the one `dataVersion()` last saw, nothing was committed since
    /// it read the version, so the snapshot is that version's. Otherwise `readDataVersion` reads it from `changes`, in
    /// the snapshot. The max of `changes` is a statement of its own, about 2,000 instructions more than this one. Returns
    /// the counter and the version when the counter named the snapshot.
    private func beginSnapshot() throws -> (change: UInt32, dataVersion: Int)? {
        guard let seen = seenWALChange, lastPragmaDataVersion != Int.min else { return nil }
        try database.withStatement(Self.snapshotOpener) { try $0.run() }
        guard walChanges.current() == seen else { return nil }
        snapshotDataVersion = cachedDataVersion
        return (seen, cachedDataVersion)
    }
}
