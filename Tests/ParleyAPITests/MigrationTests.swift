import Foundation
@testable import ParleyStore
import Testing

@Suite struct MigrationTests {
    func count(_ database: Database, _ sql: String) throws -> Int {
        let statement = try database.prepare(sql)
        return try statement.step() ? statement.int(0) : -1
    }

    @Test func freshDatabaseGetsEveryMigrationInOrder() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("fresh.sqlite")
        let applied = try Migrator.migrate(databasePath: path)
        #expect(applied == Migration.all.map(\.name))
        #expect(applied.first == "0001_schema.sql")

        let database = try Database(path: path)
        let rows = try database.prepare("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
        var versions: [Int] = []
        while try rows.step() {
            versions.append(rows.int(0))
            #expect(rows.text(1).hasSuffix(".sql"))
            #expect(rows.text(2).hasPrefix("20"))  // an ISO 8601 timestamp
        }
        #expect(versions == Array(1...Migration.latestVersion))
        let journal = try database.prepare("PRAGMA journal_mode")
        #expect(try journal.step() && journal.text(0) == "wal")
        #expect(try count(database, "PRAGMA foreign_keys") == 1)
        #expect(try count(database, "SELECT count(*) FROM meetings") > 0)
        // Every searched record has its key and its row in its collection's search table (migration 4).
        for collection in SearchIndex.collections {
            let records = try count(database, "SELECT count(*) FROM \(collection)")
            #expect(records > 0)
            #expect(try count(database, "SELECT count(*) FROM \(collection)_search_keys") == records)
            // The FTS5 tables read their rows from the keys (external content, migration 7): their own check says
            // whether the index holds exactly the words of those texts.
            #expect(try count(database, "SELECT count(*) FROM \(collection)_search") == records)
            try database.execute("INSERT INTO \(collection)_search (\(collection)_search) VALUES ('integrity-check')")
            #expect(try count(database, "SELECT count(*) FROM \(collection)_search WHERE \(collection)_search MATCH 'a OR the OR nato OR russia'") > 0)
        }
    }

    /// Migration 10's CASE and `MeetingSQL.upperBound(ofClass:)` are one table written twice (SQL for the column,
    /// Swift for the arms' first days): a meeting one day shorter than a class's bound is in that class, one of the
    /// bound's length in the next, at every bound; and a migrated database's `span_bounds` names each class's longest.
    @Test func theLengthClassesOfTheSchemaAreTheArmsBounds() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("classes.sqlite")
        try Migrator.migrate(databasePath: path)
        let database = try Database(path: path)
        var expected: [(length: Int, lengthClass: Int)] = []
        for lengthClass in MeetingSQL.lengthClasses {
            guard let bound = MeetingSQL.upperBound(ofClass: lengthClass) else { continue }
            expected += [(bound - 1, lengthClass), (bound, lengthClass + 1)]
        }
        #expect(expected.count == 64)
        try database.transaction(immediate: true) {
            for (index, meeting) in expected.enumerated() {
                try database.execute("""
                    INSERT INTO meetings (id, title, kind, date, end_date, date_basis, status, summary)
                    VALUES ('length-\(index)', 'Length', 'bilateral-talks', '1800-01-01',
                            date('1800-01-01', '+\(meeting.length) days'), 'stated', 'held', '')
                    """)
            }
        }
        let classes = try database.prepare("SELECT span_class FROM meetings WHERE id = ?1")
        for (index, meeting) in expected.enumerated() {
            classes.reset()
            try classes.bind(1, "length-\(index)")
            #expect(try classes.step())
            #expect(classes.int(0) == meeting.lengthClass, "a meeting of \(meeting.length) days")
        }
        // A class's longest meeting is within its bound, so its arm's window holds it.
        let bounds = try database.prepare("SELECT span_class, longest FROM span_bounds")
        while try bounds.step() {
            if let longest = MeetingSQL.longestStart(ofClass: bounds.int(0)) { #expect(bounds.int(1) <= longest) }
        }
    }

