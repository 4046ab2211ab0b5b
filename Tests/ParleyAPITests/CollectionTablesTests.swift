import Foundation
@testable import ParleyStore
import Testing

/// The write path's statements are derived from `Schema/CollectionTables.swift`; these check the descriptions against
/// the schema the migrations built, so a column added to the schema and not to its description is caught here.
@Suite struct CollectionTablesTests {
    let seeded: SeededStore
    var store: Store { seeded.store }

    init() throws { seeded = try SeededStore() }

    /// The first column of every row.
    func strings(_ sql: String) throws -> [String] {
        let statement = try store.database.prepare(sql)
        var values: [String] = []
        while try statement.step() { values.append(statement.text(0)) }
        return values
    }

    /// Every foreign key to a record's table is described: as the owner of owned rows, or as a reference (which a
    /// refused DELETE names, and which the search reindexing follows). A missing one would let a DELETE break it.
    @Test func everyForeignKeyToARecordIsDescribed() throws {
        let recordTables = Dictionary(uniqueKeysWithValues: RecordCollection.allCases.map { ($0.record.table, $0) })
        var undescribed: [String] = []
        for table in try strings("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'") {
            // foreign_key_list: id, seq, table, from, to, …
            let statement = try store.database.prepare("SELECT \"table\", \"from\" FROM pragma_foreign_key_list('\(table)')")
            while try statement.step() {
                guard let target = recordTables[statement.text(0)] else { continue }
                let column = statement.text(1)
                let owner = RecordCollection.allCases.contains { collection in
                    collection.owned.contains { $0.table == table && $0.owner == column } && collection == target
                }
                let reference = RecordCollection.allCases.contains { collection in
                    (collection.record.table == table
                        && collection.record.references.contains { $0.column == column && $0.target == target })
                        || collection.owned.contains { $0.table == table && $0.reference?.column == column
                            && $0.reference?.target == target }
                }
                if !owner && !reference { undescribed.append("\(table).\(column) → \(target.rawValue)") }
            }
        }
        #expect(undescribed.isEmpty, "foreign keys no description names: \(undescribed)")
    }

    /// A record's described columns are its table's columns (every one a write sets; the generated ones and the
    /// demands' addressee text are written by SQL). Their order is the description's own: the binding order, and
    /// for the lists built from it the read order its decoder follows (checked by every read test).
    @Test func aRecordsColumnsAreItsTables() throws {
        let writtenBySQL: Set<String> = ["span_class", "reading_key", "addressee"]
        for collection in RecordCollection.allCases {
            let columns = try strings("SELECT name FROM pragma_table_xinfo('\(collection.record.table)')")
                .filter { !writtenBySQL.contains($0) }
            #expect(columns.sorted() == collection.record.columns.sorted(), "\(collection.rawValue)")
        }
    }
}
