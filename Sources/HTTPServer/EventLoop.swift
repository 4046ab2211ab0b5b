import CShim
import Glibc

/// One thread's epoll loop: its own listener, its own connections, its own handler.
/// Nothing here is shared with another loop except the ServerStats atomics.
final class EventLoop {
    private let configuration: ServerConfiguration
    private let stats: ServerStats
    private let handler: any HTTPHandler
    private var listener: Int32
    private let wakeFD: Int32
    private let waker: LoopWaker
    /// This loop's own eventfd, for the producers that another thread answers.
    private let streamWaker: StreamWaker
    private let epollFD: Int32
    private let shutdownRequested: @Sendable () -> Bool

    // Exclusivity: the fields a request touches, here and in the objects one loop owns (its connections, its handler's
    // store, statements and cache), are `@exclusivity(unchecked)`. Swift checks every access to a class's stored
    // `var` at run time unless it can prove no two overlap (`swift_beginAccess` and its bookkeeping): unchecked, a
    // cache hit costs 1,351 instructions less and an uncached request 1,723 (`Benchmarks/costs.sh`). Only the loop's
    // thread touches them, and none is passed inout to code that reaches it again, so the check could never fire.
    private var connections: [Connection?] = []
    private var connectionCount = 0
    @exclusivity(unchecked) private var writer = ResponseWriter()
    @exclusivity(unchecked) private var date = DateHeader()
    private var log: ByteBuffer
    @exclusivity(unchecked) private var spareBuffers: [ByteBuffer] = []
    private var listenerPausedUntil: Int?
    private var draining = false
    private var drainDeadline = 0
    private var nextSweep = 0
    private var nextPrune = 0
    /// Connections whose response is a stream, by descriptor.
    private var streams: [Int32: Connection] = [:]
    private var streamRound = 0
    private var nextStreamPump = 0
    private var streamsDue = false

    private static let readChunk = 16 * 1024
    private static let bufferSize = 16 * 1024
    private let timeouts: ConnectionStateMachine.Timeouts

    init(configuration: ServerConfiguration, stats: ServerStats, handler: any HTTPHandler, listener: Int32,
         wakeFD: Int32, waker: LoopWaker, streamWaker: StreamWaker, shutdownRequested: @escaping @Sendable () -> Bool) throws {
        self.configuration = configuration
        self.stats = stats
        self.handler = handler
        self.listener = listener
        self.wakeFD = wakeFD
        self.waker = waker
        self.streamWaker = streamWaker
        timeouts = ConnectionStateMachine.Timeouts(configuration)
        self.shutdownRequested = shutdownRequested
        log = ByteBuffer(capacity: 4096)
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { throw ServerError.system(call: "epoll_create1", errno: errno) }
        watch(listener, events: EPOLLIN.rawValue, op: EPOLL_CTL_ADD)
        watch(wakeFD, events: EPOLLIN.rawValue, op: EPOLL_CTL_ADD)
    }

    deinit {
        Glibc.close(epollFD)
    }

    // MARK: - The loop

