/// How every list is read: one statement per filter shape, built from the filters present, each walking an index
/// in the list's own order under its `LIMIT`; a total counted up to `Store.exactTotalLimit`; then the page's
/// related rows, one statement per relation for the whole page.
///
/// Why not one statement with `(?1 IS NULL OR col = ?1)` per filter: SQLite can use no index through that OR, so
/// such a statement scans its table whatever the filter. A statement built per shape names only the filters
/// present, and the first filter that has an index ending in the list's order *drives* it (the table is read
/// through that index, already sorted); the others are checked on the rows it yields.
struct ListTable {
    /// "meetings"
    let table: String
    /// "m": the alias every column, condition and order term uses.
    let alias: String
    /// The select list: every column the row decoder reads.
    let columns: String
    /// The joins `columns` needs (names of the records a row shows inline); not needed to count.
    let joins: String
    /// The list's order, as columns of `alias` (and the cursor's components, in that order).
    let order: [String]
    /// Where `order` is in `columns` (1-based), for compound statements, whose ORDER BY names result columns.
    var orderPositions: [Int]
    /// The index that yields `order`, named so that a list no filter drives walks it (rather than an index a
    /// residual filter could use, which would sort every match).
    var orderIndex: String?
    /// The columns of `alias` that `columns` and `joins` read, `order`'s first, for a table whose rows join others: a page
    /// merged from many arms (`Narrowing.Driver.arms`) then merges these alone and joins once per row of the page.
    /// Joined in each arm, every arm's first row is joined before the merge knows whether the page takes it: a stored
    /// body read and copied for each of a day's ten length classes where the page shows five meetings. Its rows must
    /// come in the order of their cursors (`PageCursor.precedes`), which `Store.list` checks.
    var mergedColumns: [String]?

    /// The record whose `key` is ?1, with the list's columns.
    let one: SQL

    init(table: String, alias: String, columns: String, joins: String, order: [String], orderPositions: [Int] = [],
         orderIndex: String? = nil, mergedColumns: [String]? = nil, key: String = "id") {
        self.table = table
        self.alias = alias
        self.columns = columns
        self.joins = joins
        self.order = order
        self.orderPositions = orderPositions
        self.orderIndex = orderIndex
        precondition(mergedColumns.map { $0.starts(with: order) } ?? true, "a merged page's columns begin with its order")
        self.mergedColumns = mergedColumns
        one = SQL("SELECT \(columns) FROM \(table) \(alias)\(joins.isEmpty ? "" : " " + joins) WHERE \(alias).\(key) = ?1")
    }

    /// A list of `record`'s rows as written (`RecordTables.swift`), column for column.
    init(_ record: RecordTable, alias: String, order: [String], orderPositions: [Int] = [], orderIndex: String? = nil) {
        self.init(table: record.table, alias: alias, columns: record.columns.map { alias + "." + $0 }.joined(separator: ", "),
                  joins: "", order: order, orderPositions: orderPositions, orderIndex: orderIndex)
    }

    /// The table read in its own order.
    var inOrder: String { "\(table) \(alias)" + (orderIndex.map { " INDEXED BY " + $0 } ?? "") }
}

/// One filter of a list, as SQL.
struct Narrowing {
    enum Driver {
        /// An index whose order is the list's: `from` (which must join the table under its alias) replaces the
        /// table, `order` the list's order columns (equal values: a copy of them kept in the index's table).
        /// `countFrom`, when given, counts the filter alone without the join (a junction's own index).
        case ordered(from: String, order: [String], countFrom: String? = nil)
        /// Full-text search: FTS5 yields matches in its keys' order, which is the list's (SearchIndex), through `from`
        /// (the search table joined to the keys and the table) in `order`; `after` says where a cursor's next page
        /// starts. A word with at most the cap of matches drives; a denser one drives only when no other filter can
        /// (another filter with few rows then drives, and the word is checked on each of them).
        case search(count: String, from: String, order: [String], after: ([String]) -> String)
        /// An index in another order (a range of quote dates). Its matches are counted up to the
        /// cap first: up to the cap, they are read through `from` and sorted (at most the cap of them); past it they
        /// are dense, and the list's own order is walked with `condition` until the page is full.
        case unordered(count: String, from: String)
        /// Several ordered arms over the table, each read through its index with `condition AND arm`, merged in the
        /// list's order (SQLite merges the arms of a UNION ALL under ORDER BY without sorting them).
        case arms([(index: String, condition: String)])
        /// It only narrows what another filter, or the table's order, yields.
        case none
    }

