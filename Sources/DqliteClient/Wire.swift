// dqlite's wire protocol, version 1: pure encoding and decoding, no sockets.
//
// Everything is little-endian and every message body is a whole number of 8-byte words
// (canonical/dqlite v1.11: src/lib/serialize.h, src/message.h, src/request.h, src/response.h, src/tuple.c).
// A message is an 8-byte header (uint32 body words, uint8 type, uint8 revision, uint16 unused) and the body.
// Text is UTF-8, NUL-terminated, zero-padded to a word; a blob is a uint64 length and the bytes, padded.

/// A value bound to a statement or read from a row.
public enum DqliteValue: Sendable, Equatable {
    case integer(Int64)
    case float(Double)
    case text(String)
    case blob([UInt8])
    case null
    /// In rows only: a DATETIME/DATE/TIMESTAMP column holding an integer (seconds since the epoch).
    case unixTime(Int64)
    /// In rows only: a DATETIME/DATE/TIMESTAMP column holding text.
    case iso8601(String)
    /// A BOOLEAN column.
    case boolean(Bool)
}

/// One member of the cluster, as CLUSTER (format 1) and LEADER describe it.
public struct DqliteNodeInfo: Sendable, Equatable {
    public var id: UInt64
    public var address: String
    public var role: DqliteRole

    public init(id: UInt64, address: String, role: DqliteRole) {
        self.id = id
        self.address = address
        self.role = role
    }
}

public enum DqliteRole: UInt64, Sendable {
    case voter = 0
    case standby = 1
    case spare = 2
}

/// What EXEC and EXEC_SQL answer.
public struct DqliteResult: Sendable, Equatable {
    public var lastInsertID: UInt64
    public var rowsAffected: UInt64

    public init(lastInsertID: UInt64, rowsAffected: UInt64) {
        self.lastInsertID = lastInsertID
        self.rowsAffected = rowsAffected
    }
}

/// A prepared statement on the server (PREPARE's answer).
public struct DqliteStatement: Sendable, Equatable {
    public var database: UInt32
    public var id: UInt32
    public var parameterCount: UInt64
}

/// A whole result set: column names and rows, every batch joined.
public struct DqliteRows: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[DqliteValue]]
}

/// One batch of a ROWS response; `more` when the server sends further batches unasked.
public struct DqliteRowsBatch: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[DqliteValue]]
    public var more: Bool
}

/// One file of a DUMP: the database file, then its WAL (possibly empty), in SQLite's own formats.
public struct DqliteFile: Sendable, Equatable {
    public var name: String
    public var bytes: [UInt8]
}

/// Failures: a server's FAILURE response (code and message), or a broken exchange.
public enum DqliteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// SQLITE_IOERR_NOT_LEADER (10250): the node is not the leader; ask LEADER and retry there.
    case notLeader(String)
    /// SQLITE_IOERR_LEADERSHIP_LOST (10506): the leader lost leadership before committing; the write may or may not apply.
    case leadershipLost(String)
    /// Any other FAILURE response: SQLite or dqlite code and message.
    case server(code: UInt64, message: String)
    /// The peer sent something this client cannot parse, or an unexpected response type.
    case protocolViolation(String)
    /// Connecting, reading or writing failed, or the peer closed the connection.
    case connection(String)
    /// The peer did not answer in time.
    case timeout(String)

    public static let notLeaderCode: UInt64 = 10250
    public static let leadershipLostCode: UInt64 = 10506

    /// A failure response, typed by its code.
    public static func failure(code: UInt64, message: String) -> DqliteError {
        switch code {
        case notLeaderCode: .notLeader(message)
        case leadershipLostCode: .leadershipLost(message)
        default: .server(code: code, message: message)
        }
    }

    /// The server's code, for failure responses.
    public var code: UInt64? {
        switch self {
        case .notLeader: Self.notLeaderCode
        case .leadershipLost: Self.leadershipLostCode
        case .server(let code, _): code
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .notLeader(let message): "dqlite: not leader (10250): \(message)"
        case .leadershipLost(let message): "dqlite: leadership lost (10506): \(message)"
        case .server(let code, let message): "dqlite: error \(code): \(message)"
        case .protocolViolation(let what): "dqlite: protocol error: \(what)"
        case .connection(let what): "dqlite: connection: \(what)"
        case .timeout(let what): "dqlite: timeout: \(what)"
        }
    }
}

