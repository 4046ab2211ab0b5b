/// One accepted socket: its descriptor, parser, buffers and stream, and where it stands
/// (`ConnectionStateMachine`, a value the loop feeds events and whose actions it performs).
/// Owned by one loop; never touched by another thread.
final class Connection {
    let fd: Int32
    let remoteAddress: String
    @exclusivity(unchecked) var parser: RequestParser  // unchecked: see EventLoop (exclusivity)
    /// Unconsumed request bytes; nil while empty so idle connections hold no buffer.
    var input: ByteBuffer?
    /// Response bytes not yet written; nil while empty.
    var output: ByteBuffer?
    @exclusivity(unchecked) var machine: ConnectionStateMachine
    /// Whether epoll currently watches for writability.
    var watchingWrite = false
    /// A streaming response in progress (see `ResponseStream`); requests behind it wait.
    var stream: StreamHandle?
    /// For a deferred response: how to frame it once it comes.
    var deferredRequest: (method: HTTPMethod, version: HTTPVersion, keepAlive: Bool, target: String, started: Int)?

    init(fd: Int32, remoteAddress: String, limits: ParserLimits, timeouts: ConnectionStateMachine.Timeouts, now: Int) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        parser = RequestParser(limits: limits)
        machine = ConnectionStateMachine(now: now, timeouts: timeouts)
    }

    var hasPendingOutput: Bool { !(output?.isEmpty ?? true) }
    var hasPendingInput: Bool { !(input?.isEmpty ?? true) }
}
