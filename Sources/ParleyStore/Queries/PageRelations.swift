/// A page's related rows, one statement per relation for the whole page.
///
/// Each relation statement takes the page's ids as a JSON array in ?1 and reads them as the outer loop
/// (`FROM json_each(?1) j CROSS JOIN <junction> x ON x.<owner> = j.value`), yielding the owner's position in the
/// page (`j.key`) in column 0, ordered by it and then by the relation's own order. Why not
/// `x.<owner> IN (SELECT value FROM json_each(?1))`: SQLite materialises such a list in a temporary B-tree (two
/// zeroed pages and a pager of its own per statement), which cost more than everything else a small page reads. The
/// join sorts the page's rows instead, in memory; and a position needs no lookup by id to find its item.
struct PageIDs {
    let ids: [String]
    /// `["a","b"]`, bound as ?1; empty for a page of one, whose relations bind its id (`PageRelation.one`).
    let json: [UInt8]

    init(_ ids: [String]) {
        self.ids = ids
        json = ids.count == 1 ? [] : Self.array(ids)
    }

    static func array(_ ids: [String]) -> [UInt8] {
        var json: [UInt8] = []
        json.reserveCapacity(2 + ids.reduce(0) { $0 + $1.utf8.count + 3 })
        json.append(UInt8(ascii: "["))
        for (index, id) in ids.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            Self.appendQuoted(id, to: &json)
        }
        json.append(UInt8(ascii: "]"))
        return json
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Ids are slugs, but a quote mark, backslash or control character is escaped all the same.
    private static func appendQuoted(_ id: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                json.append(UInt8(ascii: "\\"))
                json.append(byte)
            case 0..<0x20:
                json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                         Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
            default:
                json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }
}

/// A relation's statements: for a page, and for a page of one record.
///
/// A page of one (an item, or a list that matched one) has a cheaper form: `x.<owner> = ?1` reads the junction's
/// index, so SQLite parses no JSON array, and where the relation's order is the index's it does not sort either.
struct PageRelation {
    let page: SQL
    let one: SQL
    /// Whether `one` sorts (its order is not its index's): at most one record's related rows, which the query-plan
    /// test allows as it does a page's.
    let oneSorts: Bool

    /// `columns` of `table` (aliased `x`, its `owner` column naming the page's record) and of its `joins`, in `order`.
    /// `indexOrder`: the junction's index on (owner, …) yields `order`.
    init(_ columns: String, from table: String, owner: String, joins: String = "", where condition: String? = nil,
         order: String, indexOrder: Bool = true) {
        page = SQL("""
            SELECT j.key, \(columns) FROM json_each(?1) j CROSS JOIN \(table) x ON x.\(owner) = j.value \(joins)
            \(condition.map { "WHERE " + $0 } ?? "") ORDER BY j.key, \(order)
            """)
        one = SQL("""
            SELECT 0, \(columns) FROM \(table) x \(joins)
            WHERE x.\(owner) = ?1\(condition.map { " AND " + $0 } ?? "") ORDER BY \(order)
            """)
        oneSorts = !indexOrder
    }

    /// The records that `rows` (aliased `x`) refer to, by id and name (columns 1 and 2), then the rows' own `extra`
    /// columns (`x.role`), in the order of the referred ids: the order of the junction's index on (owner, reference),
    /// its primary key or, for the memberships seen from the organization, `memberships_organization`.
    init(referencedBy rows: OwnedRows, extra: [String] = []) {
        guard let reference = rows.reference else { preconditionFailure("\(rows.table) refers to no record") }
        let target = reference.target.record
        self.init((["r.id", "r.\(target.nameColumn)"] + extra).joined(separator: ", "), from: rows.table, owner: rows.owner,
                  joins: target.nameJoin("r", on: "x.\(reference.column)"), order: "x.\(reference.column)")
    }

    /// Columns of the owned `rows` (aliased `x`) and of `joins`, in `order`.
    init(_ columns: String, of rows: OwnedRows, joins: String = "", order: String, indexOrder: Bool = true) {
        self.init(columns, from: rows.table, owner: rows.owner, joins: joins, order: order, indexOrder: indexOrder)
    }
}

extension Store {
    /// The rows of a relation for a whole page, by the owner's position in it: column 0 is the position (`j.key`, or
    /// 0 in the one-record form).
    func related<T>(_ relation: PageRelation, ids: PageIDs, _ row: (Statement) -> T) throws -> [[T]] {
        let single = ids.ids.count == 1
        return try database.withStatement(single ? relation.one : relation.page) { statement in
            if single {
                try statement.bind(1, ids.ids[0])
            } else {
                try statement.bind(1, utf8: ids.json)
            }
            var rows = [[T]](repeating: [], count: ids.ids.count)
            while try statement.step() {
                let position = statement.int(0)
                guard rows.indices.contains(position) else { continue }
                rows[position].append(row(statement))
            }
            return rows
        }
    }
}

/// Related rows by position, assigned to each item of a page.
extension Array {
    mutating func attach<T>(_ rows: [[T]], _ set: (inout Element, [T]) -> Void) {
        for index in indices where rows.indices.contains(index) { set(&self[index], rows[index]) }
    }
}
