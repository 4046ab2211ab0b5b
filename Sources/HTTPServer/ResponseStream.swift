import Glibc

/// A response written over time by the loop that owns its connection: an event stream, or a response that is
/// answered later (a long poll). The engine knows nothing of what is streamed; it drives the producer.
///
/// A producer lives on one loop thread only, like the handler that made it. The loop calls `pump`:
/// - right after the handler returned it (for `.body`, after the head, so head and first bytes go out in one send);
/// - whenever any loop of the server answered a response marked `wakesStreams` (a commit, say): every loop's
///   eventfd is written, so the subscribers of every loop are woken at once;
/// - every `ServerConfiguration.streamPollMs` while the loop drives at least one stream (what another process
///   commits is found that way, and heartbeats and deadlines are kept);
/// - whenever a thread calls the `StreamWaker` of a tick;
/// - once with `ending` set when the server shuts down.
public protocol ResponseStream: AnyObject {
    func pump(_ tick: StreamTick) -> StreamStep
}

public struct StreamTick {
    /// Monotonic milliseconds.
    public var now: Int
    /// Increases by one for each round of pumps on this loop (every stream of the loop sees the same round), so a
    /// producer can share work done once per round.
    public var round: Int
    /// Bytes the connection's output may still take before it reaches `ServerConfiguration.streamOutputLimit`.
    public var room: Int
    /// The server is shutting down: finish now.
    public var ending: Bool
    /// Wakes this loop from any thread, for an answer made elsewhere (nil where no loop drives the producer).
    public var waker: StreamWaker?

    public init(now: Int, round: Int, room: Int, ending: Bool, waker: StreamWaker? = nil) {
        self.now = now
        self.round = round
        self.room = room
        self.ending = ending
        self.waker = waker
    }
}

/// Wakes the loop that drives a stream, from any thread: its streams are pumped at once instead of at the next
/// `ServerConfiguration.streamPollMs`. For a deferred response whose answer another thread makes (a write that waits
/// for a cluster's leader there, while the loop goes on serving). Kept past its stream, or past the server, it wakes
/// nothing.
public struct StreamWaker: Sendable {
    let target: Target

    public func wake() { target.wake() }

    /// A loop's eventfd, written only while it is open: the server closes it under the same lock once its loops
    /// ended, so a late wake never writes to a descriptor whose number was reused since.
    final class Target: Sendable {
        private let descriptor: Locked<Int32?>

        init(_ descriptor: Int32) { self.descriptor = Locked(descriptor) }

        func wake() {
            descriptor.withLock { descriptor in
                guard let descriptor else { return }
                var one: UInt64 = 1
                _ = write(descriptor, &one, 8)
            }
        }

        func close() {
            descriptor.withLock { descriptor in
                if let open = descriptor { Glibc.close(open) }
                descriptor = nil
            }
        }
    }
}

public enum StreamStep {
    /// Nothing to send yet.
    case wait
    /// Body bytes to send (one send for everything handed over in one pump).
    case send([UInt8])
    /// Last body bytes; then the connection is closed (the body of a stream runs to the close).
    case finish([UInt8])
    /// For a `.deferred` stream: the response, sent as any other; the connection then goes on as usual.
    case respond(HTTPResponse)
    /// The consumer does not keep up (its queue is full): close the connection, count it as dropped.
    case drop
}

/// What the loop does with a streaming response.
public enum StreamKind: Sendable {
    /// The head goes out now (status and headers as given, no Content-Length, `Connection: close`), and the
    /// body is written over time until the stream finishes or the connection closes.
    case body
    /// Nothing goes out until the producer answers `.respond` (it must, at the latest when `ending`). Any method may
    /// answer so; requests pipelined behind it wait.
    case deferred
}

/// Carries a producer inside a (Sendable) `HTTPResponse`. A producer is made and used on one loop thread only;
/// the box is never handed to another thread, which is what makes the unchecked conformance sound.
public final class StreamHandle: @unchecked Sendable {
    public let kind: StreamKind
    let producer: any ResponseStream

    public init(_ kind: StreamKind, _ producer: any ResponseStream) {
        self.kind = kind
        self.producer = producer
    }
}

/// Wakes every loop of a server (through each loop's eventfd) so that their streams are pumped now.
final class LoopWaker: Sendable {
    let descriptors: [Int32]

    init(descriptors: [Int32]) { self.descriptors = descriptors }

    func wakeAll(except own: Int32) {
        for fd in descriptors where fd != own {
            var one: UInt64 = 1
            _ = write(fd, &one, 8)
        }
    }
}