    let driver: Driver
    /// The filter as a condition on the table's row.
    let condition: String
    /// The condition when this filter drives (through `from`, its columns there, or beside each of its arms' own), if
    /// not `condition`; empty when each arm's own condition is the whole filter.
    let drivingCondition: String?

    init(_ condition: String, driver: Driver = .none, drivingCondition: String? = nil) {
        self.condition = condition
        self.driver = driver
        self.drivingCondition = drivingCondition
    }
}

extension Narrowing {
    /// A filter through a junction table: `table alias` rows whose `record` column names the list's record and whose
    /// `column` is `value`. It drives through the junction's index on (column, …`order`), which ends in the list's
    /// order (the junction keeps a copy of its record's sort key, or the key is the record's id); as a filter of
    /// another driver's rows it is one primary-key lookup each.
    static func junction(_ table: String, _ alias: String, record: String, column: String, value: String,
                         of list: ListTable, order: [String]) -> Narrowing {
        let me = list.alias
        return Narrowing(
            "EXISTS (SELECT 1 FROM \(table) \(alias) WHERE \(alias).\(record) = \(me).id AND \(alias).\(column) = \(value))",
            driver: .ordered(from: "\(table) \(alias) CROSS JOIN \(list.table) \(me) ON \(me).id = \(alias).\(record)",
                             order: order.map { "\(alias)." + $0 }, countFrom: "\(table) \(alias)"),
            drivingCondition: "\(alias).\(column) = \(value)")
    }

    /// Full-text search as a filter of `alias`'s table. Driving, it walks the word's matches in key order (the list's);
    /// as a filter of another driver's rows, it looks each one up by key.
    static func search(_ searched: SearchIndex.Searched, alias: String, _ expression: String) -> Narrowing {
        let fts = searched.table
        return Narrowing(
            """
            EXISTS (SELECT 1 FROM \(searched.keys) k JOIN \(fts) ON \(fts).rowid = k.key
                    WHERE k.record_id = \(alias).id AND \(fts) MATCH \(expression))
            """,
            driver: .search(
                count: "SELECT count(*) FROM (SELECT 1 FROM \(fts) WHERE \(fts) MATCH \(expression) LIMIT \(Store.exactTotalLimit + 1))",
                from: "\(fts) CROSS JOIN \(searched.keys) k ON k.key = \(fts).rowid CROSS JOIN \(searched.collection) \(alias) ON \(alias).id = k.record_id",
                order: ["\(fts).rowid"],
                after: { "\(fts).rowid > " + searched.keyAtOrBefore($0) }),
            drivingCondition: "\(fts) MATCH \(expression)")
    }
}

/// The parameters of a list statement, numbered in the order they are added: filters first, so a count (which
/// has no cursor and no limit) binds a prefix of them. A list whose plans are cached by shape (`ListShape`) gives
/// each filter a fixed number instead (`init(slots:)`, absent filters NULL), so that its statement text depends only
/// on which filters are present, never on the order they were added in.
struct ListParameters {
    private(set) var values: [SQLValue] = []

    init() {}

    /// Parameters ?1…?n, one per filter of the list whether present or not.
    init(slots: [SQLValue]) {
        values = slots
    }

    /// Adds a value and returns its placeholder, `?N`.
    mutating func add(_ value: SQLValue) -> String {
        values.append(value)
        return "?\(values.count)"
    }

    mutating func add(_ text: String) -> String { add(.text(text)) }
    mutating func add(_ number: Int) -> String { add(.int(number)) }

    func bind(_ statement: Statement) throws {
        let count = min(values.count, statement.parameterCount)
        for index in 0..<count {
            switch values[index] {
            // A reset statement's parameters are NULL already; an absent filter's slot is left so.
            case .text(nil), .int(nil): continue
            case let .text(text): try statement.bind(Int32(index + 1), text)
            case let .int(number): try statement.bind(Int32(index + 1), number)
            }
        }
    }

