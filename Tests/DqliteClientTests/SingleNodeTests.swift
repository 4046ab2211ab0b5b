import CSQLite
@testable import DqliteClient
import DqliteNode
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The client against one real dqlite node on 127.0.0.1 (node 1 bootstraps a one-voter cluster).
@Suite(.serialized, .timeLimit(.minutes(1))) struct SingleNodeTests {
    @Test func statementsParametersRowsErrorsAndDumpAgainstARealNode() throws {
        let directory = Loopback.temporaryDirectory("dqlite-single")
        defer { Loopback.removeTree(directory) }
        let address = Loopback.address()
        let node = try Loopback.node(id: 1, address: address, directory: directory + "/node")
        defer { try? node.stop() }

        let client = try DqliteConnection(address: address, timeoutMilliseconds: 5_000)
        #expect(try client.register() > 0)
        let leader = try Loopback.eventually { try client.leader() }
        #expect(leader.id == 1)
        #expect(leader.address == address)
        #expect(try client.cluster() == [DqliteNodeInfo(id: 1, address: address, role: .voter)])

        let database = try client.open("test.db")
        try client.execSQL(database: database, "CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, f REAL, s TEXT, b BLOB, n TEXT)")

        // Prepared insert with every parameter type.
        let insert = try client.prepare(database: database, sql: "INSERT INTO t (i, f, s, b, n) VALUES (?, ?, ?, ?, ?)")
        #expect(insert.parameterCount == 5)
        let blob: [UInt8] = [0, 1, 2, 0xff, 0xfe, 0, 7, 8, 9]
        let first = try client.exec(insert, [.integer(Int64.min), .float(-2.25), .text("héllo ✓"), .blob(blob), .null])
        #expect(first == DqliteResult(lastInsertID: 1, rowsAffected: 1))
        let second = try client.exec(insert, [.integer(Int64.max), .float(1e300), .text(""), .blob([]), .null])
        #expect(second.lastInsertID == 2)
        try client.finalize(insert)

        // Rows come back with their types.
        let select = try client.prepare(database: database, sql: "SELECT id, i, f, s, b, n FROM t WHERE id >= ? ORDER BY id")
        let rows = try client.query(select, [.integer(1)])
        #expect(rows.columns == ["id", "i", "f", "s", "b", "n"])
        #expect(rows.rows == [
            [.integer(1), .integer(Int64.min), .float(-2.25), .text("héllo ✓"), .blob(blob), .null],
            [.integer(2), .integer(Int64.max), .float(1e300), .text(""), .blob([]), .null],
        ])
        try client.finalize(select)
        #expect(try client.querySQL(database: database, "SELECT count(*) AS c FROM t WHERE s = ?", [.text("")]).rows == [[.integer(1)]])

        // A result set of many batches: the server sends a page of rows per response.
        try client.execSQL(database: database, """
            CREATE TABLE big (x INTEGER, label TEXT);
            WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000)
            INSERT INTO big SELECT x, 'row number ' || x FROM c;
            """)
        let big = try client.querySQL(database: database, "SELECT x, label FROM big ORDER BY x")
        #expect(big.rows.count == 3000)
        #expect(client.lastQueryBatches > 1)
        #expect(big.rows.first == [.integer(1), .text("row number 1")])
        #expect(big.rows.last == [.integer(3000), .text("row number 3000")])
        #expect(big.rows.enumerated().allSatisfy { $0.element.first == .integer(Int64($0.offset + 1)) })

        // Failures carry SQLite's code and message, and leave the connection usable.
        #expect {
            try client.prepare(database: database, sql: "SELEC 1")
        } throws: { error in
            guard case .server(let code, let message) = error as? DqliteError else { return false }
            return code == 1 && message.contains("syntax error")
        }
        try client.execSQL(database: database, "CREATE TABLE u (k TEXT UNIQUE)")
        try client.execSQL(database: database, "INSERT INTO u VALUES (?)", [.text("a")])
        #expect {
            try client.execSQL(database: database, "INSERT INTO u VALUES (?)", [.text("a")])
        } throws: { error in
            guard let code = (error as? DqliteError)?.code else { return false }
            print("dqlite: a UNIQUE violation answers \(error)")
            return code & 0xff == 19 // SQLITE_CONSTRAINT, possibly extended
        }
        #expect(try client.querySQL(database: database, "SELECT count(*) FROM u").rows == [[.integer(1)]])

        // An explicit transaction over several requests on one connection: committed together, or rolled back.
        try client.execSQL(database: database, "BEGIN")
        try client.execSQL(database: database, "INSERT INTO u VALUES (?)", [.text("b")])
        try client.execSQL(database: database, "INSERT INTO u VALUES (?)", [.text("c")])
        try client.execSQL(database: database, "COMMIT")
        try client.execSQL(database: database, "BEGIN")
        try client.execSQL(database: database, "INSERT INTO u VALUES (?)", [.text("d")])
        try client.execSQL(database: database, "ROLLBACK")
        #expect(try client.querySQL(database: database, "SELECT k FROM u ORDER BY k").rows == [[.text("a")], [.text("b")], [.text("c")]])

        // DUMP: the database file and its WAL; stock SQLite opens them and reads the same rows.
        let files = try client.dump("test.db")
        #expect(files.map(\.name) == ["test.db", "test.db-wal"])
        let copy = directory + "/copy"
        Loopback.removeTree(copy)
        #expect(mkdirCopy(copy))
        for file in files { #expect(Loopback.write(file.bytes, to: copy + "/" + file.name)) }
        let local = try LocalSQLite(path: copy + "/test.db")
        #expect(local.rows("SELECT id, i, s, hex(b), n IS NULL FROM t ORDER BY id") == [
            ["1", "\(Int64.min)", "héllo ✓", "000102FFFE00070809", "1"],
            ["2", "\(Int64.max)", "", "", "1"],
        ])
        #expect(local.rows("SELECT count(*), sum(x) FROM big") == [["3000", "\(3000 * 3001 / 2)"]])
    }

    @Test func aDeadPeerIsAnErrorNotAHang() throws {
        let address = Loopback.address() // nothing listens there
        let started = Loopback.now()
        #expect(throws: DqliteError.self) { try DqliteConnection(address: address, timeoutMilliseconds: 1_000) }
        #expect(Loopback.now() - started < 3_000)
        #expect(throws: DqliteError.self) { try DqliteConnection(address: "no-port", timeoutMilliseconds: 1_000) }
    }

    @Test func aPeerThatNeverAnswersTimesOut() throws {
        // A socket that listens but never accepts: connect and the handshake go through, no answer ever comes.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        #expect(bound)
        #expect(listen(fd, 4) == 0)
        let client = try DqliteConnection(address: "127.0.0.1:\(UInt16(bigEndian: address.sin_port))", timeoutMilliseconds: 300)
        let started = Loopback.now()
        #expect(throws: DqliteError.timeout("read")) { try client.leader() }
        #expect(Loopback.now() - started < 2_000)
        // A connection that timed out mid-exchange is not reused.
        #expect {
            try client.leader()
        } throws: { error in
            if case .connection = error as? DqliteError { return true }
            return false
        }
    }
}

private func mkdirCopy(_ path: String) -> Bool { mkdir(path, 0o755) == 0 }

/// A stock SQLite connection, to read a DUMP back.
final class LocalSQLite {
    private let handle: OpaquePointer

    struct Failure: Error { let message: String }

    init(path: String) throws {
        var handle: OpaquePointer?
        let result = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil)
        guard result == SQLITE_OK, let handle else {
            if let handle { sqlite3_close(handle) }
            throw Failure(message: "sqlite3_open_v2 \(path): \(result)")
        }
        self.handle = handle
    }

    deinit { sqlite3_close(handle) }

    /// Every row of `sql` as text; nil values as "NULL". An error is one row holding the message.
    func rows(_ sql: String) -> [[String]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            return [["error: " + String(cString: sqlite3_errmsg(handle))]]
        }
        defer { sqlite3_finalize(statement) }
        var rows: [[String]] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            rows.append((0..<sqlite3_column_count(statement)).map { column in
                sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "NULL"
            })
        }
        return rows
    }
}
