/// How a collection's records are stored, described once: the record's own row (`RecordTable`) and the rows it owns
/// in other tables (`OwnedRows`). The write path's statements are derived from these descriptions (insert, update,
/// delete, name, the owned rows' replacement, the references a delete must not break), and the read path's related
/// rows name the same tables (`PageRelation(_:of:)`). Each collection's description is in `CollectionTables.swift`.

/// A record's own row: its table, the columns a write sets (bound ?1, ?2, … in this order, `id` first), and the
/// column that names the record in messages and inline references. The order is also the read order of a list built
/// from the description (`ListTable(record, …)`): its row decoder and `orderPositions` read columns by position.
struct RecordTable: Sendable {
    let table: String
    let columns: [String]
    /// The column that names a record: a meeting's `title`, a party's `name`; the id where there is none.
    let nameColumn: String
    /// Columns of this row that refer to another collection's record (`quotes.speaker_id` to a person).
    let references: [ReferenceColumn]
    /// An index on (id, name column) where the records other rows name have one (migration 8): a related row's id and
    /// name in one seek, where the primary key's index and then the table are two.
    let nameIndex: String?

    let insert: SQL
    let update: SQL
    let delete: SQL
    let name: SQL
    let allIDs: SQL

    init(_ table: String, columns: [String], nameColumn: String = "id", references: [ReferenceColumn] = [],
         nameIndex: String? = nil) {
        precondition(columns.first == "id", "a record table's first column is its id")
        self.table = table
        self.columns = columns
        self.nameColumn = nameColumn
        self.references = references
        self.nameIndex = nameIndex
        let placeholders = columns.indices.map { "?\($0 + 1)" }
        insert = SQL("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))")
        let assignments = zip(columns, placeholders).dropFirst().map { "\($0) = \($1)" }
        update = SQL("UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id = ?1")
        delete = SQL("DELETE FROM \(table) WHERE id = ?1")
        name = SQL("SELECT \(nameColumn) FROM \(table) WHERE id = ?1")
        allIDs = SQL("SELECT id FROM \(table) ORDER BY id")
    }
}

extension RecordTable {
    /// `JOIN <table> <alias> ON <alias>.id = <column>`, through the name index where the table has one: SQLite's
    /// planner keeps the primary key's index for `id = ?`, so the join names it.
    func nameJoin(_ alias: String, on column: String, left: Bool = false) -> String {
        (left ? "LEFT JOIN " : "JOIN ") + table + " " + alias + (nameIndex.map { " INDEXED BY " + $0 } ?? "")
            + " ON \(alias).id = \(column)"
    }
}

/// Rows a record owns in another table (aliases, posts, memberships, roles, topics), keyed by its id in `owner`:
/// replaced whole on every save, and gone with the record (ON DELETE CASCADE).
struct OwnedRows: Sendable {
    let table: String
    let owner: String
    /// The columns after the owner, bound ?2, ?3, … in this order.
    let columns: [String]
    /// The column that names another collection's record (a meeting's party), if any.
    let reference: ReferenceColumn?

    let insert: SQL
    let deleteAll: SQL

    /// `insert` replaces the derived INSERT where a column is copied from another table rather than bound.
    init(_ table: String, owner: String, columns: [String], reference: ReferenceColumn? = nil, insert: String? = nil) {
        self.table = table
        self.owner = owner
        self.columns = columns
        self.reference = reference
        let all = [owner] + columns
        self.insert = SQL(insert ?? "INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(all.indices.map { "?\($0 + 1)" }.joined(separator: ", ")))")
        deleteAll = SQL("DELETE FROM \(table) WHERE \(owner) = ?1")
    }
}

/// A column naming a record of `target`, and the API field it is shown in (what a refused DELETE names).
struct ReferenceColumn: Sendable {
    let column: String
    let target: RecordCollection
    let field: String

    init(_ column: String, to target: RecordCollection, field: String) {
        self.column = column
        self.target = target
        self.field = field
    }
}

extension Store {
    /// Inserts a new record's row (`isNew`) or updates it: `values` are bound after the id, in the table's column order.
    func save(_ table: RecordTable, id: String, isNew: Bool, _ values: [SQLValue]) throws {
        precondition(values.count == table.columns.count - 1, "\(table.table): one value per column after the id")
        try run(isNew ? table.insert : table.update, id, values)
    }

    /// Replaces the rows `id` owns in `rows.table` by one row per element, `values` giving its values in the
    /// description's column order. `deleteFirst` is false for a record just created, which owns none yet, except
    /// where another record writes the same rows (a party's memberships, written from either side: `PartyWrites.swift`).
    func replace<Element>(_ rows: OwnedRows, of id: String, with elements: [Element], deleteFirst: Bool,
                          values: (Element) -> [SQLValue]) throws {
        if deleteFirst { try run(rows.deleteAll, id) }
        for element in elements {
            let row = values(element)
            precondition(row.count == rows.columns.count, "\(rows.table): one value per column after the owner")
            try run(rows.insert, id, row)
        }
    }
}
