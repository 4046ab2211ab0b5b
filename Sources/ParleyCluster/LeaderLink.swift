import DqliteClient
import ParleyStore

/// A connection to the cluster's leader with the cluster database open, found again whenever the leader changes.
/// Not shared between threads: each user (the writers' replication, the follower) has its own.
final class LeaderLink {
    static let databaseName = "parley"

    /// Addresses to ask who leads: this node, the ones it joined through, and every member seen since.
    private(set) var members: [String]
    /// How long a call keeps looking for a leader before it gives up (then writes answer 503).
    let searchMilliseconds: Int
    private var connection: DqliteConnection?
    private var database: UInt32 = 0

    /// A request to the leader that takes longer than this has lost it (a paused or partitioned leader answers nothing).
    static let requestMilliseconds = 2_000
    /// Asking a member who leads: a paused member accepts the connection and never answers.
    static let probeMilliseconds = 500

    init(members: [String], searchMilliseconds: Int = 4_000) {
        self.members = members
        self.searchMilliseconds = searchMilliseconds
    }

    /// Runs `body` on the leader. When the leader is gone, no longer leads or answers nothing (the errors dqlite gives
    /// while a new leader is elected), drops the connection and runs `body` again on the next leader until
    /// `searchMilliseconds` have passed; then throws `StoreError.clusterUnavailable`. A SQL error (`DqliteError.server`)
    /// goes to the caller as it is.
    func run<T>(_ body: (DqliteConnection, UInt32) throws -> T) throws -> T {
        let deadline = MonotonicClock.milliseconds() + searchMilliseconds
        while true {
            do {
                let (connection, database) = try connect(deadline: deadline)
                return try body(connection, database)
            } catch let error as DqliteError where error.isLeaderChange {
                self.connection = nil
                guard MonotonicClock.milliseconds() < deadline else {
                    throw StoreError.clusterUnavailable(error.description)
                }
                MonotonicClock.sleep(milliseconds: 20)
            } catch let error as DqliteError where error.isBusy {
                // Another node's transaction holds the leader's write lock: dqlite answers busy at once, not after a wait.
                guard MonotonicClock.milliseconds() < deadline else { throw StoreError.busy(message: error.description) }
                MonotonicClock.sleep(milliseconds: 2)
            }
        }
    }

    /// Runs `body` on the connection already open and never on another: a transaction open on the leader lives only
    /// as long as its connection. A leader change drops the connection and is thrown to the caller.
    func current<T>(_ body: (DqliteConnection, UInt32) throws -> T) throws -> T {
        guard let connection else { throw DqliteError.connection("the connection to the leader was lost") }
        do {
            return try body(connection, database)
        } catch let error as DqliteError where error.isLeaderChange {
            self.connection = nil
            throw error
        }
    }

    private func connect(deadline: Int) throws -> (DqliteConnection, UInt32) {
        if let connection { return (connection, database) }
        let remaining = max(deadline - MonotonicClock.milliseconds(), 1)
        let leader = try DqliteConnection.connectToLeader(members, timeoutMilliseconds: Self.probeMilliseconds, withinMilliseconds: remaining)
        leader.timeoutMilliseconds = Self.requestMilliseconds
        database = try leader.open(Self.databaseName)
        if let nodes = try? leader.cluster() {
            for node in nodes where !members.contains(node.address) { members.append(node.address) }
        }
        connection = leader
        return (leader, database)
    }
}

extension DqliteError {
    /// What dqlite answers while the leader changes: the connection broke or timed out, the node is not (or no
    /// longer) the leader.
    var isLeaderChange: Bool {
        switch self {
        case .notLeader, .leadershipLost, .connection, .timeout: true
        case .protocolViolation, .server: false
        }
    }

    var isBusy: Bool {
        if case let .server(code, _) = self { code & 0xFF == 5 || code & 0xFF == 6 } else { false }
    }

    var isConstraint: Bool {
        if case let .server(code, _) = self { code & 0xFF == 19 } else { false }
    }
}
