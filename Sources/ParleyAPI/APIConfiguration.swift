import HTTPServer
import ParleyStore

/// How the API handlers of one server are set up.
public struct APIConfiguration: Sendable {
    /// The SQLite file; each loop thread opens its own connection to it.
    public var databasePath: String
    /// Bytes of encoded responses kept in memory, shared by all loop threads; 0 turns the cache off.
    public var responseCacheBytes: Int
    /// Apply pending migrations when a handler opens the database (idempotent; `parley serve` has usually
    /// migrated already). When false, a database that is not fully migrated is refused.
    public var migrate: Bool
    /// `Cache-Control: public, max-age=…` on data responses, in seconds.
    public var maxAge: Int
    /// The engine's counters, rendered at `/metrics` with the API's own; nil shows the API's only.
    public var serverStats: ServerStats?
    /// `parley serve --read-only`: every write is answered 403, whatever its token.
    public var readOnly = false
    /// An event stream (`GET /changes` with `Accept: text/event-stream`) sends a comment line after this many
    /// milliseconds without an event, so proxies and clients see it alive.
    public var streamHeartbeatMs = 15_000
    /// Events an event-stream subscriber may fall behind, while its connection's output is full, before it is
    /// dropped (it resumes with Last-Event-ID).
    public var streamQueueLimit = 1_000
    /// In a cluster (issue 11): where writes are committed before this node's file commits them.
    public var replication: (any WriteReplication)?
    /// In a cluster: this node's role, leader, members and progress, for `/healthz`.
    public var clusterHealth: (@Sendable () -> ClusterHealth)?

    public init(databasePath: String, responseCacheBytes: Int = 8 << 20, migrate: Bool = true, maxAge: Int = 60) {
        self.databasePath = databasePath
        self.responseCacheBytes = responseCacheBytes
        self.migrate = migrate
        self.maxAge = maxAge
    }
}

extension APIConfiguration {
    /// A connection of this server's own to its file (each loop's, the cluster writes' thread's).
    func openStore() throws -> Store {
        let store = try Store.open(path: databasePath, mode: readOnly ? .readOnly : .create, migrate: migrate,
                                   bodies: MeetingBodies.shared)
        store.replication = replication
        return store
    }
}
