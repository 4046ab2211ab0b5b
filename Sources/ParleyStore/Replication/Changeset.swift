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

/// One row a write inserted, updated or deleted: its primary key (before the change) and, for an insert or an update,
/// every stored column after it.
public struct RowChange: Sendable, Equatable {
    public enum Operation: UInt8, Sendable { case insert = 1, update = 2, delete = 3 }
    public let table: String
    public let operation: Operation
    /// The primary key's values, in the key's order (the old ones for an update or a delete).
    public let key: [StoredValue]
    /// The stored columns' values after the change, in the table's order; empty for a delete.
    public let row: [StoredValue]

    public init(table: String, operation: Operation, key: [StoredValue], row: [StoredValue]) {
        self.table = table
        self.operation = operation
        self.key = key
        self.row = row
    }
}

/// The rows a write transaction changed, in the order it changed them: what the cluster keeps in its log and every
/// node applies. Parley's own format, because SQLite's session extension (3.40) refuses tables with generated
/// columns (meetings' `span_class`, quotes' `reading_key`) with SQLITE_SCHEMA:
///
///     changeset := "PLC1" change*
///     change    := text(table) u8(operation: 1 insert, 2 update, 3 delete) u16(n) value*n u16(m) value*m
///     value     := u8(0) | u8(1) i64 | u8(2) f64 | u8(3) text | u8(4) u32(length) bytes      null, integer, real, text, blob
///     text      := u32(length) UTF-8 bytes
///
/// Little-endian. The first list is the key, the second the row. Every length is checked when reading, so a damaged
/// entry is refused, never misread.
public enum Changeset {
    static let magic: [UInt8] = Array("PLC1".utf8)

    public static func encode(_ changes: [RowChange]) -> [UInt8] {
        guard !changes.isEmpty else { return [] }
        var bytes = magic
        for change in changes {
            appendText(change.table, to: &bytes)
            bytes.append(change.operation.rawValue)
            for values in [change.key, change.row] {
                appendInteger(UInt16(values.count), to: &bytes)
                for value in values { append(value, to: &bytes) }
            }
        }
        return bytes
    }

    /// The changes in `bytes`, in the order they were made.
    public static func rows(_ bytes: [UInt8]) throws -> [RowChange] {
        guard !bytes.isEmpty else { return [] }
        var reader = Reader(bytes: bytes)
        guard Array(try reader.take(magic.count)) == magic else { throw malformed("it does not start with PLC1") }
        var changes: [RowChange] = []
        while !reader.isAtEnd {
            let table = try reader.text()
            guard let operation = RowChange.Operation(rawValue: try reader.byte()) else { throw malformed("an unknown operation") }
            let key = try reader.values()
            let row = try reader.values()
            changes.append(RowChange(table: table, operation: operation, key: key, row: row))
        }
        return changes
    }

    private static func append(_ value: StoredValue, to bytes: inout [UInt8]) {
        switch value {
        case .null: bytes.append(0)
        case let .integer(integer): bytes.append(1); appendInteger(UInt64(bitPattern: integer), to: &bytes)
        case let .real(real): bytes.append(2); appendInteger(real.bitPattern, to: &bytes)
        case let .text(text): bytes.append(3); appendText(text, to: &bytes)
        case let .blob(blob): bytes.append(4); appendInteger(UInt32(blob.count), to: &bytes); bytes += blob
        }
    }

    private static func appendText(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = Array(text.utf8)
        appendInteger(UInt32(utf8.count), to: &bytes)
        bytes += utf8
    }

    private static func appendInteger<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    static func malformed(_ what: String) -> StoreError {
        StoreError.replication("a malformed changeset: \(what)")
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var isAtEnd: Bool { offset == bytes.count }

        mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
            guard count >= 0, count <= bytes.count - offset else { throw malformed("it ends inside a value") }
            defer { offset += count }
            return bytes[offset..<offset + count]
        }

        mutating func byte() throws -> UInt8 { try take(1).first ?? 0 }

        mutating func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
            try take(MemoryLayout<T>.size).reversed().reduce(T.zero) { $0 << 8 | T($1) }
        }

        mutating func text() throws -> String {
            let count = Int(try integer(UInt32.self))
            return String(decoding: try take(count), as: UTF8.self)
        }

        mutating func values() throws -> [StoredValue] {
            let count = Int(try integer(UInt16.self))
            return try (0..<count).map { _ in try value() }
        }

        mutating func value() throws -> StoredValue {
            switch try byte() {
            case 0: return .null
            case 1: return .integer(Int64(bitPattern: try integer(UInt64.self)))
            case 2: return .real(Double(bitPattern: try integer(UInt64.self)))
            case 3: return .text(try text())
            case 4: return .blob(Array(try take(Int(try integer(UInt32.self)))))
            default: throw malformed("an unknown value type")
            }
        }
    }
}