    /// The most a page adds after the filters' slots: a cursor of two components and the limit.
    static let pageSlots = 3

    /// A page's cursor and limit after the values, as `Store.plan` numbers them.
    mutating func append(cursor: [SQLValue]?, limit: Int) {
        values.reserveCapacity(values.count + (cursor?.count ?? 0) + 1)
        if let cursor { values.append(contentsOf: cursor) }
        values.append(.int(limit))
    }
}

/// What the text of a list's statements depends on, known before any of it is built: the list, which of its
/// filters are present (with whatever else changes the SQL, such as the length classes a day's arms name) and
/// whether a cursor is given. `Store.list` keeps the plan and the prepared page statement of each shape, so a
/// request of a known shape builds no SQL and hashes no statement text: it binds its values and steps.
/// Only lists whose filters have fixed parameter numbers (`ListParameters(slots:)`) and whose plan takes no count
/// to decide (no search, no range of quote dates) have a shape.
struct ListShape: Hashable {
    /// The list's table ("meetings").
    let list: String
    /// One bit per filter present, then any bits the list adds (the length classes of a day).
    let filters: UInt64
    let cursor: Bool
}

/// A shape's plan, with its page statement prepared; its count statement is prepared on first need.
final class ShapedListPlan {
    let plan: ListPlan
    let page: Statement
    var count: Statement?

    init(plan: ListPlan, page: Statement) {
        self.plan = plan
        self.page = page
    }
}

/// The SQL of one list request: what `Store.list` runs. Built apart from running it so the query-plan test can
/// explain every shape.
struct ListPlan {
    let count: String
    let page: String
    let parameters: ListParameters
    /// The capped count, when deciding the driver already counted it (an unordered filter alone).
    var knownMatches: Int?
    /// The page joins after merging its arms (`ListTable.mergedColumns`): SQLite yields the merged rows to the join
    /// in the merge's order, but the outer statement has no ORDER BY of its own (one would sort every page), so
    /// `Store.list` checks the order and reads the page again sorted (`sortedPage`) if it ever differs.
    var joinsAfterMerge = false
}

extension Store {
    /// Totals are exact up to this many matches; past it a list says `total` is a lower bound. Counting is then
    /// bounded like the page itself, so a search matching millions answers as fast as one matching ten. A thousand
    /// (GitHub's search caps its totals the same way): counting that many index entries costs about what a page
    /// does, so the total does not dominate a list's cost.
    public static let exactTotalLimit = 1_000

    /// From how many arms a page merges before it joins (`ListTable.mergedColumns`). The join after the merge is one
    /// more co-routine, about 1,000 instructions a row: at the seed, where a period's three arms yield only the page's
    /// rows, it cost 37,400 -> 43,900 instructions a statement; at 10,000 meetings, with eleven arms, it saved
    /// 181,600 -> 133,700 (a C harness over the two files). A day at the seed has two arms.
    static let mergedJoinArms = 4

    /// The statements of a list request. `unorderedMatches` runs a counting filter's count statement (capped at the
    /// cap + 1), for each such filter met before one drives: a search or a range of quote dates drives only while it
    /// is sparse.
    static func plan(_ table: ListTable, _ narrowings: [Narrowing], parameters: ListParameters,
                     cursor: [SQLValue]?, limit: Int, unorderedMatches: (String, ListParameters) throws -> Int) rethrows
        -> ListPlan {
        // The driver: the first filter that can drive. An unordered one drives only while its matches are sparse.
        var driverIndex: Int?
        var dense: (index: Int, matches: Int)?
        var denseSearch: (index: Int, matches: Int)?
        var knownMatches: Int?
        for (index, narrowing) in narrowings.enumerated() {
            switch narrowing.driver {
            case .none: continue
            case let .unordered(count, _):
                let matches = try unorderedMatches(count, parameters)
                if matches > exactTotalLimit {
                    if dense == nil { dense = (index, matches) }
                    continue
                }
                if narrowings.count == 1 { return plan(table, narrowings, parameters, cursor, limit, driverIndex: index,
                                                           countDriverIndex: index, knownMatches: matches) }
            case let .search(count, _, _, _):
                let matches = try unorderedMatches(count, parameters)
                if matches > exactTotalLimit {
                    if denseSearch == nil { denseSearch = (index, matches) }
                    continue
                }
                if narrowings.count == 1 { knownMatches = matches }
            case .ordered, .arms: break
            }
            driverIndex = index
            break
        }
        if driverIndex == nil, let denseSearch {
            driverIndex = denseSearch.index
            if narrowings.count == 1 { knownMatches = denseSearch.matches }
        }
        // A dense unordered filter with no other driver: the page walks the list's order, but its matches are
        // counted through its own index (counting needs no order, and walking would check each row's filter).
        let countDriver = driverIndex ?? dense?.index
        return plan(table, narrowings, parameters, cursor, limit, driverIndex: driverIndex, countDriverIndex: countDriver,
                        knownMatches: knownMatches ?? (narrowings.count == 1 ? dense?.matches : nil))
    }

