/// The shape every list query shares: a count and a keyset-paginated page over the same filter, then the
/// related records of each item on the page.
extension Store {
    /// `bindFilter` binds the filter parameters (shared by both statements); `bindPage` binds the cursor and
    /// the limit, which only `page` declares. One row more than `limit` is read to know whether a next page exists.
    func list<Item, Cursor: PageCursor>(
        count: SQL, page: SQL, limit: Int,
        bindFilter: (Statement) throws -> Void,
        bindPage: (Statement, Int) throws -> Void,
        row: (Statement) -> (Item, Cursor),
        related: (inout Item) throws -> Void
    ) throws -> Page<Item, Cursor> {
        let total = try database.withStatement(count) { statement -> Int in
            try bindFilter(statement)
            return try statement.step() ? statement.int(0) : 0
        }
        var rows = try database.withStatement(page) { statement -> [(Item, Cursor)] in
            try bindFilter(statement)
            try bindPage(statement, limit + 1)
            var rows: [(Item, Cursor)] = []
            rows.reserveCapacity(min(limit + 1, 64))
            while try statement.step() { rows.append(row(statement)) }
            return rows
        }
        var next: Cursor?
        if rows.count > limit {
            rows.removeLast(rows.count - limit)
            next = rows.last?.1
        }
        var items: [Item] = []
        items.reserveCapacity(rows.count)
        for (item, _) in rows {
            var item = item
            try related(&item)
            items.append(item)
        }
        return Page(items: items, total: total, next: next)
    }

    /// Reads one record by id, or nil.
    func one<Item>(_ sql: SQL, id: String, row: (Statement) -> Item,
                   related: (inout Item) throws -> Void) throws -> Item? {
        guard var item = try database.withStatement(sql, { statement -> Item? in
            try statement.bind(1, id)
            return try statement.step() ? row(statement) : nil
        }) else { return nil }
        try related(&item)
        return item
    }

    /// Rows of a related-records statement that takes one id as ?1.
    func related<T>(_ sql: SQL, id: String, _ row: (Statement) -> T) throws -> [T] {
        try database.withStatement(sql) { statement in
            try statement.bind(1, id)
            var rows: [T] = []
            while try statement.step() { rows.append(row(statement)) }
            return rows
        }
    }
}
