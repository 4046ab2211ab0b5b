import CSQLite

/// A value as SQLite stores it, the unit a changeset carries.
public enum StoredValue: Sendable, Equatable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case null

    init(_ value: OpaquePointer) {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: self = .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: self = .real(sqlite3_value_double(value))
        case SQLITE_TEXT:
            let count = Int(sqlite3_value_bytes(value))
            self = .text(sqlite3_value_text(value).map { String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self) } ?? "")
        case SQLITE_BLOB:
            let count = Int(sqlite3_value_bytes(value))
            self = .blob(sqlite3_value_blob(value).map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? [])
        default: self = .null
        }
    }
}

/// One row a changeset inserts, updates or deletes. Values are indexed by the table's stored columns; in an update,
/// `old` holds the primary key (and the old value of each changed column) and `new` each changed column, nil for
/// columns the update left alone.
public struct RowChange: Sendable, Equatable {
    public enum Operation: Sendable { case insert, update, delete }
    public let table: String
    public let operation: Operation
    public let isPrimaryKey: [Bool]
    public let old: [StoredValue?]
    public let new: [StoredValue?]
}

/// The rows a write transaction changed, in SQLite's changeset format (the session extension): what the cluster
/// stores in its log and every node applies.
public enum Changeset {
    /// The changes in `bytes`, in the changeset's order (table by table, in the order each was first written).
    public static func rows(_ bytes: [UInt8]) throws -> [RowChange] {
        guard !bytes.isEmpty else { return [] }
        var bytes = bytes
        return try bytes.withUnsafeMutableBytes { buffer throws -> [RowChange] in
            var iterator: OpaquePointer?
            try check(sqlite3changeset_start(&iterator, Int32(buffer.count), buffer.baseAddress), "read a changeset")
            defer { sqlite3changeset_finalize(iterator) }
            var changes: [RowChange] = []
            while sqlite3changeset_next(iterator) == SQLITE_ROW {
                var tableName: UnsafePointer<CChar>?
                var columnCount: Int32 = 0
                var operation: Int32 = 0
                var indirect: Int32 = 0
                try check(sqlite3changeset_op(iterator, &tableName, &columnCount, &operation, &indirect), "read a change")
                var keyFlags: UnsafeMutablePointer<UInt8>?
                var keyColumns: Int32 = 0
                try check(sqlite3changeset_pk(iterator, &keyFlags, &keyColumns), "read a change's key")
                let isPrimaryKey = (0..<Int(columnCount)).map { column in keyFlags.map { $0[column] != 0 } ?? false }
                func values(_ read: (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>) -> Int32) -> [StoredValue?] {
                    (0..<columnCount).map { column in
                        var value: OpaquePointer?
                        guard read(iterator, column, &value) == SQLITE_OK, let value else { return nil }
                        return StoredValue(value)
                    }
                }
                let kind: RowChange.Operation
                switch operation {
                case SQLITE_INSERT: kind = .insert
                case SQLITE_DELETE: kind = .delete
                default: kind = .update
                }
                changes.append(RowChange(table: tableName.map { String(cString: $0) } ?? "", operation: kind,
                                         isPrimaryKey: isPrimaryKey,
                                         old: kind == .insert ? [] : values { sqlite3changeset_old($0, $1, $2) },
                                         new: kind == .delete ? [] : values { sqlite3changeset_new($0, $1, $2) }))
            }
            return changes
        }
    }

    static func check(_ rc: Int32, _ what: String) throws {
        guard rc == SQLITE_OK else { throw StoreError.replication("cannot \(what): SQLite error \(rc)") }
    }
}