    private static func plan(_ table: ListTable, _ narrowings: [Narrowing], _ parameters: ListParameters,
                             _ cursor: [SQLValue]?, _ limit: Int, driverIndex: Int?, countDriverIndex: Int?,
                             knownMatches: Int?) -> ListPlan {
        var parameters = parameters
        let me = table.alias
        let others = narrowings.enumerated().filter { $0.offset != driverIndex }.map(\.element.condition)
        let cap = exactTotalLimit + 1

        if let driverIndex, case let .arms(arms) = narrowings[driverIndex].driver {
            let driving = narrowings[driverIndex]
            let shared = ([driving.drivingCondition ?? driving.condition] + others).filter { !$0.isEmpty }
            func arm(_ arm: (index: String, condition: String), _ extra: [String], joins: String = "") -> String {
                "FROM \(table.table) \(me) INDEXED BY \(arm.index) \(joins) WHERE "
                    + (shared + [arm.condition] + extra).joined(separator: " AND ")
            }
            let count = "SELECT count(*) FROM (" + arms.map { "SELECT 1 " + arm($0, []) }.joined(separator: " UNION ALL ")
                + " LIMIT \(cap))"
            let after = cursor.map { cursorCondition(table.order, $0, &parameters) }
            let limitParameter = parameters.add(limit)
            func merged(_ columns: String, positions: [Int], joins: String) -> String {
                arms.map { "SELECT \(columns) " + arm($0, after.map { [$0] } ?? [], joins: joins) }
                    .joined(separator: " UNION ALL ")
                    + " ORDER BY " + positions.map(String.init).joined(separator: ", ") + " LIMIT " + limitParameter
            }
            if let mergedColumns = table.mergedColumns, arms.count >= mergedJoinArms {
                let keys = merged(mergedColumns.joined(separator: ", "), positions: Array(1...table.order.count), joins: "")
                let page = "SELECT \(table.columns) FROM (\(keys)) \(me) \(table.joins)"
                return ListPlan(count: count, page: page, parameters: parameters, knownMatches: knownMatches,
                                joinsAfterMerge: true)
            }
            let page = merged(table.columns, positions: table.orderPositions, joins: table.joins)
            return ListPlan(count: count, page: page, parameters: parameters, knownMatches: knownMatches)
        }

        /// The table read through a driver: where from, in which order, under which conditions.
        func driven(by index: Int?, counting: Bool = false) -> (from: String, order: [String], conditions: [String], after: (([String]) -> String)?) {
            var from = table.inOrder
            var order = table.order
            var after: (([String]) -> String)?
            var conditions = narrowings.enumerated().filter { $0.offset != index }.map(\.element.condition)
            if let index {
                let driver = narrowings[index]
                conditions.insert(driver.drivingCondition ?? driver.condition, at: 0)
                switch driver.driver {
                case let .ordered(driverFrom, driverOrder, countFrom):
                    // Counting one filter needs no row of the table: its index alone (foreign keys keep it exact).
                    from = counting && narrowings.count == 1 ? countFrom ?? driverFrom : driverFrom
                    order = driverOrder
                case let .unordered(_, driverFrom):
                    from = driverFrom
                case let .search(_, driverFrom, driverOrder, driverAfter):
                    from = driverFrom
                    order = driverOrder
                    after = driverAfter
                case .arms, .none:
                    break
                }
            }
            return (from, order, conditions.filter { !$0.isEmpty }, after)
        }
        let counted = driven(by: countDriverIndex, counting: true)
        let countFilter = counted.conditions.isEmpty ? "" : " WHERE " + counted.conditions.joined(separator: " AND ")
        let count = "SELECT count(*) FROM (SELECT 1 FROM \(counted.from)\(countFilter) LIMIT \(cap))"
        let (from, order, conditions, after) = driven(by: driverIndex)
        var pageConditions = conditions
        if let cursor {
            if let after {
                pageConditions.append(after(cursor.map { parameters.add($0) }))
            } else {
                pageConditions.append(cursorCondition(order, cursor, &parameters))
            }
        }
        let pageFilter = pageConditions.isEmpty ? "" : " WHERE " + pageConditions.joined(separator: " AND ")
        let page = "SELECT \(table.columns) FROM \(from) \(table.joins)\(pageFilter) ORDER BY "
            + order.joined(separator: ", ") + " LIMIT " + parameters.add(limit)
        return ListPlan(count: count, page: page, parameters: parameters, knownMatches: knownMatches)
    }

