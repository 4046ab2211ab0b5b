/// Totals that writes maintain (migration 5's `list_counts` and `date_counts`, kept by its triggers): a list
/// filtered by one value, or by dates alone, or not at all, knows its exact total in O(log n), where counting its
/// matches would cost as many steps as there are (up to `Store.exactTotalLimit`). Other combinations count.
public enum ListCounts {
    /// The blocks of `date_counts`: a block at shift s holds 2^s keys; sixteen blocks make the next shift's one.
    static let shifts = "'[0,4,8,12,16,20,24]'"
    /// Above every date's key (9999-12-31 is 99,991,231 < 2^27).
    static let aboveEveryKey = 1 << 27

    /// A date's key in `date_counts`: its digits as a number (`Day.number`), which orders like its text.
    static func key(_ day: Day) -> Int { day.number }

    /// What one list's total is counted from.
    enum Source {
        /// Records with this value of a filter ('all' and '' for the whole list).
        case value(filter: String, value: String)
        /// Records started before key `startsBefore`, less those ended (a meeting) or dated (a quote) before key
        /// `endsBefore`.
        case dates(startsBefore: Int, endsBefore: Int)
        /// Changes after `since`: while the feed's seq has no gap (it is appended to and never deleted from; the count
        /// proves it), they are the last seq less `since`.
        case changes(since: Int)
    }

    static let valueCount = SQL("SELECT coalesce((SELECT matches FROM list_counts WHERE list = ?1 AND filter = ?2 AND value = ?3), 0)")

    /// The keys below ?N: at most fifteen blocks of each shift, those before the key's own block within its parent.
    /// CROSS JOIN keeps the shifts outside: left to choose, SQLite may walk every block of the list instead (at a
    /// million meetings it did, 38 ms).
    static func sumBelow(_ column: String, _ placeholder: String) -> String {
        """
        (SELECT coalesce(sum(c.\(column)), 0) FROM json_each(\(shifts)) s CROSS JOIN date_counts c
         ON c.list = ?1 AND c.shift = s.value AND c.block >= ((\(placeholder) >> (s.value + 4)) << 4)
            AND c.block < (\(placeholder) >> s.value))
        """
    }

    /// A meeting counts from its first day and stops counting after its last.
    static let meetingDates = SQL("SELECT " + sumBelow("starts", "?2") + " - " + sumBelow("ends", "?3"))
    /// A quote has one day.
    static let quoteDates = SQL("SELECT " + sumBelow("starts", "?2") + " - " + sumBelow("starts", "?3"))
    /// NULL when the feed has a gap. (min and max apart: SQLite reads one end of the rowid B-tree only for a lone one.)
    static let changesAfter = SQL("""
        SELECT CASE WHEN (SELECT matches FROM list_counts WHERE list = 'changes' AND filter = 'all' AND value = '')
                         = (SELECT max(seq) FROM changes) - (SELECT min(seq) FROM changes) + 1
               THEN max(0, (SELECT max(seq) FROM changes) - max(?1, (SELECT min(seq) FROM changes) - 1)) END
        """)

    /// Where a list's total is maintained: with no filter, one value filter alone (of `values`, named as in
    /// `list_counts`), or dates alone (in progress on `day`, or overlapping [from, to], either end open). Nil for any
    /// other combination, and for a search.
    static func total(of values: [(filter: String, value: String?)], day: Day?, from: Day?, to: Day?,
                      search: SearchQuery?) -> Source? {
        guard search == nil else { return nil }
        let present = values.compactMap { filter, value in value.map { (filter, $0) } }
        let dated = day != nil || from != nil || to != nil
        switch (present.count, dated) {
        case (0, false):
            return .value(filter: "all", value: "")
        case (1, false):
            return .value(filter: present[0].0, value: present[0].1)
        case (0, true):
            if let day { return from == nil && to == nil ? .dates(startsBefore: key(day) + 1, endsBefore: key(day)) : nil }
            return .dates(startsBefore: to.map { key($0) + 1 } ?? aboveEveryKey, endsBefore: from.map(key) ?? 0)
        default:
            return nil
        }
    }