/// Message and value encoding. Namespaces only: every function is pure.
public enum DqliteWire {
    public static let protocolVersion: UInt64 = 1
    public static let headerSize = 8
    public static let rowsPart: UInt64 = 0xeeee_eeee_eeee_eeee
    public static let rowsDone: UInt64 = 0xffff_ffff_ffff_ffff
    /// A sanity bound on one response body (dqlite's own limit is the uint32 word count).
    public static let maximumBodyBytes = 1 << 31

    public enum Request: UInt8, Sendable {
        case leader = 0, client = 1, heartbeat = 2, open = 3, prepare = 4, exec = 5, query = 6, finalize = 7
        case execSQL = 8, querySQL = 9, interrupt = 10, connect = 11, add = 12, assign = 13, remove = 14
        case dump = 15, cluster = 16, transfer = 17, describe = 18, weight = 19
    }

    public enum Response: UInt8, Sendable {
        case failure = 0, server = 1, welcome = 2, servers = 3, db = 4, stmt = 5, result = 6, rows = 7
        case empty = 8, files = 9, metadata = 10
    }

    /// Value type codes: SQLite's 1-5, dqlite's 9-11.
    enum TypeCode: UInt8 {
        case integer = 1, float = 2, text = 3, blob = 4, null = 5, unixTime = 9, iso8601 = 10, boolean = 11
    }

    /// The first 8 bytes a client sends.
    public static func handshake() -> [UInt8] {
        var writer = WireWriter()
        writer.uint64(protocolVersion)
        return writer.bytes
    }

    /// Header and body of one request. The body must be whole words.
    public static func message(_ type: Request, body: [UInt8]) -> [UInt8] {
        precondition(body.count % 8 == 0, "a dqlite message body is whole 8-byte words")
        var writer = WireWriter()
        writer.uint32(UInt32(body.count / 8))
        writer.uint8(type.rawValue)
        writer.uint8(0)
        writer.uint16(0)
        return writer.bytes + body
    }

    /// The header of a response: body size in bytes and type.
    public static func decodeHeader(_ bytes: [UInt8]) throws(DqliteError) -> (bodyBytes: Int, type: UInt8) {
        var reader = WireReader(bytes)
        let words = try reader.uint32()
        let type = try reader.uint8()
        _ = try reader.uint8()
        _ = try reader.uint16()
        let size = Int(words) * 8
        guard size <= maximumBodyBytes else { throw .protocolViolation("response body of \(size) bytes") }
        return (size, type)
    }

    // MARK: Requests

    public static func leader() -> [UInt8] { words { $0.uint64(0) } }
    public static func client(id: UInt64) -> [UInt8] { words { $0.uint64(id) } }
    public static func open(name: String, flags: UInt64 = 0, vfs: String = "") throws(DqliteError) -> [UInt8] {
        try wordsThrowing { w throws(DqliteError) in try w.text(name); w.uint64(flags); try w.text(vfs) }
    }
    public static func prepare(database: UInt32, sql: String) throws(DqliteError) -> [UInt8] {
        try wordsThrowing { w throws(DqliteError) in w.uint64(UInt64(database)); try w.text(sql) }
    }
    public static func exec(database: UInt32, statement: UInt32, parameters: [DqliteValue]) throws(DqliteError) -> [UInt8] {
        try wordsThrowing { w throws(DqliteError) in w.uint32(database); w.uint32(statement); try w.parameters(parameters) }
    }
    public static func query(database: UInt32, statement: UInt32, parameters: [DqliteValue]) throws(DqliteError) -> [UInt8] {
        try exec(database: database, statement: statement, parameters: parameters)
    }
    public static func finalize(database: UInt32, statement: UInt32) -> [UInt8] {
        words { $0.uint32(database); $0.uint32(statement) }
    }
    public static func execSQL(database: UInt32, sql: String, parameters: [DqliteValue]) throws(DqliteError) -> [UInt8] {
        try wordsThrowing { w throws(DqliteError) in w.uint64(UInt64(database)); try w.text(sql); try w.parameters(parameters) }
    }
    public static func querySQL(database: UInt32, sql: String, parameters: [DqliteValue]) throws(DqliteError) -> [UInt8] {
        try execSQL(database: database, sql: sql, parameters: parameters)
    }
    public static func add(id: UInt64, address: String) throws(DqliteError) -> [UInt8] {
        try wordsThrowing { w throws(DqliteError) in w.uint64(id); try w.text(address) }
    }
    public static func assign(id: UInt64, role: DqliteRole) -> [UInt8] {
        words { $0.uint64(id); $0.uint64(role.rawValue) }
    }
    public static func remove(id: UInt64) -> [UInt8] { words { $0.uint64(id) } }
    public static func dump(name: String) throws(DqliteError) -> [UInt8] {
        try wordsThrowing { w throws(DqliteError) in try w.text(name) }
    }
    /// Format 1: id, address and role of each member.
    public static func cluster() -> [UInt8] { words { $0.uint64(1) } }
    public static func transfer(id: UInt64) -> [UInt8] { words { $0.uint64(id) } }