    /// `(a, b) > (?5, ?6)`: keyset pagination, which an index on (…, a, b) serves as a range.
    private static func cursorCondition(_ order: [String], _ cursor: [SQLValue], _ parameters: inout ListParameters)
        -> String {
        let placeholders = cursor.map { parameters.add($0) }
        if order.count == 1 { return "\(order[0]) > \(placeholders[0])" }
        return "(" + order.joined(separator: ", ") + ") > (" + placeholders.joined(separator: ", ") + ")"
    }

    /// Runs a list request: its total (exact up to the cap), one row more than `limit` to know whether a next
    /// page exists, then `related` once for the whole page.
    func list<Item, Cursor: PageCursor>(
        _ table: ListTable, _ narrowings: [Narrowing], parameters: ListParameters, cursor: [SQLValue]?, limit: Int,
        total: ListCounts.Source? = nil, row: (Statement) -> (Item, Cursor), related: (inout [Item]) throws -> Void
    ) throws -> Page<Item, Cursor> {
        try list(table, shape: nil, narrowings: { narrowings }, parameters: parameters, cursor: cursor, limit: limit,
                 total: total, row: row, related: related)
    }

    /// `list` for a request whose `shape` may have been planned before: then `narrowings` is not called and no SQL
    /// is built. `parameters` must then be the shape's fixed slots (`ListParameters(slots:)`). With `total`, the
    /// list's total is the maintained count (`ListCounts`), exact at any size, instead of a count of its matches.
    func list<Item, Cursor: PageCursor>(
        _ table: ListTable, shape: ListShape?, narrowings: () throws -> [Narrowing], parameters: consuming ListParameters,
        cursor: [SQLValue]?, limit: Int, total: ListCounts.Source? = nil, row: (Statement) -> (Item, Cursor),
        related: (inout [Item]) throws -> Void
    ) throws -> Page<Item, Cursor> {
        let plan: ListPlan
        let shaped: ShapedListPlan?
        if let shape {
            let entry = try shapedPlan(table, shape, narrowings: narrowings, parameters: parameters, cursor: cursor)
            // Appended in place: the slots were made for this request, with room for these (no copy of the array).
            var bound = consume parameters
            bound.append(cursor: cursor, limit: limit + 1)
            plan = ListPlan(count: entry.plan.count, page: entry.plan.page, parameters: bound,
                            joinsAfterMerge: entry.plan.joinsAfterMerge)
            shaped = entry
        } else {
            plan = try Self.plan(table, narrowings(), parameters: parameters, cursor: cursor, limit: limit + 1,
                                 unorderedMatches: { try Self.countRows(database.shapedStatement(text: $0), $1) })
            shaped = nil
        }
        let page = try shaped?.page ?? database.shapedStatement(text: plan.page)
        // The statement asks for one row more than `limit`: it is not read, it only says that a next page exists.
        var (items, next) = try page.using { statement -> ([Item], Cursor?) in
            try plan.parameters.bind(statement)
            var items: [Item] = []
            items.reserveCapacity(min(limit, 64))
            var last: Cursor?
            while try statement.step() {
                if items.count == limit && !plan.joinsAfterMerge { return (items, last) }
                let (item, cursor) = row(statement)
                // A page joined after its merge comes in the merge's order, checked rather than trusted (the extra
                // row too: out of order, it could belong on the page).
                if plan.joinsAfterMerge, let last, !last.precedes(cursor) {
                    statement.reset()
                    try plan.parameters.bind(statement)
                    return try Self.sortedPage(statement, limit: limit, row: row)
                }
                if items.count == limit { return (items, last) }
                items.append(item)
                last = cursor
            }
            return (items, nil)
        }
        // A first page that holds every match has counted them; otherwise read the maintained total, or count (or
        // reuse the driver's count).
        // A maintained total is exact at any size; a counted one only up to the cap.
        var matches: Int
        var maintained = false
        if cursor == nil && next == nil {
            matches = items.count
        } else if let total, let exact = try maintainedCount(table.table, total) {
            (matches, maintained) = (exact, true)
        } else if let known = plan.knownMatches {
            matches = known
        } else {
            // A shape keeps its own count statement, as it keeps its page's; only plans of no shape go to the text cache.
            let count = try shaped?.count ?? (shaped != nil ? database.prepare(plan.count) : database.shapedStatement(text: plan.count))
            shaped?.count = count
            matches = try Self.countRows(count, plan.parameters)
        }
        if !items.isEmpty { try related(&items) }
        let exact = maintained || matches <= Self.exactTotalLimit
        return Page(items: items, total: exact ? matches : Self.exactTotalLimit, totalIsExact: exact, next: next)
    }

