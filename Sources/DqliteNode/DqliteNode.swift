import CDqlite
#if canImport(Glibc)
import Glibc
#endif

/// A dqlite node hosted in this process (libdqlite 1.11's node API): its own thread runs Raft and serves
/// dqlite's wire protocol on `address`. Node id 1 bootstraps a one-voter cluster on its first start;
/// any other id starts empty and waits to be added (ADD, then ASSIGN) through a client on the leader.
///
/// What 1.11 offers: create, bind address, network latency, failure domain, snapshot parameters, start,
/// stop, destroy, recover, generate id. What it lacks: a join call (joining is ADD/ASSIGN over the wire),
/// handover (a stopped leader is, to the others, a dead one), and any client. `stop` cannot be undone on the
/// same object: start a new `DqliteNode` on the same directory to restart a node.
///
/// The host must ignore SIGPIPE (`ignoreSIGPIPE()`), or a peer's death kills it.
public final class DqliteNode: @unchecked Sendable {
    // @unchecked: the handle is only used under `lock`; dqlite's own thread owns the rest.
    public let id: UInt64
    public let address: String
    public let directory: String
    private var handle: OpaquePointer?
    private var running = false
    private let lock = Lock()

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case call(String, code: Int32, message: String)
        public var description: String {
            switch self { case .call(let call, let code, let message): "\(call) failed (\(code)): \(message)" }
        }
    }

    /// - Parameters:
    ///   - address: "a.b.c.d:port", where the node listens and the name its peers know it by.
    ///   - directory: its Raft data (created if missing). A node restarted on the same directory keeps its state.
    ///   - networkLatencyMilliseconds: sets Raft's heartbeat to 1.5× and its election timeout to 15× this
    ///     (dqlite's defaults: 500 ms and 3 s).
    public init(id: UInt64, address: String, directory: String, networkLatencyMilliseconds: UInt32? = nil) throws(Failure) {
        self.id = id
        self.address = address
        self.directory = directory
        mkdir(directory, 0o755)
        var node: OpaquePointer?
        let created = dqlite_node_create(dqlite_node_id(id), address, directory, &node)
        guard created == 0, let node else {
            let message = node.flatMap { dqlite_node_errmsg($0) }.map { String(cString: $0) } ?? "cannot create the node"
            if let node { dqlite_node_destroy(node) }
            throw .call("dqlite_node_create", code: created, message: message)
        }
        handle = node
        do {
            try check(dqlite_node_set_bind_address(node, address), "dqlite_node_set_bind_address")
            if let latency = networkLatencyMilliseconds {
                try check(dqlite_node_set_network_latency_ms(node, latency), "dqlite_node_set_network_latency_ms")
            }
        } catch {
            dqlite_node_destroy(node)
            handle = nil
            throw error
        }
    }

    deinit {
        if let handle {
            if running { _ = dqlite_node_stop(handle) }
            dqlite_node_destroy(handle)
        }
    }

    /// Starts the node's thread; returns once it listens.
    public func start() throws(Failure) {
        try lock.withLock { () throws(Failure) in
            guard let handle, !running else { throw .call("dqlite_node_start", code: -1, message: "stopped or already running") }
            try check(dqlite_node_start(handle), "dqlite_node_start")
            running = true
        }
    }

    /// Stops the node (closing its connections) and frees it. To the cluster, like the node dying.
    public func stop() throws(Failure) {
        try lock.withLock { () throws(Failure) in
            guard let handle else { return }
            let stopped = running ? dqlite_node_stop(handle) : 0
            running = false
            dqlite_node_destroy(handle)
            self.handle = nil
            if stopped != 0 { throw .call("dqlite_node_stop", code: stopped, message: "the node's loop ended with an error") }
        }
    }

    /// dqlite's id for an address (what a joining node may use as its id).
    public static func generateID(address: String) -> UInt64 { UInt64(dqlite_generate_node_id(address)) }

    /// Ignores SIGPIPE process-wide: writes to dead peers then fail with EPIPE instead of killing the process.
    public static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }

    private func check(_ result: Int32, _ call: String) throws(Failure) {
        guard result != 0 else { return }
        let message = handle.flatMap { dqlite_node_errmsg($0) }.map { String(cString: $0) } ?? ""
        throw .call(call, code: result, message: message)
    }
}

/// A pthread mutex, so the node needs no Foundation.
final class Lock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
