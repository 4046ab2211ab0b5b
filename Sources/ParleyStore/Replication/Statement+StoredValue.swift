import CSQLite

/// Binding and reading any stored value, for copying rows between a replica and the cluster as they are.
extension Statement {
    public func bind(_ index: Int32, blob: [UInt8]) throws {
        let rc = blob.withUnsafeBytes { bytes in
            // A zero-length blob, not NULL: an empty buffer may have no base address.
            sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), csqlite_transient())
        }
        try checkBinding(rc)
    }

    public func bind(_ index: Int32, _ value: StoredValue) throws {
        switch value {
        case let .integer(integer): try checkBinding(sqlite3_bind_int64(handle, index, integer))
        case let .real(real): try checkBinding(sqlite3_bind_double(handle, index, real))
        case let .text(text): try bind(index, text)
        case let .blob(blob): try bind(index, blob: blob)
        case .null: try checkBinding(sqlite3_bind_null(handle, index))
        }
    }

    /// The column with its own type, as SQLite stores it.
    public func value(_ column: Int32) -> StoredValue {
        sqlite3_column_value(handle, column).map(StoredValue.init) ?? .null
    }

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    private func checkBinding(_ rc: Int32) throws {
        guard rc != SQLITE_OK else { return }
        let message = sqlite3_db_handle(handle).map { String(cString: sqlite3_errmsg($0)) } ?? "cannot bind"
        throw StoreError.sqlite(code: rc, message: message, sql: sql)
    }
}
