/// One connection to a dqlite node: requests go one at a time, each answered before the next.
///
/// Not thread-safe (use one per thread or task). After a timeout, a connection failure or a protocol
/// violation the connection is broken and every later call throws `.connection`; open a new one.
/// A database opened with `open` belongs to the connection (dqlite allows one per connection).
public final class DqliteConnection {
    public let address: String
    /// Milliseconds each request may take, from writing it to reading the last byte of its answer.
    public var timeoutMilliseconds: Int
    private let socket: TCPSocket
    private var broken: DqliteError?
    /// How many ROWS responses the last query took (for tests).
    private(set) var lastQueryBatches = 0

    /// Connects and sends the handshake (protocol version 1).
    public init(address: String, timeoutMilliseconds: Int = 5_000) throws(DqliteError) {
        self.address = address
        self.timeoutMilliseconds = timeoutMilliseconds
        socket = try TCPSocket(address: address, timeoutMilliseconds: timeoutMilliseconds)
        try socket.write(DqliteWire.handshake(), deadline: TCPSocket.deadline(after: timeoutMilliseconds))
    }

    // MARK: Cluster

    /// The leader this node knows of, or nil (no leader, or this node is not a voter).
    /// Right after a leader dies followers may still name it: confirm with `isLeader` on a connection to it.
    public func leader() throws(DqliteError) -> (id: UInt64, address: String)? {
        let body = try roundTrip(.leader, DqliteWire.leader(), expecting: .server)
        return try DqliteWire.decodeServer(body)
    }

    /// Registers as a client; answers the server's heartbeat timeout in milliseconds.
    @discardableResult
    public func register(clientID: UInt64 = 0) throws(DqliteError) -> UInt64 {
        let body = try roundTrip(.client, DqliteWire.client(id: clientID), expecting: .welcome)
        return try DqliteWire.decodeWelcome(body)
    }

    /// The members of the cluster as this node's Raft configuration has them.
    public func cluster() throws(DqliteError) -> [DqliteNodeInfo] {
        try DqliteWire.decodeServers(roundTrip(.cluster, DqliteWire.cluster(), expecting: .servers))
    }

    /// Adds a node (as a spare; `assign` promotes it). On the leader only.
    public func add(id: UInt64, address: String) throws(DqliteError) {
        _ = try roundTrip(.add, DqliteWire.add(id: id, address: address), expecting: .empty)
    }

    /// Gives a member a role (voter, standby, spare). On the leader only.
    public func assign(id: UInt64, role: DqliteRole) throws(DqliteError) {
        _ = try roundTrip(.assign, DqliteWire.assign(id: id, role: role), expecting: .empty)
    }

    /// Removes a member. On the leader only.
    public func remove(id: UInt64) throws(DqliteError) {
        _ = try roundTrip(.remove, DqliteWire.remove(id: id), expecting: .empty)
    }

    /// Asks the leader to hand leadership to another voter.
    public func transfer(to id: UInt64) throws(DqliteError) {
        _ = try roundTrip(.transfer, DqliteWire.transfer(id: id), expecting: .empty)
    }

    // MARK: Databases and statements

    /// Opens (creating if need be) a database of the cluster; answers its id on this connection.
    public func open(_ name: String) throws(DqliteError) -> UInt32 {
        try DqliteWire.decodeDatabase(roundTrip(.open, DqliteWire.open(name: name), expecting: .db))
    }

    public func prepare(database: UInt32, sql: String) throws(DqliteError) -> DqliteStatement {
        try DqliteWire.decodeStatement(roundTrip(.prepare, DqliteWire.prepare(database: database, sql: sql), expecting: .stmt))
    }

    /// Runs a prepared statement that writes; answers after the Raft commit.
    @discardableResult
    public func exec(_ statement: DqliteStatement, _ parameters: [DqliteValue] = []) throws(DqliteError) -> DqliteResult {
        let body = try DqliteWire.exec(database: statement.database, statement: statement.id, parameters: parameters)
        return try DqliteWire.decodeResult(roundTrip(.exec, body, expecting: .result))
    }

    /// Runs a prepared statement that reads; every batch of rows is read before this returns.
    public func query(_ statement: DqliteStatement, _ parameters: [DqliteValue] = []) throws(DqliteError) -> DqliteRows {
        let body = try DqliteWire.query(database: statement.database, statement: statement.id, parameters: parameters)
        return try rows(.query, body)
    }

    public func finalize(_ statement: DqliteStatement) throws(DqliteError) {
        _ = try roundTrip(.finalize, DqliteWire.finalize(database: statement.database, statement: statement.id), expecting: .empty)
    }

