/// One accepted socket and where it stands. Owned by one loop; never touched by another thread.
///
/// States: idle (no bytes of a request) → reading head → reading body → responding,
/// then back to idle (keep-alive) or to lingering (response sent, write side shut,
/// the peer's leftovers read and dropped for a moment so our response is not lost to a
/// reset) and closed.
final class Connection {
    enum Phase { case open, lingering }

    let fd: Int32
    let remoteAddress: String
    var parser: RequestParser
    /// Unconsumed request bytes; nil while empty so idle connections hold no buffer.
    var input: ByteBuffer?
    /// Response bytes not yet written; nil while empty.
    var output: ByteBuffer?
    var phase = Phase.open
    /// Close once the output is written (Connection: close, HTTP/1.0, an error, shutdown).
    var closeAfterFlush = false
    /// Requests have stopped being read until pending output drains (pipelining throttle).
    var readPaused = false
    /// Whether epoll currently watches for writability.
    var watchingWrite = false
    /// Millisecond clock readings behind the deadlines.
    var lastActivity: Int
    var headStartedAt: Int?
    var lingerStartedAt = 0
    var lingerDiscarded = 0
    /// A streaming response in progress (see `ResponseStream`); requests behind it wait.
    var stream: StreamHandle?
    /// For a deferred response: how to frame it once it comes.
    var deferredRequest: (method: HTTPMethod, version: HTTPVersion, keepAlive: Bool, target: String, started: Int)?

    init(fd: Int32, remoteAddress: String, limits: ParserLimits, now: Int) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        parser = RequestParser(limits: limits)
        lastActivity = now
    }

    var hasPendingOutput: Bool { !(output?.isEmpty ?? true) }
    var hasPendingInput: Bool { !(input?.isEmpty ?? true) }

    /// Idle: nothing of a request received, nothing left to send.
    var isIdle: Bool { phase == .open && !hasPendingInput && !hasPendingOutput && !parser.isMidRequest }

    enum Expiry { case none, requestTimeout, silentClose }

    /// What the clock says about this connection now.
    func expiry(now: Int, configuration: ServerConfiguration) -> Expiry {
        if phase == .lingering {
            return now - lingerStartedAt >= 2_000 ? .silentClose : .none
        }
        if stream != nil {
            // Exempt from the idle timeout: a stream's producer keeps it busy (heartbeats); only a peer that
            // reads nothing of what is pending for the write timeout is dropped.
            return hasPendingOutput && now - lastActivity >= configuration.writeTimeoutMs ? .silentClose : .none
        }
        if hasPendingOutput {
            return now - lastActivity >= configuration.writeTimeoutMs ? .silentClose : .none
        }
        if parser.isReadingBody {
            return now - lastActivity >= configuration.bodyTimeoutMs ? .requestTimeout : .none
        }
        if let started = headStartedAt {
            return now - started >= configuration.headTimeoutMs ? .requestTimeout : .none
        }
        return now - lastActivity >= configuration.idleTimeoutMs ? .silentClose : .none
    }
}