    @Test func rerunningIsANoOp() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("again.sqlite")
        try Migrator.migrate(databasePath: path)
        let database = try Database(path: path)
        let before = try count(database, "SELECT count(*) FROM changes")
        #expect(try Migrator.migrate(databasePath: path).isEmpty)
        _ = try Store.open(path: path)
        #expect(try count(database, "SELECT count(*) FROM changes") == before)
        #expect(try count(database, "SELECT count(*) FROM schema_migrations") == Migration.latestVersion)
    }

    /// Opening an up-to-date database takes no write lock, so a busy writer does not delay a reader's start.
    @Test func openingAnUpToDateDatabaseOnlyReads() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("busy.sqlite")
        try Migrator.migrate(databasePath: path)
        let writer = try Database(path: path)
        try writer.execute("BEGIN IMMEDIATE")
        defer { try? writer.execute("ROLLBACK") }
        let started = Date()
        let store = try Store.open(path: path)
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(store.schemaVersion == Migration.latestVersion)
    }

    @Test func databaseFromANewerBinaryIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("newer.sqlite")
        try Migrator.migrate(databasePath: path)
        let newer = Migration.latestVersion + 1
        try Database(path: path).execute(
            "INSERT INTO schema_migrations VALUES (\(newer), '\(newer)_future.sql', '2030-01-01T00:00:00Z')")
        #expect(throws: StoreError.databaseNewerThanBinary(found: newer, known: Migration.latestVersion)) {
            try Store.open(path: path)
        }
        #expect(throws: StoreError.databaseNewerThanBinary(found: newer, known: Migration.latestVersion)) {
            try Migrator.migrate(databasePath: path)
        }
        #expect(StoreError.databaseNewerThanBinary(found: newer, known: Migration.latestVersion).description
            .contains("newer parley"))
    }

    @Test func unmigratedDatabaseIsRefusedWhenNotMigrating() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: StoreError.databaseNotMigrated(found: 0, known: Migration.latestVersion)) {
            try Store.open(path: directory.path("empty.sqlite"), migrate: false)
        }
    }

    @Test func failingMigrationRollsBackEntirely() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("failing.sqlite")
        let migrations = [
            Migration(version: 1, name: "0001_good.sql", sql: "CREATE TABLE good (x);"),
            Migration(version: 2, name: "0002_bad.sql", sql: "CREATE TABLE half (x); INSERT INTO missing VALUES (1);"),
        ]
        let database = try Database(path: path)
        let migrator = Migrator(database: database, migrations: migrations)
        do {
            try migrator.migrate()
            Issue.record("the bad migration should fail")
        } catch let StoreError.migrationFailed(version, name, message) {
            #expect(version == 2)
            #expect(name == "0002_bad.sql")
            #expect(message.contains("missing"))
        }
        #expect(try migrator.appliedVersions() == [1])
        #expect(try count(database, "SELECT count(*) FROM sqlite_master WHERE name = 'half'") == 0)
        #expect(try count(database, "SELECT count(*) FROM sqlite_master WHERE name = 'good'") == 1)
    }

    @Test func concurrentMigratorsApplyEachMigrationOnce() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("race.sqlite")
        try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 { group.addTask { try Migrator.migrate(databasePath: path) } }
            var applied: [String] = []
            for try await names in group { applied += names }
            #expect(applied.sorted() == Migration.all.map(\.name).sorted())
        }
        let database = try Database(path: path)
        #expect(try count(database, "SELECT count(*) FROM schema_migrations") == Migration.latestVersion)
    }

    @Test func gapsInTheBinarysListAreRefused() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.path("gap.sqlite"))
        let migrator = Migrator(database: database, migrations: [Migration(version: 2, name: "0002_x.sql", sql: "")])
        #expect(throws: StoreError.self) { try migrator.migrate() }
    }

    @Test func versionsComeFromFileNames() {
        #expect(Migration.version(fromFileName: "0001_schema.sql") == 1)
        #expect(Migration.version(fromFileName: "0012_more_data.sql") == 12)
        #expect(Migration.version(fromFileName: "schema.sql") == nil)
        #expect(Migration.version(fromFileName: "0001schema.sql") == nil)
        #expect(Migration.version(fromFileName: "0001_schema.txt") == nil)
    }

    @Test func theSeedRecordsEveryRecordAsAChange() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("changes.sqlite")
        let store = try Store.open(path: path)
        let version = try store.dataVersion()
        #expect(version > 0)
        #expect(try store.readDataVersion() == version)
        // A commit by another connection moves the version; this connection notices.
        try Database(path: path).execute(
            "INSERT INTO changes (collection, record_id, operation, actor) VALUES ('topics', 'x', 'update', 'test')")
        #expect(try store.dataVersion() == version + 1)
    }

    /// A read names the version of the snapshot it reads, whether or not it reads `changes` for it (`beginSnapshot`
    /// does not while nothing was committed since `dataVersion()`): a commit just before the read is seen by both, one
    /// during the read by neither.
    @Test func aReadNamesTheVersionOfItsSnapshot() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("snapshot.sqlite")
        let store = try Store.open(path: path)
        let writer = try Database(path: path)
        func commit() throws {
            try writer.execute("INSERT INTO changes (collection, record_id, operation, actor) VALUES ('topics', 'x', 'update', 'test')")
        }
        let maxSeq = SQL("SELECT max(seq) FROM changes")
        func newest() throws -> Int {
            try store.database.withStatement(maxSeq) { try $0.step() ? $0.int(0) : 0 }
        }
        let version = try store.dataVersion()
        #expect(try store.read { (try store.readDataVersion(), try newest()) } == (version, version))
        // Committed after `dataVersion()`, before the read: the counter moved, and the snapshot has the commit.
        try commit()
        #expect(try store.read { (try store.readDataVersion(), try newest()) } == (version + 1, version + 1))
        #expect(try store.dataVersion() == version + 1)
        // Committed while the read is open: its snapshot does not have it, before or after the version is asked.
        let during = try store.read { () throws -> (Int, Int, Int) in
            let rows = try newest()
            try commit()
            return (rows, try store.readDataVersion(), try store.dataVersion())
        }
        #expect(during == (version + 1, version + 1, version + 1))
        #expect(try store.dataVersion() == version + 2)
        #expect(try store.read { (try store.readDataVersion(), try newest()) } == (version + 2, version + 2))
        // Asked first in the read, before any other statement: still the snapshot's.
        #expect(try store.read { () throws -> (Int, Int) in
            let named = try store.readDataVersion()
            try commit()
            return (named, try newest())
        } == (version + 2, version + 2))
    }

    /// Migration 7 rebuilds quotes, meeting_parties and record_sources for cheaper writes: every row stays as it was
    /// (reading keys included, now stored), the constraints still refuse what they refused, and inserting a row
    /// builds no table of the constraint's constants (`OpenEphemeral`, once per statement: per row, for a write).
    @Test func migrationSevenKeepsTheRowsAndTheirConstraints() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.path("seven.sqlite"))
        let rebuilt = ["quotes", "quote_topics", "meeting_parties", "record_sources"]
        func rows(_ table: String) throws -> [String] {
            let columns = table == "quotes" ? "*, reading_key" : "*"
            let statement = try database.prepare("SELECT \(columns) FROM \(table) ORDER BY 1, 2, 3")
            var found: [String] = []
            while try statement.step() {
                found.append((0..<statement.columnCount).map { statement.optionalText($0) ?? "NULL" }.joined(separator: "|"))
            }
            return found
        }
        try Migrator(database: database, migrations: Array(Migration.all.prefix(6))).migrate()
        let before = try rebuilt.map(rows)
        #expect(before.allSatisfy { !$0.isEmpty })
        try Migrator(database: database).migrate()
        #expect(try rebuilt.map(rows) == before)
        #expect(try count(database, "SELECT hidden FROM pragma_table_xinfo('quotes') WHERE name = 'reading_key'") == 3)  // stored

        let refused = [
            "UPDATE quotes SET kind = 'shouted' WHERE rowid = (SELECT min(rowid) FROM quotes)",
            "UPDATE meeting_parties SET role = 'spectator' WHERE meeting_id = (SELECT min(meeting_id) FROM meeting_parties)",
            "UPDATE record_sources SET collection = 'sources' WHERE record_id = (SELECT min(record_id) FROM record_sources)",
        ]
        for sql in refused {
            do {
                try database.execute(sql)
                Issue.record("accepted: \(sql)")
            } catch {
                #expect("\(error)".contains("CHECK constraint failed"), "\(sql): \(error)")
            }
        }
        let inserts = [QuoteTables.record.insert.text, MeetingTables.parties.insert.text, WriteSQL.insertRecordSource.text]
        for sql in inserts {
            let program = try database.prepare("EXPLAIN " + sql)
            var opcodes: [String] = []
            while try program.step() { opcodes.append(program.text(1)) }
            #expect(!opcodes.contains("OpenEphemeral"), "\(sql)")
        }
    }
}
