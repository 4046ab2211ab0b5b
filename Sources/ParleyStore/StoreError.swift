/// Everything the store can fail with. The API maps these to HTTP statuses; nothing here knows about HTTP.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened; `reason` names the cause ("no such directory: …", "permission denied: …",
    /// "not a Parley database: …").
    case cannotOpen(path: String, reason: String)
    /// SQLite refused a statement. `sql` is the fixed statement text, never user input.
    case sqlite(code: Int32, message: String, sql: String)
    /// Another connection held a lock longer than the busy timeout.
    case busy(message: String)
    /// A migration's SQL failed; its transaction was rolled back.
    case migrationFailed(version: Int, name: String, message: String)
    /// The database was migrated by a newer binary: refuse rather than misread it.
    case databaseNewerThanBinary(found: Int, known: Int)
    /// The database lacks migrations this binary needs and was opened without migrating.
    case databaseNotMigrated(found: Int, known: Int)
    /// The applied migrations do not match the binary's (a gap, or a renamed migration).
    case migrationHistoryMismatch(String)
    /// User search text that cannot become a search (no letters or digits, too long).
    case invalidSearch(String)
    /// A record cannot be deleted while these records refer to it.
    case stillReferenced([RecordReference])
    /// A token name that is taken, reserved or not a name; an unknown token name.
    case invalidToken(String)
    /// `parley import` refused the file or the database (not empty, not an export, …).
    case importRefused(String)
    /// `parley backup` could not copy the database.
    case backupFailed(String)
    /// A cluster write could not be committed: no leader answered within the time allowed (no quorum, or the leader
    /// just died). Nothing of the write was acknowledged; it may be retried.
    case clusterUnavailable(String)
    /// A write to a cluster replica's file outside the cluster (`parley serve` without `--node-address`, `parley token`
    /// without `--cluster`): it would part the file from the cluster for good.
    case replicaWithoutCluster(path: String)
    /// A changeset could not be recorded, read or applied (the replica and the cluster disagree).
    case replication(String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            "cannot open the database \(path): \(reason)"
        case let .sqlite(code, message, sql):
            if let storage = storageFailure { "\(storage) (SQLite error \(code): \(message))" } else { "SQLite error \(code): \(message) in: \(sql.prefix(120))" }
        case let .busy(message):
            "database is busy: \(message)"
        case let .migrationFailed(version, name, message):
            "migration \(version) (\(name)) failed: \(message)"
        case let .databaseNewerThanBinary(found, known):
            "the database is at migration \(found) but this binary knows migrations up to \(known); use a newer parley"
        case let .databaseNotMigrated(found, known):
            "the database is at migration \(found) but this binary needs \(known); run `parley migrate`"
        case let .migrationHistoryMismatch(message):
            "migration history does not match this binary: \(message)"
        case let .invalidSearch(message):
            message
        case let .stillReferenced(references):
            "still referenced by " + references.map(\.description).joined(separator: ", ")
        case let .invalidToken(message), let .importRefused(message), let .backupFailed(message):
            message
        case let .clusterUnavailable(message):
            "the cluster cannot take writes now: \(message)"
        case let .replicaWithoutCluster(path):
            "\(path) is a replica of a Parley cluster: it takes writes only through the cluster (parley serve --node-address …, or --cluster A:P on the commands)"
        case let .replication(message):
            "replication: \(message)"
        }
    }
}

extension StoreError {
    /// SQLITE_FULL: the disk (or the file system's quota) has no room for the write.
    public var isDiskFull: Bool {
        if case let .sqlite(code, _, _) = self { code & 0xFF == 13 } else { false }
    }

    /// When the disk refused a write: full (SQLITE_FULL), or failing to write or to sync it to stable storage
    /// (SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, …). In words naming the cause; nil for any other error. SQLite rolled
    /// the transaction back, so nothing of the write was committed.
    public var storageFailure: String? {
        guard case let .sqlite(code, _, _) = self else { return nil }
        switch code {
        case 13: return "the disk holding the database is full"  // SQLITE_FULL
        case 10 | (4 << 8), 10 | (5 << 8): return "the disk holding the database failed to sync the write (fsync failed)"  // IOERR_FSYNC, _DIR_FSYNC
        case 10 | (3 << 8): return "the disk holding the database failed to write (I/O error)"  // SQLITE_IOERR_WRITE
        case 10 | (6 << 8): return "the disk holding the database failed to resize the file (I/O error)"  // SQLITE_IOERR_TRUNCATE
        default: return code & 0xFF == 10 ? "the disk holding the database failed (I/O error \(code))" : nil
        }
    }
}