    /// A page joined after its arms' merge (`ListPlan.joinsAfterMerge`) that SQLite yielded out of the merge's order
    /// (the outer statement has no ORDER BY): all its rows, at most `limit` + 1, sorted by cursor. The LIMIT is the
    /// merge's, so the rows are the right ones; only their order is restored.
    static func sortedPage<Item, Cursor: PageCursor>(_ statement: Statement, limit: Int,
                                                     row: (Statement) -> (Item, Cursor)) throws -> ([Item], Cursor?) {
        var rows: [(item: Item, cursor: Cursor)] = []
        while try statement.step() { rows.append(row(statement)) }
        rows.sort { $0.cursor.precedes($1.cursor) }
        guard rows.count > limit, limit > 0 else { return (rows.prefix(limit).map(\.item), nil) }
        return (rows[..<limit].map(\.item), rows[limit - 1].cursor)
    }

    /// The plan of `shape`, built and prepared on its first request.
    private func shapedPlan(_ table: ListTable, _ shape: ListShape, narrowings: () throws -> [Narrowing],
                            parameters: ListParameters, cursor: [SQLValue]?) throws -> ShapedListPlan {
        if let entry = listPlans[shape] { return entry }
        // The limit is a parameter: any value builds the same text.
        let plan = try Self.plan(table, narrowings(), parameters: parameters, cursor: cursor, limit: 1,
                                 unorderedMatches: { _, _ in
                                     // A shape's plan takes no count to decide (see ListShape).
                                     throw StoreError.sqlite(code: 0, message: "a list shape with a counted filter", sql: "")
                                 })
        assert(plan.parameters.values.count == parameters.values.count + (cursor?.count ?? 0) + 1,
               "a shaped plan numbers its cursor and limit after the fixed slots")
        let entry = ShapedListPlan(plan: plan, page: try database.prepare(plan.page))
        if listPlans.count >= Database.maximumShapedStatements { listPlans.removeAll() }
        listPlans[shape] = entry
        return entry
    }

    /// The first column of the first row of a count statement.
    private static func countRows(_ count: Statement, _ parameters: ListParameters) throws -> Int {
        try count.using { statement in
            try parameters.bind(statement)
            return try statement.step() ? statement.int(0) : 0
        }
    }

    /// Reads one record by id, or nil, with its related rows.
    func one<Item>(_ sql: SQL, id: String, row: (Statement) -> Item,
                   related: (inout [Item]) throws -> Void) throws -> Item? {
        guard let item = try database.withStatement(sql, { statement -> Item? in
            try statement.bind(1, id)
            return try statement.step() ? row(statement) : nil
        }) else { return nil }
        var items = [item]
        try related(&items)
        return items.first
    }
}
