import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// What replication needs to know of a table: which columns hold values and which make its key.
struct TableShape {
    let name: String
    /// Every column, generated ones included: the count the pre-update hook reports.
    let columnCount: Int32
    /// The stored columns (generated ones are computed by each database, never sent), by column number and name.
    let stored: [Int32]
    let storedNames: [String]
    /// The primary key's columns, in the key's order.
    let key: [Int32]
    let keyNames: [String]
}

/// Records, in order, every row a write transaction inserts, updates or deletes in the replicated tables, through
/// SQLite's pre-update hook on the connection. Installed inside the transaction before the write runs; read (and
/// removed) by `finish()` before COMMIT.
final class ChangeCapture {
    private let database: Database
    private let shapes: [String: TableShape]
    private var changes: [RowChange] = []
    private var failure: String?
    private var installed = false

    init(database: Database, shapes: [String: TableShape]) {
        self.database = database
        self.shapes = shapes
        sqlite3_preupdate_hook(database.handle, { context, connection, operation, schema, table, _, _ in
            guard let context, let connection, let schema, let table else { return }
            Unmanaged<ChangeCapture>.fromOpaque(context).takeUnretainedValue()
                .record(connection, operation, schema: schema, table: table)
        }, Unmanaged.passUnretained(self).toOpaque())
        installed = true
    }

    /// Every change recorded, in order (empty when the write changed nothing replicated).
    func finish() throws -> [RowChange] {
        uninstall()
        if let failure { throw StoreError.replication(failure) }
        return changes
    }

    deinit { uninstall() }

    private func uninstall() {
        guard installed else { return }
        sqlite3_preupdate_hook(database.handle, nil, nil)
        installed = false
    }

    private func record(_ connection: OpaquePointer, _ operation: Int32, schema: UnsafePointer<CChar>, table: UnsafePointer<CChar>) {
        guard strcmp(schema, "main") == 0, let shape = shapes[String(cString: table)] else { return }
        guard sqlite3_preupdate_count(connection) == shape.columnCount else {
            failure = "\(shape.name) has \(sqlite3_preupdate_count(connection)) columns in the write, \(shape.columnCount) in the schema"
            return
        }
        func values(_ columns: [Int32], old: Bool) -> [StoredValue] {
            columns.map { column in
                var value: OpaquePointer?
                let rc = old ? sqlite3_preupdate_old(connection, column, &value) : sqlite3_preupdate_new(connection, column, &value)
                guard rc == SQLITE_OK, let value else {
                    failure = "cannot read column \(column) of a row of \(shape.name): SQLite error \(rc)"
                    return .null
                }
                return StoredValue(value)
            }
        }
        switch operation {
        case SQLITE_INSERT:
            changes.append(RowChange(table: shape.name, operation: .insert, key: [], row: values(shape.stored, old: false)))
        case SQLITE_UPDATE:
            changes.append(RowChange(table: shape.name, operation: .update, key: values(shape.key, old: true),
                                     row: values(shape.stored, old: false)))
        case SQLITE_DELETE:
            changes.append(RowChange(table: shape.name, operation: .delete, key: values(shape.key, old: true), row: []))
        default:
            failure = "an unknown change to \(shape.name)"
        }
    }
}