    private static func words(_ body: (inout WireWriter) -> Void) -> [UInt8] {
        var writer = WireWriter()
        body(&writer)
        return writer.bytes
    }

    private static func wordsThrowing(_ body: (inout WireWriter) throws(DqliteError) -> Void) throws(DqliteError) -> [UInt8] {
        var writer = WireWriter()
        try body(&writer)
        return writer.bytes
    }

    // MARK: Responses

    /// A FAILURE body as the typed error.
    public static func decodeFailure(_ body: [UInt8]) throws(DqliteError) -> DqliteError {
        var reader = WireReader(body)
        let code = try reader.uint64()
        let message = try reader.text()
        return .failure(code: code, message: message)
    }

    /// A SERVER body (LEADER's answer): nil when no leader is known (id 0, empty address).
    public static func decodeServer(_ body: [UInt8]) throws(DqliteError) -> (id: UInt64, address: String)? {
        var reader = WireReader(body)
        let id = try reader.uint64()
        let address = try reader.text()
        return id == 0 && address.isEmpty ? nil : (id, address)
    }

    /// A WELCOME body: the server's heartbeat timeout in milliseconds.
    public static func decodeWelcome(_ body: [UInt8]) throws(DqliteError) -> UInt64 {
        var reader = WireReader(body)
        return try reader.uint64()
    }

    public static func decodeDatabase(_ body: [UInt8]) throws(DqliteError) -> UInt32 {
        var reader = WireReader(body)
        let id = try reader.uint32()
        _ = try reader.uint32()
        return id
    }

    public static func decodeStatement(_ body: [UInt8]) throws(DqliteError) -> DqliteStatement {
        var reader = WireReader(body)
        return DqliteStatement(database: try reader.uint32(), id: try reader.uint32(), parameterCount: try reader.uint64())
    }

    public static func decodeResult(_ body: [UInt8]) throws(DqliteError) -> DqliteResult {
        var reader = WireReader(body)
        return DqliteResult(lastInsertID: try reader.uint64(), rowsAffected: try reader.uint64())
    }

    /// A SERVERS body (CLUSTER format 1).
    public static func decodeServers(_ body: [UInt8]) throws(DqliteError) -> [DqliteNodeInfo] {
        var reader = WireReader(body)
        let count = try reader.uint64()
        guard count <= UInt64(body.count / 24) else { throw .protocolViolation("\(count) servers in \(body.count) bytes") }
        var servers: [DqliteNodeInfo] = []
        for _ in 0..<count {
            let id = try reader.uint64()
            let address = try reader.text()
            let rawRole = try reader.uint64()
            guard let role = DqliteRole(rawValue: rawRole) else { throw .protocolViolation("role \(rawRole)") }
            servers.append(DqliteNodeInfo(id: id, address: address, role: role))
        }
        return servers
    }