    /// Rebuilds both tables from the records (every migration from migration 5 on, and the end of a bulk load).
    static func rebuild(in database: Database) throws {
        guard try database.hasTable("list_counts") else { return }
        try database.execute("DELETE FROM list_counts")
        try database.execute("DELETE FROM date_counts")
        try database.execute("""
            INSERT INTO list_counts (list, filter, value, matches)
            SELECT 'meetings', 'all', '', count(*) FROM meetings
            UNION ALL SELECT 'meetings', 'kind', kind, count(*) FROM meetings GROUP BY kind
            UNION ALL SELECT 'meetings', 'party', party_id, count(*) FROM meeting_parties GROUP BY party_id
            UNION ALL SELECT 'meetings', 'person', person_id, count(*) FROM meeting_participants GROUP BY person_id
            UNION ALL SELECT 'meetings', 'topic', topic_id, count(*) FROM meeting_topics GROUP BY topic_id
            UNION ALL SELECT 'quotes', 'all', '', count(*) FROM quotes
            UNION ALL SELECT 'quotes', 'kind', kind, count(*) FROM quotes GROUP BY kind
            UNION ALL SELECT 'quotes', 'speaker', speaker_id, count(*) FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id
            UNION ALL SELECT 'quotes', 'party', party_id, count(*) FROM quotes WHERE party_id IS NOT NULL GROUP BY party_id
            UNION ALL SELECT 'quotes', 'meeting', meeting_id, count(*) FROM quotes WHERE meeting_id IS NOT NULL GROUP BY meeting_id
            UNION ALL SELECT 'quotes', 'topic', topic_id, count(*) FROM quote_topics GROUP BY topic_id
            UNION ALL SELECT 'changes', 'all', '', count(*) FROM changes
            """)
        // Each day once (its records grouped first), then the day's count into its block at every shift.
        for (list, days) in [("meetings", """
                SELECT date AS day, count(*) AS starts, 0 AS ends FROM meetings GROUP BY date
                UNION ALL SELECT end_date, 0, count(*) FROM meetings GROUP BY end_date
                """), ("quotes", "SELECT date AS day, count(*) AS starts, 0 AS ends FROM quotes WHERE date IS NOT NULL GROUP BY date")] {
            try database.execute("""
                INSERT INTO date_counts (list, shift, block, starts, ends)
                SELECT '\(list)', s.value, CAST(replace(d.day, '-', '') AS INTEGER) >> s.value, sum(d.starts), sum(d.ends)
                FROM (\(days)) d, json_each(\(shifts)) s
                GROUP BY 2, 3
                """)
        }
    }
}

extension Store {
    /// The exact total of `list` from `source`, or nil when the counts cannot say (a gap in the change feed).
    func maintainedCount(_ list: String, _ source: ListCounts.Source) throws -> Int? {
        switch source {
        case let .changes(since):
            return try database.withStatement(ListCounts.changesAfter) { statement in
                try statement.bind(1, since)
                return try statement.step() ? statement.optionalInt(0) : nil
            }
        case let .value(filter, value):
            return try database.withStatement(ListCounts.valueCount) { statement in
                try statement.bind(1, list)
                try statement.bind(2, filter)
                try statement.bind(3, value)
                return try statement.step() ? statement.int(0) : 0
            }
        case let .dates(startsBefore, endsBefore):
            return try database.withStatement(list == "meetings" ? ListCounts.meetingDates : ListCounts.quoteDates) { statement in
                try statement.bind(1, list)
                try statement.bind(2, startsBefore)
                try statement.bind(3, endsBefore)
                return try statement.step() ? statement.int(0) : 0
            }
        }
    }
}

/// Data each database derives from its records (never replicated, never exported): rebuilt inside every
/// migration's transaction, after a bulk load and when a cluster node takes a copy of the cluster's file.
public enum DerivedData {
    public static let tables = ["list_counts", "date_counts", "span_bounds"] + SearchIndex.all.map(\.keys) + StoredBodies.tables

    /// `keepingBodies`: the stored bodies are current (a bulk load's loader stored them as it went).
    public static func rebuild(in database: Database, keepingBodies: Bool = false) throws {
        // A migration may change what a body shows; the next store that renders them renders every one (`StoredBodies`).
        if !keepingBodies { try StoredBodies.clear(in: database) }
        try SearchIndex.rebuild(in: database)
        try ListCounts.rebuild(in: database)
        try MeetingSQL.rebuildSpanBounds(in: database)
    }
}
