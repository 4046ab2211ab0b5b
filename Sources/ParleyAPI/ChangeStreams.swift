import HTTPServer
import ParleyStore

/// The change feed pushed: Server-Sent Events (`Accept: text/event-stream`) and the long poll (`wait=S`), both
/// built on the engine's `ResponseStream`. Everything here lives on one loop thread, with that loop's handler.

/// The recent changes of one loop, encoded once as SSE events and shared by every subscriber of the loop.
///
/// Refreshed at most once per pump round: the data version (the newest change's `seq`) costs no system call
/// while nothing moved (`WALChangeCounter`), and when it moved the new changes are read once for everyone.
final class ChangeFeedHub {
    let store: Store
    let metrics: APIMetrics
    /// The newest events, in `seq` order, at most `windowLimit` of them.
    private var window: [(seq: Int, event: [UInt8])] = []
    private var latest: Int?
    private var refreshedRound = -1
    static let windowLimit = 2048
    /// Events read from the store per pump for a subscriber that is behind the window.
    static let catchUpPage = 500

    init(store: Store, metrics: APIMetrics) {
        self.store = store
        self.metrics = metrics
    }

    /// The newest change's `seq`.
    func refresh(round: Int) throws -> Int {
        if round == refreshedRound, let latest { return latest }
        refreshedRound = round
        let version = try store.dataVersion()
        guard var known = latest else {
            latest = version
            return version
        }
        // Far behind (a bulk write): only the last `windowLimit` changes can stay in the window, so read only those; the
        // window restarts there (it must hold consecutive changes), and anyone older is served from the store.
        if version - known > Self.windowLimit {
            known = version - Self.windowLimit
            window.removeAll(keepingCapacity: true)
        }
        while known < version {
            let page = try store.read { try store.changes(since: known, after: nil, limit: Self.catchUpPage) }
            guard let last = page.items.last else { break }
            for change in page.items { window.append((change.seq, Self.event(change))) }
            known = last.seq
            latest = known  // kept page by page: a failure on the next page must not append this one again
        }
        if window.count > Self.windowLimit { window.removeFirst(window.count - Self.windowLimit) }
        let newest = max(known, version)
        latest = newest
        return newest
    }

    /// Appends the events after `seq` to `out` while they fit in `room` bytes; returns the last `seq` appended
    /// (`seq` itself when none fitted).
    func events(after seq: Int, room: Int, into out: inout [UInt8]) throws -> Int {
        var last = seq
        if let first = window.first, seq >= first.seq - 1 {
            var low = 0, high = window.count
            while low < high {
                let middle = (low + high) / 2
                if window[middle].seq <= seq { low = middle + 1 } else { high = middle }
            }
            for index in low..<window.count {
                let event = window[index].event
                guard out.count + event.count <= room else { break }
                out += event
                last = window[index].seq
            }
            return last
        }
        // Behind the window (a subscriber catching up from far back): straight from the store, one page a pump.
        let page = try store.read { try store.changes(since: seq, after: nil, limit: Self.catchUpPage) }
        for change in page.items {
            let event = Self.event(change)
            guard out.count + event.count <= room else { break }
            out += event
            last = change.seq
        }
        return last
    }

    /// `id: SEQ`, `event: change`, `data: <the object /changes lists>`, a blank line.
    static func event(_ change: Change) -> [UInt8] {
        var sink = JSONSink(writer: JSONWriter(capacity: 256, pretty: false), selection: FieldSelection(names: nil))
        ChangesResource.encode(change, into: &sink)
        var out = Array("id: \(change.seq)\nevent: change\ndata: ".utf8)
        out += sink.writer.bytes
        out += [0x0A, 0x0A]
        return out
    }
}

/// One SSE subscriber: every change after `lastSeq`, then each new one, then heartbeats while idle.
///
/// Its queue is what is committed but not yet handed to its connection. While it catches up from an old
/// `seq` it is paced by its own reading. Once it has caught up (live), it is dropped when its connection's
/// output is still full at a pump (it stopped reading) and more than `queueLimit` events wait for it. A burst
/// of commits does not drop a subscriber that reads: its output drains between pumps. It resumes by id.
final class ChangeEventStream: ResponseStream {
    private let hub: ChangeFeedHub
    private var lastSeq: Int
    private var live = false
    private var lastWrite: Int?
    private let heartbeatMs: Int
    private let queueLimit: Int

    init(hub: ChangeFeedHub, since: Int, heartbeatMs: Int, queueLimit: Int) {
        self.hub = hub
        lastSeq = since
        self.heartbeatMs = heartbeatMs
        self.queueLimit = queueLimit
    }

    static let heartbeat = Array(": keep-alive\n\n".utf8)
    /// Less room than this in the connection's output counts as full.
    static let fullRoom = 1024

    func pump(_ tick: StreamTick) -> StreamStep {
        if tick.ending { return .finish(Array(": the server is shutting down; resume with Last-Event-ID\n\n".utf8)) }
        var out: [UInt8] = []
        if let latest = try? hub.refresh(round: tick.round), latest > lastSeq {
            if live && tick.room < Self.fullRoom && latest - lastSeq > queueLimit { return .drop }
            let before = lastSeq
            if let last = try? hub.events(after: lastSeq, room: tick.room, into: &out) { lastSeq = last }
            if lastSeq > before { hub.metrics.changeEventsSent.add(lastSeq - before, ordering: .relaxed) }
            if lastSeq >= latest { live = true }
        } else {
            live = true
        }
        if lastWrite == nil { lastWrite = tick.now }
        if out.isEmpty, let lastWrite, tick.now - lastWrite >= heartbeatMs, tick.room >= Self.heartbeat.count {
            out = Self.heartbeat
        }
        if out.isEmpty { return .wait }
        lastWrite = tick.now
        return .send(out)
    }

}

/// A long poll: answered as soon as a change after `since` commits, or at the deadline (then with no entries).
final class LongPoll: ResponseStream {
    private let handler: APIHandler
    private let request: HTTPRequest
    private let since: Int
    private let waitMs: Int
    private var deadline: Int?

    init(handler: APIHandler, request: HTTPRequest, since: Int, waitMs: Int) {
        self.handler = handler
        self.request = request
        self.since = since
        self.waitMs = waitMs
    }

    func pump(_ tick: StreamTick) -> StreamStep {
        let deadline = self.deadline ?? tick.now + waitMs
        self.deadline = deadline
        let version = (try? handler.store.dataVersion()) ?? Int.max  // a failing store answers (with its error) now
        guard version > since || tick.now >= deadline || tick.ending else { return .wait }
        return .respond(handler.answerHeld(request))
    }

}