    /// A FILES body (DUMP's answer).
    public static func decodeFiles(_ body: [UInt8]) throws(DqliteError) -> [DqliteFile] {
        var reader = WireReader(body)
        let count = try reader.uint64()
        guard count <= UInt64(body.count / 16) else { throw .protocolViolation("\(count) files in \(body.count) bytes") }
        var files: [DqliteFile] = []
        for _ in 0..<count {
            let name = try reader.text()
            let size = try reader.uint64()
            guard size <= UInt64(reader.remaining) else { throw .protocolViolation("file \(name) of \(size) bytes, \(reader.remaining) left") }
            let bytes = try reader.bytes(Int(size))
            try reader.skipPadding(Int(size))
            files.append(DqliteFile(name: name, bytes: bytes))
        }
        return files
    }

    /// One ROWS body: column count, column names, rows, then the PART or DONE marker.
    public static func decodeRows(_ body: [UInt8]) throws(DqliteError) -> DqliteRowsBatch {
        var reader = WireReader(body)
        let count = try reader.uint64()
        guard count >= 1, count <= UInt64(body.count / 8) else { throw .protocolViolation("\(count) columns in \(body.count) bytes") }
        let columnCount = Int(count)
        var columns: [String] = []
        columns.reserveCapacity(columnCount)
        for _ in 0..<columnCount { columns.append(try reader.text()) }
        var rows: [[DqliteValue]] = []
        while true {
            let marker = try reader.peekUInt64()
            if marker == rowsDone || marker == rowsPart {
                _ = try reader.uint64()
                guard reader.remaining == 0 else { throw .protocolViolation("\(reader.remaining) bytes after the end of rows") }
                return DqliteRowsBatch(columns: columns, rows: rows, more: marker == rowsPart)
            }
            rows.append(try reader.row(columns: columnCount))
        }
    }
}

/// Appends little-endian words. Values are encoded as the server's tuple decoder reads them.
public struct WireWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func uint8(_ value: UInt8) { bytes.append(value) }
    public mutating func uint16(_ value: UInt16) { append(UInt64(value), width: 2) }
    public mutating func uint32(_ value: UInt32) { append(UInt64(value), width: 4) }
    public mutating func uint64(_ value: UInt64) { append(value, width: 8) }
    public mutating func int64(_ value: Int64) { uint64(UInt64(bitPattern: value)) }
    public mutating func double(_ value: Double) { uint64(value.bitPattern) }

    /// NUL-terminated, zero-padded to a word. Text holding a NUL cannot be sent as text.
    public mutating func text(_ value: String) throws(DqliteError) {
        let utf8 = Array(value.utf8)
        guard !utf8.contains(0) else { throw .protocolViolation("text holds a NUL byte; send it as a blob") }
        bytes += utf8
        bytes.append(0)
        pad()
    }

    public mutating func blob(_ value: [UInt8]) {
        uint64(UInt64(value.count))
        bytes += value
        pad()
    }

    /// Zeros to the next word boundary.
    public mutating func pad() {
        let extra = bytes.count % 8
        if extra != 0 { bytes += [UInt8](repeating: 0, count: 8 - extra) }
    }

    /// A parameter tuple: one byte of count and one type byte per value, padded to a word, then the values.
    /// No parameters is no bytes at all (the server then binds nothing).
    public mutating func parameters(_ values: [DqliteValue]) throws(DqliteError) {
        guard !values.isEmpty else { return }
        guard values.count <= 255 else { throw .protocolViolation("\(values.count) parameters; at most 255") }
        uint8(UInt8(values.count))
        for value in values { uint8(Self.parameterType(value).rawValue) }
        pad()
        for value in values {
            switch value {
            case .integer(let integer), .unixTime(let integer): int64(integer)
            case .float(let float): double(float)
            case .text(let text), .iso8601(let text): try self.text(text)
            case .blob(let blob): self.blob(blob)
            case .null: uint64(0)
            case .boolean(let boolean): uint64(boolean ? 1 : 0)
            }
        }
    }

    /// dqlite 1.11 binds integer, float, text, blob, null, ISO 8601 and boolean; a Unix time goes as an integer.
    static func parameterType(_ value: DqliteValue) -> DqliteWire.TypeCode {
        switch value {
        case .integer, .unixTime: .integer
        case .float: .float
        case .text: .text
        case .blob: .blob
        case .null: .null
        case .iso8601: .iso8601
        case .boolean: .boolean
        }
    }

    private mutating func append(_ value: UInt64, width: Int) {
        for index in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
    }
}

