import DqliteClient
import DqliteNode
import HTTPServer
import ParleyAPI
import ParleyStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `parley serve --node-address … --node-dir … [--join …]`.
public struct ClusterOptions: Sendable {
    /// This node's dqlite/Raft address, a.b.c.d:port.
    public var nodeAddress: String
    /// Its Raft data, and the file naming its node id.
    public var nodeDirectory: String
    /// Existing members to join through; empty: bootstrap a new cluster.
    public var join: [String]
    /// Raft's heartbeat is 1.5× and its election timeout 15× this: 30 ms elects a new leader in about half a second,
    /// well inside the 4 s a write looks for one (`LeaderLink`).
    public var networkLatencyMilliseconds: UInt32 = 30

    public init(nodeAddress: String, nodeDirectory: String, join: [String]) {
        self.nodeAddress = nodeAddress
        self.nodeDirectory = nodeDirectory
        self.join = join
    }
}

/// This process as a member of a Parley cluster: a dqlite node in-process, the cluster database as the truth, and the
/// local file as a replica that reads are served from (never through Raft). Writes are committed through
/// `replication`; a follower thread applies everyone else's.
public final class ClusterMember: @unchecked Sendable {
    public let options: ClusterOptions
    public let nodeID: UInt64
    /// What the loops' writes go through: one link to the leader, shared.
    public let replication: ClusterReplication
    private let node: DqliteNode
    private let followerLink: ClusterReplication
    private let state = Mutex(FollowerState())
    private var follower: pthread_t?

    private struct FollowerState {
        var stopping = false
        var applied = 0
        var error: String?
        var role = "unknown"
        var leader: String?
        var members: [ClusterHealth.Member] = []
    }

    /// Starts the node, joins the cluster (or bootstraps one) and makes the file at `databasePath` the cluster's
    /// replica: the first node's file becomes the cluster's first state; any other node's file is replaced by the
    /// cluster's (a dump), unless it is already this cluster's replica from an earlier run.
    public init(options: ClusterOptions, databasePath: String) throws {
        self.options = options
        DqliteNode.ignoreSIGPIPE()
        mkdir(options.nodeDirectory, 0o755)
        let bootstraps = options.join.isEmpty
        let restarting = Self.storedNodeID(in: options.nodeDirectory) != nil
        if bootstraps && !restarting, let store = try? Store.open(path: databasePath, mode: .existing), (try? store.isReplica()) == true {
            // The file was a replica and this node's Raft data is gone: bootstrapping would make a second cluster at
            // an address the old one still names.
            throw StoreError.clusterUnavailable("\(databasePath) is a replica of a cluster and \(options.nodeDirectory) holds no node: "
                + "rejoin with --join <members>, or start a new cluster from a backup (parley backup --cluster …)")
        }
        nodeID = try Self.nodeID(in: options.nodeDirectory, address: options.nodeAddress, bootstraps: bootstraps)
        do {
            node = try DqliteNode(id: nodeID, address: options.nodeAddress, directory: options.nodeDirectory,
                                  networkLatencyMilliseconds: options.networkLatencyMilliseconds)
            try node.start()
        } catch {
            throw StoreError.clusterUnavailable("cannot start the dqlite node at \(options.nodeAddress) in \(options.nodeDirectory): \(error)")
        }
        let members = [options.nodeAddress] + options.join
        replication = ClusterReplication(members: members)
        followerLink = ClusterReplication(members: members)
        // A member restarted on its own Raft data and its own replica needs no leader to start: it serves reads at
        // once and catches up when a leader answers (after a full outage, the nodes may come back one by one).
        if restarting, let store = try? Store.open(path: databasePath, mode: .existing), (try? store.isReplica()) == true { return }
        if !bootstraps { try joinCluster() }
        try prepareDatabase(at: databasePath, bootstraps: bootstraps)
        try recordMembership()
    }

    /// The id of a node that has been a member: written once it bootstrapped or joined, never before.
    private static func storedNodeID(in directory: String) -> UInt64? {
        readID(directory + "/parley-node-id")
    }

    private static func readID(_ path: String) -> UInt64? {
        guard let text = try? ClusterFiles.read(path) else { return nil }
        return UInt64(String(decoding: text, as: UTF8.self).split(separator: "\n").first ?? "")
    }

    /// The node id: a member's own, or the one a join in progress chose (kept aside, so a join that failed halfway, after
    /// ADD, is tried again under the same id rather than leaving a stranger in the configuration).
    private static func nodeID(in directory: String, address: String, bootstraps: Bool) throws -> UInt64 {
        if let id = storedNodeID(in: directory) ?? readID(directory + "/parley-node-id.joining") { return id }
        // dqlite's node 1 bootstraps a one-voter cluster on its first start; any other id waits to be added.
        var id = bootstraps ? 1 : DqliteNode.generateID(address: address)
        if !bootstraps && id == 1 { id = 2 }
        try ClusterFiles.write(directory + "/parley-node-id.joining", Array("\(id)\n".utf8))
        return id
    }

