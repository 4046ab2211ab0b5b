import Foundation
import HTTPServer
@testable import ParleyStore
@testable import ParleyAPI
import TestSupport
import Testing

/// A read held for the loop's turn (`Store.holdsReadsForTheTurn`): the next read runs in it only while nothing has been
/// committed since it began, anything else on the connection ends it first, and the loop ends it at every turn's end.
@Suite struct HeldReadTests {
    final class Fixture {
        let directory: TemporaryDirectory
        let store: Store
        let writer: Database
        init() throws {
            directory = try TemporaryDirectory()
            let path = directory.path("held.sqlite")
            store = try Store.open(path: path)
            store.holdsReadsForTheTurn = true
            writer = try Database(path: path)
        }
        func commit() throws {
            try writer.execute("INSERT INTO changes (collection, record_id, operation, actor) VALUES ('topics', 'x', 'update', 'test')")
        }
        private static let maxSeq = SQL("SELECT max(seq) FROM changes")
        func newest() throws -> Int { try store.database.withStatement(Self.maxSeq) { try $0.step() ? $0.int(0) : 0 } }
        /// What a new read sees: its named version and the newest change its snapshot holds.
        func read() throws -> (Int, Int) { try store.read { (try store.readDataVersion(), try newest()) } }
        func truncateWAL() throws -> Bool { try HeldReadTests.truncateWAL(writer) }
    }

    /// `PRAGMA wal_checkpoint(TRUNCATE)` on `database`, without waiting: true when no reader held it back.
    static func truncateWAL(_ database: Database) throws -> Bool {
        try database.waitingForLocks(milliseconds: 0) {
            let statement = try database.prepare("PRAGMA wal_checkpoint(TRUNCATE)")
            defer { statement.reset() }
            return try statement.step() && statement.int(0) == 0
        }
    }

    @Test func aHeldReadServesTheNextReadOnlyWhileNothingWasCommitted() throws {
        let fixture = try Fixture()
        let store = fixture.store
        let version = try store.dataVersion()
        #expect(try fixture.read() == (version, version))
        #expect(store.database.holdsRead)
        // Nothing committed: the next read and the version run in the held snapshot, which stays held.
        #expect(try store.dataVersion() == version)
        #expect(try fixture.read() == (version, version))
        #expect(store.database.holdsRead)
        // Committed by another connection while held: the next read sees it, in a new snapshot.
        try fixture.commit()
        #expect(try fixture.read() == (version + 1, version + 1))
        #expect(try store.dataVersion() == version + 1)
        // And the version alone sees it too.
        try fixture.commit()
        #expect(try store.dataVersion() == version + 2)
        #expect(try fixture.read() == (version + 2, version + 2))
        // Committed during a read that runs in the held snapshot: that read does not see it, the next one does.
        let during = try store.read { () throws -> (Int, Int) in
            try fixture.commit()
            return (try store.readDataVersion(), try fixture.newest())
        }
        #expect(during == (version + 2, version + 2))
        #expect(try fixture.read() == (version + 3, version + 3))
    }

    @Test func anythingElseOnTheConnectionEndsTheHeldReadFirst() throws {
        let fixture = try Fixture()
        let store = fixture.store
        var version = try store.dataVersion()
        _ = try fixture.read()
        // A statement outside any read reads now, not the held snapshot.
        try fixture.commit()
        #expect(store.database.holdsRead)
        #expect(try fixture.newest() == version + 1)
        #expect(!store.database.holdsRead)
        // A write on the same connection: it needs a write transaction, which the held read would refuse.
        version = try store.dataVersion()
        _ = try fixture.read()
        #expect(store.database.holdsRead)
        try store.write {
            try store.database.execute("INSERT INTO changes (collection, record_id, operation, actor) VALUES ('topics', 'y', 'update', 'test')")
        }
        #expect(!store.database.holdsRead)
        #expect(try store.dataVersion() == version + 1)
        #expect(try fixture.read() == (version + 1, version + 1))
        // A read that fails ends it too.
        #expect(throws: StoreError.self) { try store.read { try store.database.execute("SELECT * FROM no_such_table") } }
        #expect(!store.database.holdsRead)
        #expect(!store.database.isInTransaction)
    }

    @Test func theEndOfTheTurnLetsACheckpointResetTheWAL() throws {
        let fixture = try Fixture()
        try fixture.commit()
        _ = try fixture.store.dataVersion()
        _ = try fixture.read()
        try fixture.commit()
        #expect(try !fixture.truncateWAL())  // the held snapshot still needs the WAL's frames
        fixture.store.endHeldRead()
        #expect(!fixture.store.database.holdsRead)
        #expect(try fixture.truncateWAL())
    }

    /// Through the server: an idle loop holds no read. After uncached reads on a keep-alive connection, another
    /// connection's TRUNCATE checkpoint succeeds once the loop's turn has ended (waited for, at most 5 s).
    @Test func anIdleLoopHoldsNoRead() throws {
        let api = try TestAPI(responseCacheBytes: 0, workers: 1)
        let writer = try Database(path: api.databasePath)
        try writer.execute("INSERT INTO changes (collection, record_id, operation, actor) VALUES ('topics', 'x', 'update', 'test')")
        let client = try TestHTTPClient(port: api.port)
        for _ in 0..<3 { #expect(try client.request("GET", "/meetings?date=2022-01-12").status == 200) }
        try writer.execute("INSERT INTO changes (collection, record_id, operation, actor) VALUES ('topics', 'y', 'update', 'test')")
        #expect(try client.request("GET", "/meetings?date=2022-01-12").status == 200)
        let deadline = Date().addingTimeInterval(5)
        var truncated = false
        while !truncated && Date() < deadline {
            truncated = try Self.truncateWAL(writer)
            if !truncated { usleep(10_000) }
        }
        #expect(truncated)
    }
}
