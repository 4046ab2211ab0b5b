@testable import DqliteClient
import Testing

/// Byte-by-byte checks of the encoding against hand-written bytes from dqlite's wire protocol
/// (v1.11: src/lib/serialize.h, src/message.h, src/request.h, src/response.h, src/tuple.c). No sockets.
@Suite struct WireTests {
    @Test func theHandshakeIsProtocolVersionOneAsALittleEndianWord() {
        #expect(DqliteWire.handshake() == [1, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func aMessageHeaderCountsBodyWordsThenTypeRevisionAndUnused() {
        // LEADER: one unused word. Header: words=1 (uint32), type=0, revision=0, extra=0 (uint16).
        #expect(DqliteWire.message(.leader, body: DqliteWire.leader()) == [
            1, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
        ])
        let body = [UInt8](repeating: 0xaa, count: 24)
        #expect(Array(DqliteWire.message(.exec, body: body).prefix(8)) == [3, 0, 0, 0, 5, 0, 0, 0])
    }

    @Test func textIsNulTerminatedAndPaddedToAWord() throws {
        // OPEN "test" flags 0 vfs "": "test\0" + 3 zeros, a zero word, "\0" + 7 zeros.
        #expect(try DqliteWire.open(name: "test") == [
            0x74, 0x65, 0x73, 0x74, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
        ])
        // Exactly 8 bytes of text still needs its NUL: a second, all-zero word.
        var writer = WireWriter()
        try writer.text("abcdefgh")
        #expect(writer.bytes == [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(throws: DqliteError.self) { try WireWriter().withText("a\u{0}b") }
    }

    @Test func prepareIsADatabaseWordThenTheSQL() throws {
        #expect(try DqliteWire.prepare(database: 0, sql: "SELECT 1") == [
            0, 0, 0, 0, 0, 0, 0, 0,
            0x53, 0x45, 0x4c, 0x45, 0x43, 0x54, 0x20, 0x31,
            0, 0, 0, 0, 0, 0, 0, 0,
        ])
    }

    @Test func execCarriesTwoUInt32sThenAParameterTupleWithEightBitTypes() throws {
        let bytes = try DqliteWire.exec(
            database: 0, statement: 7,
            parameters: [.integer(-2), .float(1.5), .text("hi"), .null, .blob([1, 2, 3])])
        #expect(bytes == [
            0, 0, 0, 0, 7, 0, 0, 0, // db_id, stmt_id
            5, 1, 2, 3, 5, 4, 0, 0, // 5 parameters: integer, float, text, null, blob; padded
            0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, // -2
            0, 0, 0, 0, 0, 0, 0xf8, 0x3f, // 1.5 (0x3ff8000000000000)
            0x68, 0x69, 0, 0, 0, 0, 0, 0, // "hi"
            0, 0, 0, 0, 0, 0, 0, 0, // null
            3, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, // blob: length, bytes, padding
        ])
    }

    @Test func aParameterHeaderOfSevenTypesFillsOneWordAndAnEighthTakesASecond() throws {
        var seven = WireWriter()
        try seven.parameters(Array(repeating: .null, count: 7))
        #expect(Array(seven.bytes.prefix(8)) == [7, 5, 5, 5, 5, 5, 5, 5])
        #expect(seven.bytes.count == 8 + 7 * 8)
        var eight = WireWriter()
        try eight.parameters(Array(repeating: .integer(1), count: 8))
        #expect(Array(eight.bytes.prefix(16)) == [8, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(eight.bytes.count == 16 + 8 * 8)
    }

    @Test func noParametersIsNoBytes() throws {
        #expect(try DqliteWire.execSQL(database: 0, sql: "x", parameters: []) == [
            0, 0, 0, 0, 0, 0, 0, 0, 0x78, 0, 0, 0, 0, 0, 0, 0,
        ])
    }

    @Test func membershipRequests() throws {
        #expect(try DqliteWire.add(id: 2, address: "1.2.3.4:9") == [
            2, 0, 0, 0, 0, 0, 0, 0,
            0x31, 0x2e, 0x32, 0x2e, 0x33, 0x2e, 0x34, 0x3a, 0x39, 0, 0, 0, 0, 0, 0, 0,
        ])
        #expect(DqliteWire.assign(id: 3, role: .voter) == [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(DqliteWire.assign(id: 3, role: .spare) == [3, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0])
        #expect(DqliteWire.remove(id: 0x0102) == [2, 1, 0, 0, 0, 0, 0, 0])
        #expect(DqliteWire.cluster() == [1, 0, 0, 0, 0, 0, 0, 0])
        #expect(DqliteWire.client(id: 9) == [9, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func aResponseHeaderGivesBodyBytesAndType() throws {
        let header = try DqliteWire.decodeHeader([2, 0, 0, 0, 7, 0, 0, 0])
        #expect(header.bodyBytes == 16)
        #expect(header.type == DqliteWire.Response.rows.rawValue)
        #expect(throws: DqliteError.self) { try DqliteWire.decodeHeader([1, 0, 0]) }
    }

    @Test func aFailureCarriesCodeAndMessageAndNotLeaderIsItsOwnCase() throws {
        // 10250 = 0x280a, "not leader"
        let body: [UInt8] = [
            0x0a, 0x28, 0, 0, 0, 0, 0, 0,
            0x6e, 0x6f, 0x74, 0x20, 0x6c, 0x65, 0x61, 0x64, 0x65, 0x72, 0, 0, 0, 0, 0, 0,
        ]
        #expect(try DqliteWire.decodeFailure(body) == .notLeader("not leader"))
        #expect(try DqliteWire.decodeFailure(body).code == 10250)
        let syntax: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 0, 0x6e, 0x6f, 0, 0, 0, 0, 0, 0]
        #expect(try DqliteWire.decodeFailure(syntax) == .server(code: 1, message: "no"))
        #expect(DqliteError.failure(code: 10506, message: "x") == .leadershipLost("x"))
    }

    @Test func smallResponses() throws {
        let server: [UInt8] = [3, 0, 0, 0, 0, 0, 0, 0, 0x61, 0x3a, 0x31, 0, 0, 0, 0, 0]
        let leader = try DqliteWire.decodeServer(server)
        #expect(leader?.id == 3)
        #expect(leader?.address == "a:1")
        #expect(try DqliteWire.decodeServer([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) == nil)
        #expect(try DqliteWire.decodeWelcome([0x98, 0x3a, 0, 0, 0, 0, 0, 0]) == 15000)
        #expect(try DqliteWire.decodeDatabase([0, 0, 0, 0, 0, 0, 0, 0]) == 0)
        #expect(try DqliteWire.decodeStatement([0, 0, 0, 0, 4, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0])
            == DqliteStatement(database: 0, id: 4, parameterCount: 2))
        #expect(try DqliteWire.decodeResult([5, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
            == DqliteResult(lastInsertID: 5, rowsAffected: 1))
    }

    @Test func serversListIdAddressAndRole() throws {
        let body: [UInt8] = [
            2, 0, 0, 0, 0, 0, 0, 0,
            1, 0, 0, 0, 0, 0, 0, 0, 0x61, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            2, 0, 0, 0, 0, 0, 0, 0, 0x62, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0,
        ]
        #expect(try DqliteWire.decodeServers(body) == [
            DqliteNodeInfo(id: 1, address: "a", role: .voter),
            DqliteNodeInfo(id: 2, address: "b", role: .spare),
        ])
        #expect(throws: DqliteError.self) { try DqliteWire.decodeServers(Array(body.dropLast(8))) }
    }

    @Test func rowsHaveFourBitTypesLowNibbleFirstAndEndWithAMarker() throws {
        let body: [UInt8] = [
            3, 0, 0, 0, 0, 0, 0, 0, // 3 columns
            0x61, 0, 0, 0, 0, 0, 0, 0, // "a"
            0x62, 0, 0, 0, 0, 0, 0, 0, // "b"
            0x63, 0, 0, 0, 0, 0, 0, 0, // "c"
            // row 1: integer, text, float -> 0x31, 0x02
            0x31, 0x02, 0, 0, 0, 0, 0, 0,
            42, 0, 0, 0, 0, 0, 0, 0,
            0x78, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0xf0, 0x3f, // 1.0
            // row 2: null, blob, boolean -> 0x45, 0x0b
            0x45, 0x0b, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            2, 0, 0, 0, 0, 0, 0, 0, 0xde, 0xad, 0, 0, 0, 0, 0, 0,
            1, 0, 0, 0, 0, 0, 0, 0,
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, // done
        ]
        let batch = try DqliteWire.decodeRows(body)
        #expect(batch.columns == ["a", "b", "c"])
        #expect(batch.rows == [
            [.integer(42), .text("x"), .float(1.0)],
            [.null, .blob([0xde, 0xad]), .boolean(true)],
        ])
        #expect(!batch.more)

        var part = Array(body.dropLast(8))
        part += [UInt8](repeating: 0xee, count: 8)
        #expect(try DqliteWire.decodeRows(part).more)
    }

    @Test func seventeenColumnsNeedATwoWordRowHeader() throws {
        var writer = WireWriter()
        writer.uint64(17)
        for _ in 0..<17 { try writer.text("c") }
        writer.uint64(0x1111_1111_1111_1111) // 16 integers
        writer.uint64(0x0000_0000_0000_0005) // a 17th: null
        for index in 0..<16 { writer.int64(Int64(index)) }
        writer.uint64(0)
        writer.uint64(DqliteWire.rowsDone)
        let batch = try DqliteWire.decodeRows(writer.bytes)
        #expect(batch.rows == [(0..<16).map { DqliteValue.integer(Int64($0)) } + [.null]])
    }

    @Test func filesAreNameSizeAndBytes() throws {
        let body: [UInt8] = [
            2, 0, 0, 0, 0, 0, 0, 0,
            0x64, 0x62, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8,
            0x64, 0x62, 0x2d, 0x77, 0x61, 0x6c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ]
        #expect(try DqliteWire.decodeFiles(body) == [
            DqliteFile(name: "db", bytes: [1, 2, 3, 4, 5, 6, 7, 8]),
            DqliteFile(name: "db-wal", bytes: []),
        ])
    }

    @Test func truncatedOrMalformedBodiesThrowInsteadOfTrapping() {
        #expect(throws: DqliteError.self) { try DqliteWire.decodeFailure([1, 0, 0, 0, 0, 0, 0, 0, 0x61]) }
        #expect(throws: DqliteError.self) { try DqliteWire.decodeRows([1, 0, 0, 0, 0, 0, 0, 0, 0x61, 0, 0, 0, 0, 0, 0, 0]) }
        // An unknown type code (7) in a row header.
        #expect(throws: DqliteError.self) {
            try DqliteWire.decodeRows([1, 0, 0, 0, 0, 0, 0, 0, 0x61, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        }
        // A blob claiming more bytes than the body holds.
        #expect(throws: DqliteError.self) {
            try DqliteWire.decodeFiles([1, 0, 0, 0, 0, 0, 0, 0, 0x61, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0, 0, 0])
        }
        #expect(throws: DqliteError.self) { try DqliteWire.decodeServers([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) }
    }
}

extension WireWriter {
    fileprivate func withText(_ text: String) throws(DqliteError) {
        var copy = self
        try copy.text(text)
    }
}