    func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        while true {
            let timeout = streams.isEmpty ? 250 : Int32(max(1, min(250, configuration.streamPollMs)))
            let count = events.withUnsafeMutableBufferPointer { epoll_wait(epollFD, $0.baseAddress, Int32($0.count), timeout) }
            date.update(now: Clock.wallSeconds())
            if count < 0 && errno != EINTR { break }
            for index in 0..<max(0, Int(count)) {
                let event = events[index]
                let fd = Int32(truncatingIfNeeded: event.data.u64)
                if fd == listener {
                    acceptConnections()
                } else if fd == wakeFD {
                    var value: UInt64 = 0
                    _ = read(wakeFD, &value, 8)
                    streamsDue = true
                } else if let connection = connection(fd) {
                    if event.events & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
                        readable(connection)
                    }
                    if event.events & EPOLLOUT.rawValue != 0, self.connection(fd) === connection {
                        flush(connection)
                    }
                }
            }
            flushLog()
            let now = Clock.monotonicMilliseconds()
            if !draining && shutdownRequested() { beginDrain(now: now) }
            if !streams.isEmpty && (streamsDue || now >= nextStreamPump) {
                pumpStreams(now: now, ending: false)
            }
            streamsDue = false
            if now >= nextSweep {
                nextSweep = now + 250
                sweep(now: now)
            }
            handler.turnEnded()
            if draining && (connectionCount == 0 || now >= drainDeadline) { break }
        }
        for case let connection? in connections { close(connection) }
        flushLog()
    }

    // MARK: - Accepting

    private func acceptConnections() {
        for _ in 0..<128 {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { cshim_accept4(listener, $0, &length) }
            }
            if fd < 0 {
                let code = cshim_errno()
                if code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM {
                    // Out of descriptors: stop watching the listener for a moment instead of
                    // spinning on a readiness we cannot act on; serving resumes when fds free up.
                    watch(listener, events: 0, op: EPOLL_CTL_DEL)
                    listenerPausedUntil = Clock.monotonicMilliseconds() + 100
                    notice("accept: out of file descriptors; pausing accepts for 100 ms")
                }
                return  // EAGAIN, ECONNABORTED, EINTR, …: try again at the next readiness
            }
            let open = stats.openConnections.add(1, ordering: .relaxed).newValue
            if open > configuration.maxConnections {
                stats.openConnections.subtract(1, ordering: .relaxed)
                stats.rejectedConnections.add(1, ordering: .relaxed)
                rejectOverCapacity(fd)
                continue
            }
            stats.acceptedConnections.add(1, ordering: .relaxed)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let connection = Connection(fd: fd, remoteAddress: Listener.peerAddress(&storage), limits: configuration.limits,
                                        timeouts: timeouts, now: Clock.monotonicMilliseconds())
            store(connection)
            watch(fd, events: EPOLLIN.rawValue, op: EPOLL_CTL_ADD)
        }
    }

    private lazy var overCapacityResponse: [UInt8] = {
        let out = ByteBuffer(capacity: 512)
        writer.write(.problem(status: 503, detail: "The server is at its limit of \(configuration.maxConnections) open connections; try again shortly."),
                     method: nil, version: .http11, keepAlive: false, date: DateHeader.format(Clock.wallSeconds()), into: out)
        return Array(out.readable)
    }()

    private func rejectOverCapacity(_ fd: Int32) {
        let bytes = overCapacityResponse
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        Glibc.shutdown(fd, Int32(SHUT_WR))
        Glibc.close(fd)
    }

    // MARK: - Reading

    private func readable(_ connection: Connection) {
        let buffer = connection.input ?? takeBuffer()
        let count = read(connection.fd, buffer.reserveWritable(Self.readChunk), Self.readChunk)
        if count > 0 {
            buffer.didWrite(count)
            stats.bytesIn.add(count, ordering: .relaxed)
            let now = Clock.monotonicMilliseconds()
            switch connection.machine.bytesRead(count, now: now) {
            case .process:
                connection.input = buffer
                process(connection)
            case .close:
                if connection.input !== buffer { buffer.clear(); returnBuffer(buffer) }
                close(connection)
            default:  // .discardInput: lingering, or a stream's client, whose bytes are dropped
                if connection.input === buffer { connection.input = nil }
                buffer.clear()
                returnBuffer(buffer)
            }
            return
        }
        if connection.input == nil { returnBuffer(buffer) }
        if count == 0 {
            // The peer is done sending.
            perform(connection.machine.peerClosed(hasPendingOutput: connection.hasPendingOutput), on: connection)
            return
        }
        let code = errno
        if code != EAGAIN && code != EWOULDBLOCK && code != EINTR { perform(connection.machine.failed(), on: connection) }
    }

    /// Carries out what the state machine asked for (the actions that need no more context than the connection).
    private func perform(_ action: ConnectionStateMachine.Action, on connection: Connection) {
        switch action {
        case .none, .discardInput:
            break
        case .process:
            process(connection)
        case .write:
            updateInterest(connection)
        case .resumeReading:
            updateInterest(connection)
            if connection.hasPendingInput { process(connection) }
        case .linger:
            startLingering(connection)
        case .close:
            close(connection)
        case .timeout(let kind):
            stats.timeouts.add(1, ordering: .relaxed)
            let detail = kind == .body
                ? "The request body did not arrive within \(configuration.bodyTimeoutMs / 1000) s."
                : "The request head was not complete within \(configuration.headTimeoutMs / 1000) s."
            if let input = connection.input {
                input.clear()
                returnBuffer(input)
                connection.input = nil
            }
            enqueue(.problem(status: 408, detail: detail), method: nil, version: .http11, keepAlive: false,
                    on: connection, logTarget: "-", started: nil)
            connection.machine.timedOut()
            flush(connection)
        }
    }

    /// Parses and answers every complete request in the connection's input, in order,
    /// queueing the responses, then writes them together.
    private func process(_ connection: Connection) {
        guard let input = connection.input else { return }
        var consumed = 0
        parsing: while !connection.machine.closeAfterFlush && connection.stream == nil {
            if (connection.output?.readableCount ?? 0) >= configuration.outputHighWater {
                connection.machine.throttle()
                break
            }
            let unread = UnsafeBufferPointer(rebasing: input.readable[consumed...])
            switch connection.parser.next(unread, consumed: &consumed) {
            case .needMore:
                break parsing
            case .sendContinue:
                outputBuffer(connection).append("HTTP/1.1 100 Continue\r\n\r\n" as StaticString)
            case .request(var request):
                request.remoteAddress = connection.remoteAddress
                if draining { request.keepAlive = false }
                respond(to: request, on: connection)
                connection.machine.requestAnswered(keepAlive: request.keepAlive)
            case .failure(let error):
                stats.parseErrors.add(1, ordering: .relaxed)
                enqueue(error.response, method: connection.parser.failedMethod, version: .http11, keepAlive: false, on: connection,
                     logTarget: "-", started: nil)
                connection.machine.refused()
            }
        }
        input.consume(consumed)
        if connection.stream?.kind == .deferred && input.readableCount >= configuration.outputHighWater {
            connection.machine.throttle()  // requests pipelined behind a long poll wait, within bounds
        }
        if input.isEmpty || connection.machine.closeAfterFlush {
            input.clear()
            returnBuffer(input)
            connection.input = nil
        }
        let now = Clock.monotonicMilliseconds()  // after the answers: one read serves the parse's state and the flush
        connection.machine.parsed(now: now, readingBody: connection.parser.isReadingBody,
                                  midRequest: connection.parser.isMidRequest, hasPendingInput: connection.input != nil)
        flush(connection, now: now)
    }

    private func respond(to request: HTTPRequest, on connection: Connection) {
        let started = Clock.monotonicMicroseconds()
        let response: HTTPResponse
        if let limiter = configuration.rateLimiter,
           let wait = limiter.take(connection.remoteAddress, nowMs: started / 1000) {
            stats.rateLimited.add(1, ordering: .relaxed)
            var limited = HTTPResponse.problem(status: 429, detail: "More than \(limiter.rate) requests a second (burst \(limiter.burst)) from this address; retry after \(wait) s.")
            limited.headers.add("Retry-After", String(wait))
            limited.route = "rate-limited"
            response = limited
        } else {
            response = handler.handle(request)
        }
        stats.requests.add(1, ordering: .relaxed)
        if let stream = response.stream, request.method == .get || stream.kind == .deferred {
            if stream.kind == .body { answered(response, started: started) }  // a deferred one, once it is answered
            startStream(stream, response: response, request: request, on: connection, started: started)
            return
        }
        answered(response, started: started)
        enqueue(response, method: request.method, version: request.version, keepAlive: request.keepAlive,
                on: connection, logTarget: request.target, started: started)
    }

    /// Counts a response in the metrics and wakes the other loops' streams for it when it says so.
    private func answered(_ response: HTTPResponse, started: Int?) {
        stats.requestMetrics.record(route: response.route, status: response.status,
                                    micros: started.map { Clock.monotonicMicroseconds() - $0 } ?? 0)
        // Waking the other loops costs each an eventfd write and an epoll return: only worth it while a stream is open.
        if response.wakesStreams, stats.openStreams.load(ordering: .relaxed) > 0 {
            waker.wakeAll(except: wakeFD)
            streamsDue = true
        }
    }

    private func enqueue(_ response: HTTPResponse, method: HTTPMethod?, version: HTTPVersion, keepAlive: Bool,
                      on connection: Connection, logTarget: String, started: Int?) {
        let out = outputBuffer(connection)
        let before = out.readableCount
        writer.write(response, method: method, version: version, keepAlive: keepAlive, date: date.bytes, into: out)
        logLine(connection, method: method, target: logTarget, status: response.status,
                bytes: out.readableCount - before, started: started)
    }

    private func logLine(_ connection: Connection, method: HTTPMethod?, target: String, status: Int, bytes: Int,
                         started: Int?) {
        guard !configuration.quiet else { return }
        let micros = started.map { Clock.monotonicMicroseconds() - $0 } ?? 0
        log.append(connection.remoteAddress)
        log.append(" " as StaticString)
        log.append(method?.rawValue ?? "-")
        log.append(" " as StaticString)
        appendLogSafe(target)
        log.append(" " as StaticString)
        log.appendDecimal(status)
        log.append(" " as StaticString)
        log.appendDecimal(bytes)
        log.append(" " as StaticString)
        log.appendDecimal(micros)
        log.append("us\n" as StaticString)
    }

    /// Request targets are printable ASCII by the time they get here; this guards the log anyway.
    private func appendLogSafe(_ text: String) {
        for byte in text.utf8 { log.append(byte >= 0x21 && byte < 0x7F ? byte : UInt8(ascii: "?")) }
    }

    // MARK: - Writing

    /// `now`: the clock as the caller read it, or nil to read it here (once, for the whole flush).
    private func flush(_ connection: Connection, now: Int? = nil) {
        let now = now ?? Clock.monotonicMilliseconds()
        if let output = connection.output {
            while !output.isEmpty {
                let pending = output.readable
                let written = Glibc.send(connection.fd, pending.baseAddress, pending.count, Int32(MSG_NOSIGNAL))
                if written > 0 {
                    output.consume(written)
                    stats.bytesOut.add(written, ordering: .relaxed)
                    connection.machine.wrote(now: now)
                } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    updateInterest(connection)
                    return
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    perform(connection.machine.failed(), on: connection)  // the peer vanished mid-response
                    return
                }
            }
            returnBuffer(output)
            connection.output = nil
        }
        switch connection.machine.outputDrained(now: now) {
        case .none:
            if connection.watchingWrite { updateInterest(connection) }
        case let action:
            perform(action, on: connection)
        }
    }

    /// Shuts our side and reads and drops what the peer still sends for a moment, so that
    /// closing with unread bytes does not reset the connection before our response arrives.
    private func startLingering(_ connection: Connection) {
        Glibc.shutdown(connection.fd, Int32(SHUT_WR))
        if let input = connection.input {
            input.clear()
            returnBuffer(input)
            connection.input = nil
        }
        updateInterest(connection)
    }

    private func updateInterest(_ connection: Connection) {
        let wantsWrite = connection.hasPendingOutput
        let wantsRead = !connection.machine.readPaused
        var events: UInt32 = 0
        if wantsRead { events |= EPOLLIN.rawValue }
        if wantsWrite { events |= EPOLLOUT.rawValue }
        connection.watchingWrite = wantsWrite
        watch(connection.fd, events: events, op: EPOLL_CTL_MOD)
    }

    // MARK: - Streams

    private func startStream(_ stream: StreamHandle, response: HTTPResponse, request: HTTPRequest,
                             on connection: Connection, started: Int) {
        connection.stream = stream
        connection.machine.streamStarted(body: stream.kind == .body)
        streams[connection.fd] = connection
        stats.openStreams.add(1, ordering: .relaxed)
        switch stream.kind {
        case .body:
            if let size = configuration.streamSendBuffer {
                var value = Int32(clamping: size)
                setsockopt(connection.fd, SOL_SOCKET, SO_SNDBUF, &value, socklen_t(MemoryLayout<Int32>.size))
            }
            let out = outputBuffer(connection)
            writer.writeStreamHead(response, date: date.bytes, into: out)
            logLine(connection, method: request.method, target: request.target, status: response.status,
                    bytes: out.readableCount, started: started)
        case .deferred:
            // Draining is checked when the answer goes out, since it may start while the request waits.
            connection.deferredRequest = (request.method, request.version, request.keepAlive, request.target, started)
        }
        pump(connection, now: Clock.monotonicMilliseconds(), ending: draining, inline: true)
    }

    private func pumpStreams(now: Int, ending: Bool) {
        streamRound += 1
        nextStreamPump = now + configuration.streamPollMs
        for connection in Array(streams.values) where connection.stream != nil {
            pump(connection, now: now, ending: ending)
        }
    }

    /// One pump of one stream; what it hands over is sent with one `send`. `inline`: called from `process`, which
    /// goes on parsing and flushes itself, so nothing here may flush, process or close.
    private func pump(_ connection: Connection, now: Int, ending: Bool, inline: Bool = false) {
        guard let stream = connection.stream else { return }
        let pending = connection.output?.readableCount ?? 0
        let tick = StreamTick(now: now, round: streamRound, room: max(0, configuration.streamOutputLimit - pending),
                              ending: ending, waker: streamWaker)
        switch stream.producer.pump(tick) {
        case .wait:
            if !inline && pending > 0 { flush(connection) }
        case .send(let bytes):
            if !bytes.isEmpty { outputBuffer(connection).append(bytes) }
            if !inline { flush(connection) }
        case .finish(let bytes):
            if !bytes.isEmpty { outputBuffer(connection).append(bytes) }
            endStream(connection)
            connection.machine.streamEnded(closing: true)
            if !inline { flush(connection) }
        case .respond(let response):
            endStream(connection)
            let request = connection.deferredRequest
            connection.deferredRequest = nil
            answered(response, started: request?.started)
            let keepAlive = (request?.keepAlive ?? false) && !draining
            enqueue(response, method: request?.method ?? .get, version: request?.version ?? .http11, keepAlive: keepAlive,
                    on: connection, logTarget: request?.target ?? "-", started: request?.started)
            connection.machine.streamEnded(closing: !keepAlive)
            if !inline {
                if connection.hasPendingInput && !connection.machine.closeAfterFlush { process(connection) } else { flush(connection) }
            }
        case .drop:
            stats.streamsDropped.add(1, ordering: .relaxed)
            if inline {
                endStream(connection)
                connection.machine.streamEnded(closing: true)
            } else {
                close(connection)
            }
        }
    }

    /// Forgets the connection's stream (the connection itself stays).
    private func endStream(_ connection: Connection) {
        guard connection.stream != nil else { return }
        connection.stream = nil
        streams[connection.fd] = nil
        stats.openStreams.subtract(1, ordering: .relaxed)
    }

    // MARK: - Timers, shutdown

    private func sweep(now: Int) {
        if now >= nextPrune, let limiter = configuration.rateLimiter {
            nextPrune = now + 10_000
            limiter.prune(nowMs: Clock.monotonicMicroseconds() / 1000)
        }
        if let until = listenerPausedUntil, now >= until, !draining {
            listenerPausedUntil = nil
            watch(listener, events: EPOLLIN.rawValue, op: EPOLL_CTL_ADD)
        }
        for case let connection? in connections {
            let action = connection.machine.tick(now: now, hasPendingOutput: connection.hasPendingOutput)
            if action == .close && connection.stream != nil {
                stats.streamsDropped.add(1, ordering: .relaxed)  // a stream whose client read nothing for the write timeout
            }
            if action != .none { perform(action, on: connection) }
        }
    }

    private func beginDrain(now: Int) {
        draining = true
        drainDeadline = now + configuration.shutdownGraceMs
        if listenerPausedUntil == nil { watch(listener, events: 0, op: EPOLL_CTL_DEL) }
        Glibc.close(listener)
        listener = -1
        pumpStreams(now: now, ending: true)
        for case let connection? in connections {
            // Idle ones close now; a response in flight finishes, then the connection closes.
            let action = connection.machine.drain(hasPendingInput: connection.hasPendingInput || connection.parser.isMidRequest,
                                                  hasPendingOutput: connection.hasPendingOutput)
            if action != .none { perform(action, on: connection) }
        }
    }

    // MARK: - Bookkeeping

    private func connection(_ fd: Int32) -> Connection? {
        let index = Int(fd)
        return index < connections.count ? connections[index] : nil
    }

    private func store(_ connection: Connection) {
        let index = Int(connection.fd)
        if index >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: index + 1 - connections.count + 64))
        }
        connections[index] = connection
        connectionCount += 1
    }

    private func close(_ connection: Connection) {
        let index = Int(connection.fd)
        guard index < connections.count, connections[index] === connection else { return }
        connections[index] = nil
        connectionCount -= 1
        stats.openConnections.subtract(1, ordering: .relaxed)
        endStream(connection)
        if let input = connection.input { input.clear(); returnBuffer(input) }
        if let output = connection.output { output.clear(); returnBuffer(output) }
        connection.input = nil
        connection.output = nil
        Glibc.close(connection.fd)  // also removes it from the epoll set
    }

    private func outputBuffer(_ connection: Connection) -> ByteBuffer {
        if let output = connection.output { return output }
        let buffer = takeBuffer()
        connection.output = buffer
        return buffer
    }

    private func takeBuffer() -> ByteBuffer {
        spareBuffers.popLast() ?? ByteBuffer(capacity: Self.bufferSize)
    }

    /// Keeps a few ordinary-sized buffers for reuse; large ones (a big body) are freed.
    private func returnBuffer(_ buffer: ByteBuffer) {
        guard buffer.isEmpty, buffer.capacity <= 64 * 1024, spareBuffers.count < 64 else { return }
        buffer.clear()
        spareBuffers.append(buffer)
    }

    private func watch(_ fd: Int32, events: UInt32, op: Int32) {
        guard fd >= 0 else { return }
        var event = epoll_event()
        event.events = events
        event.data.u64 = UInt64(UInt32(bitPattern: fd))
        _ = epoll_ctl(epollFD, op, fd, &event)
    }

    private func notice(_ text: String) {
        log.append(text)
        log.append(UInt8(ascii: "\n"))
    }

    private func flushLog() {
        while !log.isEmpty {
            let pending = log.readable
            let written = write(configuration.logDescriptor, pending.baseAddress, pending.count)
            if written <= 0 { if errno == EINTR { continue }; log.clear(); break }
            log.consume(written)
        }
    }
}