    /// Runs SQL text, possibly several statements (parameters bind to the first).
    @discardableResult
    public func execSQL(database: UInt32, _ sql: String, _ parameters: [DqliteValue] = []) throws(DqliteError) -> DqliteResult {
        let body = try DqliteWire.execSQL(database: database, sql: sql, parameters: parameters)
        return try DqliteWire.decodeResult(roundTrip(.execSQL, body, expecting: .result))
    }

    public func querySQL(database: UInt32, _ sql: String, _ parameters: [DqliteValue] = []) throws(DqliteError) -> DqliteRows {
        try rows(.querySQL, DqliteWire.querySQL(database: database, sql: sql, parameters: parameters))
    }

    /// The database's file and its WAL, as SQLite writes them: together they open with stock SQLite.
    public func dump(_ name: String) throws(DqliteError) -> [DqliteFile] {
        try DqliteWire.decodeFiles(roundTrip(.dump, DqliteWire.dump(name: name), expecting: .files))
    }

    // MARK: Exchange

    private func rows(_ type: DqliteWire.Request, _ body: [UInt8]) throws(DqliteError) -> DqliteRows {
        let deadline = TCPSocket.deadline(after: timeoutMilliseconds)
        try send(type, body, deadline: deadline)
        var result = DqliteRows(columns: [], rows: [])
        lastQueryBatches = 0
        // After a PART batch the server sends the next one unasked, and must not be sent anything else meanwhile.
        while true {
            let batch = try DqliteWire.decodeRows(receive(expecting: .rows, deadline: deadline))
            result.columns = batch.columns
            result.rows += batch.rows
            lastQueryBatches += 1
            if !batch.more { return result }
        }
    }

    private func roundTrip(_ type: DqliteWire.Request, _ body: [UInt8], expecting: DqliteWire.Response) throws(DqliteError) -> [UInt8] {
        let deadline = TCPSocket.deadline(after: timeoutMilliseconds)
        try send(type, body, deadline: deadline)
        return try receive(expecting: expecting, deadline: deadline)
    }

    private func send(_ type: DqliteWire.Request, _ body: [UInt8], deadline: Int) throws(DqliteError) {
        if let broken { throw .connection("connection to \(address) unusable after: \(broken)") }
        do {
            try socket.write(DqliteWire.message(type, body: body), deadline: deadline)
        } catch {
            broken = error
            throw error
        }
    }

    /// One response: its body, or the FAILURE as a typed error (which leaves the connection usable).
    private func receive(expecting: DqliteWire.Response, deadline: Int) throws(DqliteError) -> [UInt8] {
        let type: UInt8
        let body: [UInt8]
        do {
            let header = try DqliteWire.decodeHeader(socket.read(DqliteWire.headerSize, deadline: deadline))
            type = header.type
            body = try socket.read(header.bodyBytes, deadline: deadline)
        } catch {
            broken = error
            throw error
        }
        if type == DqliteWire.Response.failure.rawValue { throw try DqliteWire.decodeFailure(body) }
        guard type == expecting.rawValue else {
            let error = DqliteError.protocolViolation("response type \(type), expected \(expecting.rawValue)")
            broken = error
            throw error
        }
        return body
    }
}

extension DqliteConnection {
    /// True when the node at the other end names itself as leader.
    public func isLeader() throws(DqliteError) -> Bool {
        guard let leader = try leader() else { return false }
        return leader.address == address
    }

    /// A connection to the current leader, found through any of `addresses`: each is asked who leads,
    /// and the named node is asked too, so a dead leader still named by followers is never chosen.
    /// Retries until `withinMilliseconds` have passed, then throws the last error.
    public static func connectToLeader(
        _ addresses: [String], timeoutMilliseconds: Int = 2_000, withinMilliseconds: Int = 10_000
    ) throws(DqliteError) -> DqliteConnection {
        let deadline = TCPSocket.deadline(after: withinMilliseconds)
        var lastError = DqliteError.connection("no leader among \(addresses)")
        repeat {
            for address in addresses {
                do {
                    let probe = try DqliteConnection(address: address, timeoutMilliseconds: timeoutMilliseconds)
                    guard let leader = try probe.leader() else { continue }
                    let candidate = leader.address == address
                        ? probe : try DqliteConnection(address: leader.address, timeoutMilliseconds: timeoutMilliseconds)
                    if try candidate.isLeader() { return candidate }
                } catch {
                    lastError = error
                }
            }
            MonotonicClock.sleep(milliseconds: 100)
        } while TCPSocket.now() < deadline
        throw lastError
    }
}
