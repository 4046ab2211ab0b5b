/// Everything the store can fail with. The API maps these to HTTP statuses; nothing here knows about HTTP.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened (missing directory, permissions, not a database).
    case cannotOpen(path: String, code: Int32, message: String)
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

    public var description: String {
        switch self {
        case let .cannotOpen(path, code, message):
            "cannot open database at \(path): \(message) (SQLite code \(code))"
        case let .sqlite(code, message, sql):
            "SQLite error \(code): \(message) in: \(sql.prefix(120))"
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
        }
    }
}
