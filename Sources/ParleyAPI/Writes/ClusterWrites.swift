import Glibc
import HTTPServer
import ParleyStore

/// A cluster member's writes, on a thread of their own.
///
/// A write on a member waits for the cluster: for the leader's commit, and while a leader is elected for its search
/// (`LeaderLink`, up to 4 s). Run on the loop thread, that wait held every other request the loop serves, reads
/// included: a member just restarted, which does not know the leader yet, answered reads seconds late. So the loop
/// parks the request (a deferred response, as a long poll) and goes on; this thread runs the write through its own
/// connection and `WriteHandler`, and wakes the loop with the answer. A member's writes were serialised already (one
/// link to the leader, the replica's write lock), so one thread costs them no concurrency.
final class ClusterWrites: @unchecked Sendable {  // `jobs` is guarded by `mutex`
    private struct Job {
        let request: HTTPRequest
        let kind: ResourceKind
        let id: String?
        let route: String
        let answer: PendingWrite
    }

    private var jobs: [Job] = []
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let queued = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    /// The writes' thread of a server whose configuration makes it a cluster member, nil for a single node (and if no
    /// thread can be started: the loops then write themselves, as before).
    static func forMember(_ configuration: APIConfiguration) -> ClusterWrites? {
        configuration.replication == nil ? nil : ClusterWrites(configuration: configuration)
    }

    /// Starts the thread, which opens its own connection to the member's file.
    private init?(configuration: APIConfiguration) {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(queued, nil)
        guard let thread = startThread({ [self] in run(configuration) }) else { return nil }
        pthread_detach(thread)  // it serves the process's life and is never joined
    }

    /// Queues a write; the loop sends the response the returned producer answers with.
    func submit(_ request: HTTPRequest, kind: ResourceKind, id: String?, route: String) -> PendingWrite {
        let answer = PendingWrite()
        pthread_mutex_lock(mutex)
        jobs.append(Job(request: request, kind: kind, id: id, route: route, answer: answer))
        pthread_cond_signal(queued)
        pthread_mutex_unlock(mutex)
        return answer
    }

    private func run(_ configuration: APIConfiguration) {
        let writer: WriteHandler?
        let failure: String
        do {
            writer = WriteHandler(store: try configuration.openStore(), readOnly: configuration.readOnly)
            failure = ""
        } catch {
            writer = nil
            failure = "\(error)"
        }
        while true {
            pthread_mutex_lock(mutex)
            while jobs.isEmpty { pthread_cond_wait(queued, mutex) }
            let job = jobs.removeFirst()
            pthread_mutex_unlock(mutex)
            var response = writer?.handle(job.request, kind: job.kind, id: job.id)
                ?? WriteHandler.withCORS(WriteProblem.response(503, "this member cannot open its database for writes (\(failure))"))
            response.route = job.route
            job.answer.finish(response)
        }
    }
}

/// A parked write's answer: made on the writes' thread, sent by the loop that parked the request.
final class PendingWrite: ResponseStream, Sendable {
    private struct State {
        var response: HTTPResponse?
        var waker: StreamWaker?
        /// The loop answered without it (the server is shutting down): no one is to be woken any more.
        var abandoned = false
    }

    private let state = Locked(State())

    func pump(_ tick: StreamTick) -> StreamStep {
        state.withLock { state in
            if let response = state.response { return .respond(response) }
            guard !tick.ending else {
                state.abandoned = true
                return .respond(WriteHandler.withCORS(WriteProblem.response(503, "the server is shutting down while the write waits for the cluster; it may commit still: retry with the same Idempotency-Key, so that it is not made twice")))
            }
            state.waker = tick.waker
            return .wait
        }
    }

    /// Hands the response over and wakes the loop, unless the loop already answered without it.
    func finish(_ response: HTTPResponse) {
        state.withLock { state in
            guard !state.abandoned else { return }
            state.response = response
            state.waker?.wake()
        }
    }
}
