/// Where one connection stands, as a value: events in, actions out.
///
/// No sockets and no clock of its own (every event that needs the time carries `now`, in monotonic
/// milliseconds), so it is tested alone with a fake clock (`ConnectionStateMachineTests`); `EventLoop` feeds it
/// what happened on the socket and performs the action it answers.
///
/// ```
/// idle ──bytes──▶ readingHead ──head──▶ readingBody ──request──▶ idle (keep-alive)
///   ▲                                                   │
///   └──── output drained ◀── (responding: output) ◀─────┘──▶ lingering (close after flush) ──▶ closed
///                              streaming / awaitingResponse (a `ResponseStream`) ──▶ idle | lingering | closed
/// ```
struct ConnectionStateMachine: Equatable {
    enum State: Equatable {
        /// No byte of a request (a response may still be going out).
        case idle
        /// Bytes of a request head arrived, the first at `startedAt`.
        case readingHead(startedAt: Int)
        /// The head is complete; the body is being read.
        case readingBody
        /// A streaming body is being written; of the peer only its close is awaited (what it sends is dropped).
        case streaming
        /// A deferred response (a long poll) is pending; requests behind it wait.
        case awaitingResponse
        /// The last response is out and the write side shut; the peer's leftovers are read and dropped.
        case lingering(startedAt: Int)
        case closed
    }

    /// What the loop should do now.
    enum Action: Equatable {
        case none
        /// Parse and answer what is in the input buffer.
        case process
        /// Drop the bytes just read (lingering, or a stream's client).
        case discardInput
        /// Send pending output; only writability is watched now.
        case write
        /// Watch for input again and process what is buffered (the pipelining throttle let go).
        case resumeReading
        /// Shut the write side, drop what the input holds, watch for the peer's close.
        case linger
        /// Answer 408 with this problem, then close.
        case timeout(Timeout)
        case close
    }

    enum Timeout: Equatable { case head, body }

    /// The clock's deadlines, in milliseconds (from `ServerConfiguration`).
    struct Timeouts: Equatable {
        var head = 10_000
        var body = 30_000
        var idle = 60_000
        var write = 30_000
        var linger = 2_000

        init() {}

        init(_ configuration: ServerConfiguration) {
            head = configuration.headTimeoutMs
            body = configuration.bodyTimeoutMs
            idle = configuration.idleTimeoutMs
            write = configuration.writeTimeoutMs
        }
    }

    /// Bytes dropped while lingering or streaming past which the connection is closed.
    static let discardLimit = 1 << 20

    private(set) var state = State.idle
    /// Close once the output is written (Connection: close, HTTP/1.0, an error, shutdown).
    private(set) var closeAfterFlush = false
    /// Requests are not read until pending output drains (pipelining throttle), or the peer is done sending.
    private(set) var readPaused = false
    /// The last read or write.
    private(set) var lastActivity: Int
    private(set) var discarded = 0
    let timeouts: Timeouts

    init(now: Int, timeouts: Timeouts) {
        lastActivity = now
        self.timeouts = timeouts
    }

    var isLingering: Bool { if case .lingering = state { true } else { false } }
    var isStreaming: Bool { state == .streaming || state == .awaitingResponse }

    // MARK: - Reading

    /// `count` bytes were read.
    mutating func bytesRead(_ count: Int, now: Int) -> Action {
        lastActivity = now
        switch state {
        case .closed:
            return .close
        case .lingering, .streaming:
            discarded += count
            if discarded > Self.discardLimit { return close() }
            return .discardInput
        case .idle:
            state = .readingHead(startedAt: now)
            return .process
        case .readingHead, .readingBody, .awaitingResponse:
            return .process
        }
    }

    /// The peer shut its side (read returned 0).
    mutating func peerClosed(hasPendingOutput: Bool) -> Action {
        switch state {
        case .streaming, .awaitingResponse, .lingering, .closed:
            return close()
        case .idle, .readingHead, .readingBody:
            // Answer nothing invented for a partial request; finish what is owed.
            guard hasPendingOutput else { return close() }
            closeAfterFlush = true
            readPaused = true
            return .write
        }
    }