/// Reads little-endian words from a body; every read is bounds-checked and throws on a short body.
public struct WireReader: Sendable {
    private let bytes: [UInt8]
    public private(set) var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var remaining: Int { bytes.count - offset }

    public mutating func uint8() throws(DqliteError) -> UInt8 { UInt8(try read(width: 1)) }
    public mutating func uint16() throws(DqliteError) -> UInt16 { UInt16(try read(width: 2)) }
    public mutating func uint32() throws(DqliteError) -> UInt32 { UInt32(try read(width: 4)) }
    public mutating func uint64() throws(DqliteError) -> UInt64 { try read(width: 8) }
    public mutating func int64() throws(DqliteError) -> Int64 { Int64(bitPattern: try uint64()) }
    public mutating func double() throws(DqliteError) -> Double { Double(bitPattern: try uint64()) }

    public func peekUInt64() throws(DqliteError) -> UInt64 {
        var copy = self
        return try copy.uint64()
    }

    public mutating func text() throws(DqliteError) -> String {
        guard let end = bytes[offset...].firstIndex(of: 0) else { throw .protocolViolation("text without its NUL at byte \(offset)") }
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        let length = end - offset + 1
        guard length + Self.padding(length) <= remaining else { throw .protocolViolation("text padding past the end at byte \(offset)") }
        offset += length + Self.padding(length)
        return text
    }

    public mutating func blob() throws(DqliteError) -> [UInt8] {
        let size = try uint64()
        guard size <= UInt64(remaining) else { throw .protocolViolation("blob of \(size) bytes, \(remaining) left") }
        let value = try bytes(Int(size))
        try skipPadding(Int(size))
        return value
    }

    public mutating func bytes(_ count: Int) throws(DqliteError) -> [UInt8] {
        guard count >= 0, count <= remaining else { throw .protocolViolation("\(count) bytes wanted, \(remaining) left") }
        let value = Array(bytes[offset..<offset + count])
        offset += count
        return value
    }

    /// Skips the zeros that pad `length` bytes to a word.
    public mutating func skipPadding(_ length: Int) throws(DqliteError) {
        let padding = Self.padding(length)
        guard padding <= remaining else { throw .protocolViolation("padding past the end") }
        offset += padding
    }

    /// One row: 4-bit type codes (low nibble first) padded to a word, then the values.
    public mutating func row(columns: Int) throws(DqliteError) -> [DqliteValue] {
        let headerBytes = (columns + 1) / 2
        let header = try bytes(headerBytes)
        try skipPadding(headerBytes)
        var values: [DqliteValue] = []
        values.reserveCapacity(columns)
        for column in 0..<columns {
            let slot = header[column / 2]
            let code = column % 2 == 0 ? slot & 0x0f : slot >> 4
            values.append(try value(code: code))
        }
        return values
    }

    mutating func value(code: UInt8) throws(DqliteError) -> DqliteValue {
        guard let type = DqliteWire.TypeCode(rawValue: code) else { throw .protocolViolation("value type \(code)") }
        switch type {
        case .integer: return .integer(try int64())
        case .float: return .float(try double())
        case .text: return .text(try text())
        case .blob: return .blob(try blob())
        case .null:
            _ = try uint64()
            return .null
        case .unixTime: return .unixTime(try int64())
        case .iso8601: return .iso8601(try text())
        case .boolean: return .boolean(try uint64() != 0)
        }
    }

    static func padding(_ length: Int) -> Int { (8 - length % 8) % 8 }

    private mutating func read(width: Int) throws(DqliteError) -> UInt64 {
        guard width <= remaining else { throw .protocolViolation("\(width) bytes wanted at byte \(offset), \(remaining) left") }
        var value: UInt64 = 0
        for index in 0..<width { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += width
        return value
    }
}
