import CSQLite

/// Records the rows a write transaction changes in the given tables (SQLite's session extension), so that exactly
/// those rows can be sent to the cluster and applied on every other node. Created inside the transaction, before
/// the write runs; read with `changeset()` before COMMIT.
final class ChangeCapture {
    private let session: OpaquePointer

    init(database: Database, tables: [String]) throws {
        var session: OpaquePointer?
        try Changeset.check(sqlite3session_create(database.handle, "main", &session), "start recording a write")
        guard let session else { throw StoreError.replication("cannot start recording a write") }
        self.session = session
        for table in tables {
            try Changeset.check(sqlite3session_attach(session, table), "record writes to \(table)")
        }
    }

    /// Every row changed since `init`, as one changeset; empty when nothing changed.
    func changeset() throws -> [UInt8] {
        var count: Int32 = 0
        var buffer: UnsafeMutableRawPointer?
        try Changeset.check(sqlite3session_changeset(session, &count, &buffer), "read the write's changes")
        defer { sqlite3_free(buffer) }
        guard let buffer, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: buffer, count: Int(count)))
    }

    deinit {
        sqlite3session_delete(session)
    }
}

extension Database {
    /// Applies a changeset another node recorded. The replica holds what the writer held when it wrote, so a
    /// conflict means only that a cascade got there first (a child row a parent's delete already removed): a row
    /// that is missing is skipped, and a row that differs takes the writer's values, which are the cluster's.
    func apply(changeset: [UInt8]) throws {
        var bytes = changeset
        let rc = bytes.withUnsafeMutableBytes { buffer in
            sqlite3changeset_apply(handle, Int32(buffer.count), buffer.baseAddress, nil, { _, conflict, _ in
                switch conflict {
                case SQLITE_CHANGESET_DATA, SQLITE_CHANGESET_CONFLICT: SQLITE_CHANGESET_REPLACE
                case SQLITE_CHANGESET_NOTFOUND: SQLITE_CHANGESET_OMIT
                default: SQLITE_CHANGESET_ABORT
                }
            }, nil)
        }
        guard rc == SQLITE_OK else {
            throw StoreError.replication("cannot apply a changeset: SQLite error \(rc): \(String(cString: sqlite3_errmsg(handle)))")
        }
    }
}
