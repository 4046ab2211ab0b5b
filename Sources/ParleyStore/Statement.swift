import CSQLite

/// A prepared statement. Kept and reused by its `Database`; reset (and its bindings cleared)
/// after every use by `Database.withStatement`.
public final class Statement {
    let handle: OpaquePointer
    public let sql: String

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: binding (1-based, as SQLite numbers parameters)

    public func bind(_ index: Int32, _ value: String?) throws {
        guard var value else { return try check(sqlite3_bind_null(handle, index)) }
        let rc = value.withUTF8 { utf8 -> Int32 in
            // An empty buffer may have no base address, which SQLite would bind as NULL.
            guard let base = utf8.baseAddress, utf8.count > 0 else {
                return sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
            }
            return sqlite3_bind_text(handle, index, base, Int32(utf8.count), csqlite_transient())
        }
        try check(rc)
    }

    /// Binds UTF-8 text given as bytes (built by the caller, such as a page's ids as a JSON array).
    public func bind(_ index: Int32, utf8 bytes: [UInt8]) throws {
        let rc = bytes.withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
            }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                sqlite3_bind_text(handle, index, $0, Int32(buffer.count), csqlite_transient())
            }
        }
        try check(rc)
    }

    public func bind(_ index: Int32, _ value: Int?) throws {
        guard let value else { return try check(sqlite3_bind_null(handle, index)) }
        try check(sqlite3_bind_int64(handle, index, Int64(value)))
    }

    /// The largest parameter number the statement uses.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    // MARK: stepping

    /// Advances to the next row: true when a row is available, false when done.
    public func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw error(rc)
        }
    }

    /// Runs the statement to completion, ignoring rows.
    public func run() throws {
        while try step() {}
    }

    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Runs `body` with the statement and leaves it reset with its bindings cleared, whatever happens.
    public func using<T>(_ body: (Statement) throws -> T) rethrows -> T {
        defer { reset() }
        return try body(self)
    }

    // MARK: columns (0-based)

    public func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    public func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    public func optionalInt(_ column: Int32) -> Int? {
        isNull(column) ? nil : int(column)
    }

    /// The column as text; NULL reads as the empty string.
    public func text(_ column: Int32) -> String {
        optionalText(column) ?? ""
    }

    public func optionalText(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The column's text as bytes, copied once (a stored body, served as it is); NULL reads as empty.
    public func utf8(_ column: Int32) -> [UInt8] {
        guard let pointer = sqlite3_column_text(handle, column) else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column))))
    }

    /// The operations SQLite's program for this statement ran since the last call (`SQLITE_STMTSTATUS_VM_STEP`, then
    /// reset): deterministic, so a test can compare what two statements read without timing them.
    public func takeVirtualMachineSteps() -> Int {
        Int(sqlite3_stmt_status(handle, SQLITE_STMTSTATUS_VM_STEP, 1))
    }

    public func bool(_ column: Int32) -> Bool {
        sqlite3_column_int64(handle, column) != 0
    }

    // MARK: errors

    private func check(_ rc: Int32) throws {
        if rc != SQLITE_OK { throw error(rc) }
    }

    private func error(_ rc: Int32) -> StoreError {
        let message = sqlite3_db_handle(handle).map { String(cString: sqlite3_errmsg($0)) } ?? "unknown error"
        // Extended codes are on; the primary code is the low byte.
        if rc & 0xFF == SQLITE_BUSY || rc & 0xFF == SQLITE_LOCKED { return .busy(message: message) }
        return .sqlite(code: rc, message: message, sql: sql)
    }
}
