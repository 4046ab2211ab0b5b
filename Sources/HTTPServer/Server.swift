import CShim
import Glibc
import Synchronization

/// The HTTP server: binds the listeners, runs one event loop per worker thread, and
/// shuts down gracefully. Handlers come from `handlerFactory`, called once on each loop thread.
public final class Server: Sendable {
    public let configuration: ServerConfiguration
    public let stats: ServerStats
    private let handlerFactory: @Sendable () throws -> any HTTPHandler
    private let state = Locked(State())
    private let stopping = Atomic<Bool>(false)

    private struct State {
        var port = 0
        var threads: [pthread_t] = []
        var wakeTargets: [StreamWaker.Target] = []
        var started = false
        var stopped = false
    }

    public init(configuration: ServerConfiguration, stats: ServerStats = ServerStats(),
                handlerFactory: @escaping @Sendable () throws -> any HTTPHandler) {
        self.configuration = configuration
        self.stats = stats
        self.handlerFactory = handlerFactory
    }

    /// The port the server listens on (the chosen one when configured with port 0).
    public var port: Int { state.withLock { $0.port } }

    /// Binds and starts the loops; returns once every loop is ready to accept, or throws
    /// (port in use, a handler that cannot be built) with nothing left running.
    public func start() throws {
        _ = cshim_ignore_sigpipe()
        let workers = max(1, configuration.workers)
        let (listeners, port): ([Int32], Int)
        do {
            (listeners, port) = try Listener.bindGroup(host: configuration.host, port: configuration.port,
                                                       count: workers, shareWithOtherProcesses: configuration.reusePort)
        } catch ServerError.addressInUse {
            throw ServerError.addressInUse(host: configuration.host, port: configuration.port)
        }
        let ready = ReadyLatch(count: workers)
        var threads: [pthread_t] = []
        let wakeFDs = listeners.map { _ in eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC)) }
        let waker = LoopWaker(descriptors: wakeFDs)
        let wakeTargets = wakeFDs.map(StreamWaker.Target.init)
        for (listener, (wakeFD, wakeTarget)) in zip(listeners, zip(wakeFDs, wakeTargets)) {
            let configuration = self.configuration, stats = self.stats, factory = handlerFactory
            let stopping = StopFlag(server: self)
            guard let thread = startThread({
                let loop: EventLoop
                do {
                    loop = try EventLoop(configuration: configuration, stats: stats, handler: try factory(),
                                         listener: listener, wakeFD: wakeFD, waker: waker,
                                         streamWaker: StreamWaker(target: wakeTarget), shutdownRequested: stopping.isSet)
                } catch {
                    ready.fail(error)
                    Glibc.close(listener)
                    return
                }
                ready.arrive()
                loop.run()
            }) else {
                throw ServerError.system(call: "pthread_create", errno: errno)
            }
            threads.append(thread)
        }
        state.withLock {
            $0.port = port
            $0.threads = threads
            $0.wakeTargets = wakeTargets
            $0.started = true
        }
        if let error = ready.wait() {
            shutdown()
            throw error
        }
    }

    fileprivate var isStopping: Bool { stopping.load(ordering: .acquiring) }

    /// Stops accepting, lets responses in flight finish, closes idle connections, and
    /// returns when every loop has ended (within the configured grace period).
    public func shutdown() {
        stopping.store(true, ordering: .releasing)
        let (threads, wakeTargets) = state.withLock { state -> ([pthread_t], [StreamWaker.Target]) in
            defer { state.threads = []; state.wakeTargets = [] }
            return (state.threads, state.wakeTargets)
        }
        for target in wakeTargets { target.wake() }
        for thread in threads { pthread_join(thread, nil) }
        for target in wakeTargets { target.close() }
    }
}

/// Lets loops ask whether shutdown has begun without holding the server strongly in a cycle.
private struct StopFlag: Sendable {
    let server: Server
    var isSet: @Sendable () -> Bool { { [server] in server.isStopping } }
}

/// Counts loops that came up; the first failure wins. Start-up only, so it polls.
private final class ReadyLatch: Sendable {
    private let state: Locked<(remaining: Int, error: (any Error)?)>

    init(count: Int) { state = Locked((count, nil)) }

    func arrive() { state.withLock { $0.remaining -= 1 } }

    func fail(_ error: any Error) {
        state.withLock { $0.remaining -= 1; if $0.error == nil { $0.error = error } }
    }

    func wait() -> (any Error)? {
        while true {
            let (remaining, error) = state.withLock { ($0.remaining, $0.error) }
            if remaining <= 0 { return error }
            usleep(2_000)
        }
    }
}