    /// Marks this node a member: from now on a restart on this directory is the same member's.
    private func recordMembership() throws {
        try ClusterFiles.write(options.nodeDirectory + "/parley-node-id", Array("\(nodeID)\n".utf8))
        ClusterFiles.remove(options.nodeDirectory + "/parley-node-id.joining")
    }

    /// Asks the leader to add this node as a voter, unless it already is a member.
    private func joinCluster() throws {
        try replication.onLeader { connection, _ in
            let nodes = try connection.cluster()
            if let existing = nodes.first(where: { $0.id == nodeID }) {
                if existing.role != .voter { try connection.assign(id: nodeID, role: .voter) }
                return
            }
            try connection.add(id: nodeID, address: options.nodeAddress)
            try connection.assign(id: nodeID, role: .voter)
        }
    }

    private func prepareDatabase(at path: String, bootstraps: Bool) throws {
        let clusterIdentity = try replication.onLeader { connection, database -> String? in
            let rows = try connection.querySQL(database: database, "SELECT count(*) FROM sqlite_master WHERE name = 'cluster_identity'")
            guard rows.rows.first?.first != .integer(0) else { return nil }
            let identity = try connection.querySQL(database: database, "SELECT id FROM cluster_identity")
            if case let .text(id)? = identity.rows.first?.first { return id }
            return ""
        }
        guard let clusterIdentity else {
            guard bootstraps else {
                throw StoreError.clusterUnavailable("the cluster has no Parley database yet: start its first node (without --join) first")
            }
            let store = try Store.open(path: path, mode: .create)
            try store.prepareReplica(identity: ClusterFiles.randomIdentity())
            try ClusterBootstrap.copy(store, to: replication)
            return
        }
        // A file that is this cluster's replica (a node restarted without its Raft data keeps it); any other, the
        // seed a new node was started with or another cluster's replica, is replaced by the cluster's.
        if let store = try? Store.open(path: path, mode: .existing), (try? store.replicaIdentity()) == clusterIdentity { return }
        try ClusterBootstrap.dump(from: replication, to: path)
    }

    // MARK: following

    /// Starts the thread that applies the cluster's entries to the file as they commit, in order.
    public func startFollowing(databasePath: String) throws {
        let store = try Store.open(path: databasePath, mode: .existing, migrate: false)
        let applied = try store.appliedEntry()
        state.withLock { $0.applied = applied }  // before any leader answers, this file's own position
        let box = StoreBox(store: store)
        follower = startThread { [self] in follow(box.store) }
    }

    private func follow(_ store: Store) {
        var lastStatus = 0
        var ownNode: DqliteConnection?
        while !state.withLock({ $0.stopping }) {
            var applied = 0
            do {
                applied = try store.applyCommitted(from: followerLink)
                let last = applied > 0 ? try store.appliedEntry() : nil
                state.withLock { state in
                    if let last { state.applied = last }
                    state.error = nil
                }
            } catch {
                state.withLock { $0.error = "\(error)" }
                MonotonicClock.sleep(milliseconds: 100)
            }
            if MonotonicClock.milliseconds() - lastStatus >= 500 {
                refreshStatus(&ownNode)
                lastStatus = MonotonicClock.milliseconds()
            }
            if applied == 0 { MonotonicClock.sleep(milliseconds: 10) }
        }
    }

    /// Who leads and who is a member, asked of this node's own dqlite over one kept connection (dropped on an error).
    private func refreshStatus(_ ownNode: inout DqliteConnection?) {
        var role = "unknown"
        var leader: String?
        var members: [ClusterHealth.Member] = []
        if ownNode == nil { ownNode = try? DqliteConnection(address: options.nodeAddress, timeoutMilliseconds: 500) }
        if let connection = ownNode {
            do {
                if let named = try connection.leader() {
                    leader = named.address
                    role = named.id == nodeID ? "leader" : "follower"
                }
                members = try connection.cluster().map(ClusterHealth.Member.init)
            } catch {
                ownNode = nil  // a connection that failed once is not reused (DqliteConnection marks it broken)
            }
        }
        state.withLock {
            $0.role = role
            $0.leader = leader
            $0.members = members
        }
    }

    public func health() -> ClusterHealth {
        state.withLock {
            ClusterHealth(nodeID: nodeID, address: options.nodeAddress, role: $0.role, leader: $0.leader, members: $0.members,
                          appliedEntry: $0.applied, followingError: $0.error)
        }
    }

    /// Stops following and stops the node (to the others, this node leaving until it restarts).
    public func stop() {
        state.withLock { $0.stopping = true }
        if let follower { pthread_join(follower, nil) }
        try? node.stop()
    }
}

extension ClusterHealth.Member {
    init(_ node: DqliteNodeInfo) {
        self.init(id: node.id, address: node.address, role: "\(node.role)")
    }
}

/// A store handed to the follower thread, which is then its only user.
private final class StoreBox: @unchecked Sendable {
    let store: Store
    init(store: Store) { self.store = store }
}