    /// A read or write failed for good (reset, EPIPE).
    mutating func failed() -> Action { close() }

    // MARK: - Requests

    /// A request was parsed and answered (its response is queued).
    mutating func requestAnswered(keepAlive: Bool) {
        guard !isStreaming else { return }
        state = .idle
        if !keepAlive { closeAfterFlush = true }
    }

    /// The parser refused the bytes: the problem response is the last one.
    mutating func refused() {
        if !isStreaming { state = .idle }
        closeAfterFlush = true
    }

    /// Pending output passed the high-water mark, or the input behind a pending response is full.
    mutating func throttle() { readPaused = true }

    /// After a round of parsing: where the parser stands.
    mutating func parsed(now: Int, readingBody: Bool, midRequest: Bool, hasPendingInput: Bool) {
        switch state {
        case .streaming, .awaitingResponse, .lingering, .closed:
            return
        case .readingBody where readingBody:
            return
        case .readingHead where !readingBody && (midRequest || hasPendingInput):
            return  // the head's clock runs from its first byte
        default:
            if readingBody {
                state = .readingBody
            } else if midRequest || hasPendingInput {
                state = .readingHead(startedAt: now)
            } else {
                state = .idle
            }
        }
    }

    // MARK: - Streams

    /// The handler answered with a `ResponseStream`: a streaming body (`body`) or a deferred response.
    mutating func streamStarted(body: Bool) {
        state = body ? .streaming : .awaitingResponse
    }

    /// The stream ended on its own (it finished, or the deferred response was queued).
    mutating func streamEnded(closing: Bool) {
        guard isStreaming else { return }
        state = .idle
        if closing { closeAfterFlush = true }
    }

    // MARK: - Writing

    /// Some output was written.
    mutating func wrote(now: Int) { lastActivity = now }

    /// Everything queued was written.
    mutating func outputDrained(now: Int) -> Action {
        if closeAfterFlush && !isStreaming {
            switch state {
            case .lingering, .closed:
                return .none
            default:
                state = .lingering(startedAt: now)
                readPaused = false
                return .linger
            }
        }
        if readPaused && !closeAfterFlush {
            readPaused = false
            return .resumeReading
        }
        return .none
    }

    // MARK: - The clock

    /// What the clock says now.
    mutating func tick(now: Int, hasPendingOutput: Bool) -> Action {
        guard let deadline = deadline(hasPendingOutput: hasPendingOutput), now >= deadline else { return .none }
        switch state {
        case .readingBody where !hasPendingOutput:
            return .timeout(.body)
        case .readingHead where !hasPendingOutput:
            return .timeout(.head)
        default:
            return close()
        }
    }

    /// When `tick` next has something to do (the timer to arm); nil: never, as things stand.
    func deadline(hasPendingOutput: Bool) -> Int? {
        switch state {
        case .closed:
            return nil
        case .lingering(let started):
            return started + timeouts.linger
        case .streaming, .awaitingResponse:
            // Exempt from the idle timeout (its producer keeps it busy: heartbeats); a peer that reads nothing
            // of what is pending for the write timeout is dropped.
            return hasPendingOutput ? lastActivity + timeouts.write : nil
        case _ where hasPendingOutput:
            return lastActivity + timeouts.write
        case .readingBody:
            return lastActivity + timeouts.body
        case .readingHead(let started):
            return started + timeouts.head
        case .idle:
            return lastActivity + timeouts.idle
        }
    }

    /// The 408 for a timeout was queued: it is the last response.
    mutating func timedOut() {
        state = .idle
        closeAfterFlush = true
    }

    // MARK: - Shutdown

    /// The server drains: idle connections close now, a response in flight finishes and then closes.
    mutating func drain(hasPendingInput: Bool, hasPendingOutput: Bool) -> Action {
        switch state {
        case .lingering, .closed:
            return close()
        case .idle where !hasPendingOutput && !hasPendingInput:
            return close()
        case .idle where !hasPendingInput:
            closeAfterFlush = true
            return .none
        default:
            return .none  // a request on its way is answered (Connection: close); a stream is ended by its producer
        }
    }

    private mutating func close() -> Action {
        state = .closed
        return .close
    }
}
