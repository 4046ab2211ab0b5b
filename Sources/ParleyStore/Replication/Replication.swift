/// One committed write of a cluster: its place in the cluster's order and the rows it changed.
public struct ReplicaEntry: Sendable, Equatable {
    public let seq: Int
    public let changeset: [UInt8]

    public init(seq: Int, changeset: [UInt8]) {
        self.seq = seq
        self.changeset = changeset
    }
}

/// A statement that makes another database's rows match a changeset (the cluster database, which takes SQL only).
public struct ReplicaStatement: Sendable, Equatable {
    public let sql: String
    public let values: [StoredValue]
}

/// Another node's write took the entry's place in the cluster's order first: catch up and write again.
public struct ReplicationConflict: Error, Sendable {
    public init() {}
}

/// Where a replica's writes are committed (issue 11: the cluster's leader). The store knows nothing of dqlite: it
/// hands over each write's changeset and the statements that apply it, and reads back the entries others committed.
///
/// A replica's file changes only through `Store.write` and `Store.applyCommitted`, in the cluster's order: the log
/// `cluster_log` holds every entry applied, so its last seq is how far the replica has come.
public protocol WriteReplication: AnyObject, Sendable {
    /// Entries the cluster committed after `seq`, in order, at most `limit`.
    func entries(after seq: Int, limit: Int) throws -> [ReplicaEntry]
    /// Takes the cluster's write turn: until `commit` or `endTurn`, no other writer's entry commits, so the entries
    /// read in the turn are all that come before the caller's and its seq cannot be taken. Other writers wait for the
    /// turn. While it is held, `entries` and `commit` throw `ReplicationConflict` when the turn was lost with the
    /// leader: the write starts again.
    func takeTurn() throws
    /// Commits `entry` with `statements` in the turn's cluster transaction and ends the turn. Returns only once the
    /// cluster committed it; throws `ReplicationConflict` when the write must start again, and
    /// `StoreError.clusterUnavailable` when no leader can commit.
    func commit(_ entry: ReplicaEntry, statements: [ReplicaStatement]) throws
    /// Gives the turn up without committing (the write failed or changed nothing). Does nothing when none is held.
    func endTurn()
}
