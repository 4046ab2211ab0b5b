import CShim
import Glibc
import HTTPServer
import ParleyAPI
import ParleyCluster
import ParleyStore

enum ServeCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try Arguments(arguments,
                                    valued: ["host", "port", "database", "workers", "max-connections", "response-cache-mb",
                                             "rate-limit", "rate-burst", "node-address", "node-dir", "join"],
                                    flags: ["quiet", "reuse-port", "read-only"])
        guard options.positional.isEmpty else { throw Arguments.UsageError(description: "unexpected argument '\(options.positional[0])'") }
        var configuration = ServerConfiguration()
        configuration.host = options.string("host", environment: "PARLEY_HOST", default: "127.0.0.1")
        configuration.port = try options.int("port", environment: "PARLEY_PORT", default: 8080, range: 0...65535)
        configuration.workers = try options.int("workers", default: configuration.workers, range: 1...256)
        configuration.maxConnections = try options.int("max-connections", default: 10_000, range: 1...1_000_000)
        configuration.quiet = options.has("quiet")
        configuration.reusePort = options.has("reuse-port")
        let cacheMB = try options.int("response-cache-mb", default: 8, range: 0...4096)
        let rate = try options.int("rate-limit", default: 0, range: 0...1_000_000)
        let burst = try options.int("rate-burst", default: max(rate, 1), range: 1...1_000_000)
        if rate > 0 { configuration.rateLimiter = RateLimiter(rate: rate, burst: burst) }
        let databasePath = options.string("database", environment: "PARLEY_DATABASE", default: "./parley.sqlite")

        let readOnly = options.has("read-only")
        let clusterOptions = try Self.clusterOptions(options)
        if clusterOptions != nil && readOnly {
            throw Arguments.UsageError(description: "--read-only and --node-address exclude each other: a cluster member takes writes")
        }

        raiseOpenFileLimit(wanted: configuration.maxConnections + 64)
        // Signals are blocked before any thread starts (dqlite's, the loops') so only sigwait below receives them; not
        // before a plain server migrates, so that Ctrl-C still stops a long migration.
        let signals: [Int32] = [SIGTERM, SIGINT]
        let blockSignals = { _ = signals.withUnsafeBufferPointer { cshim_block_signals($0.baseAddress, Int32($0.count)) } }
        var cluster: ClusterMember?
        if let clusterOptions {
            blockSignals()  // (blocking again below changes nothing)
            // A cluster member first makes its file the cluster's replica (the first state, a dump, or as left).
            cluster = try ClusterMember(options: clusterOptions, databasePath: databasePath)
        }
        // Created and migrated here, once, unless read-only: then the file must exist, is never written (not even to
        // migrate) and may sit on a read-only file system. The connection stays open while serving.
        let store = try Store.open(path: databasePath, mode: readOnly ? .readOnly : .create, bodies: MeetingBodies.shared)
        let dataVersion = try store.readDataVersion()
        // Opening may have migrated and rendered every stored body: what that took goes back before the loops start.
        store.database.releaseMemory()
        cshim_trim_heap()
        blockSignals()


        let stats = ServerStats()
        var apiConfiguration = APIConfiguration(databasePath: databasePath, responseCacheBytes: cacheMB * 1024 * 1024)
        apiConfiguration.serverStats = stats
        apiConfiguration.readOnly = readOnly
        apiConfiguration.migrate = false  // migrated above, once; each loop's connection only checks the version
        if let cluster {
            apiConfiguration.replication = cluster.replication
            apiConfiguration.clusterHealth = { cluster.health() }
            try cluster.startFollowing(databasePath: databasePath)
        }
        let server = Server(configuration: configuration, stats: stats, handlerFactory: APIHandler.makeFactory(apiConfiguration))
        do {
            try server.start()
        } catch let error as ServerError {
            ParleyCommand.printError("\(error)")
            return 1
        }
        // One line, starting with the address (scripts read the port from it), naming what is served.
        var line = "listening on http://\(displayHost(configuration.host)):\(server.port) with \(databasePath)"
            + " at data version \(dataVersion) (parley \(ParleyCommand.version), schema \(store.schemaVersion)"
        if readOnly { line += store.database.isImmutable ? ", read-only, an immutable copy" : ", read-only" }
        if let cluster { line += ", cluster node \(cluster.nodeID) at \(cluster.options.nodeAddress)" }
        print(line + ")")
        fflush(nil)
        _ = signals.withUnsafeBufferPointer { cshim_wait_signal($0.baseAddress, Int32($0.count)) }
        server.shutdown()
        cluster?.stop()
        withExtendedLifetime(store) {}
        return 0
    }

    private static func clusterOptions(_ options: Arguments) throws -> ClusterOptions? {
        guard let address = options.optionalString("node-address") else {
            if options.optionalString("node-dir") != nil || options.optionalString("join") != nil {
                throw Arguments.UsageError(description: "--node-dir and --join need --node-address")
            }
            return nil
        }
        guard let directory = options.optionalString("node-dir") else {
            throw Arguments.UsageError(description: "--node-address needs --node-dir (where the node keeps its Raft data)")
        }
        guard NodeAddress.isValid(address) else {
            throw Arguments.UsageError(description: "'\(address)' is not a node address: expected a.b.c.d:port")
        }
        let join = try NodeAddress.list(options.optionalString("join") ?? "")
        return ClusterOptions(nodeAddress: address, nodeDirectory: directory, join: join)
    }

    private static func displayHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }

    /// Lifts the soft open-file limit to the hard one; says so when that is below what the connections need.
    private static func raiseOpenFileLimit(wanted: Int) {
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0 else { return }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(RLIMIT_NOFILE_VALUE, &limit)
        }
        if Int(clamping: limit.rlim_cur) < wanted {
            ParleyCommand.printError("warning: the open-file limit is \(limit.rlim_cur), below the \(wanted) that --max-connections needs")
        }
    }
}

private let RLIMIT_NOFILE_VALUE = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
