import Foundation
import HTTPServer
@testable import ParleyAPI
import ParleyStore
import Testing

/// One SSE subscriber's producer alone: a real SQLite file, no socket, a fake clock and a fake output room.
@Suite struct ChangeEventStreamTests {
    final class Fixture {
        let directory: TemporaryDirectory
        let store: Store
        let hub: ChangeFeedHub
        var round = 0
        var now = 1_000_000

        init() throws {
            directory = try TemporaryDirectory()
            let path = directory.path("parley.sqlite")
            try Migrator.migrate(databasePath: path)
            store = try Store.open(path: path)
            hub = ChangeFeedHub(store: store, metrics: APIMetrics())
        }

        func commit(_ count: Int) throws {
            for _ in 0..<count {
                _ = try store.write {
                    try store.recordChange(.topics, id: "t-\(UUID().uuidString.prefix(8).lowercased())", operation: .create, actor: "test")
                }
            }
        }

        func pump(_ stream: ChangeEventStream, room: Int = 64 * 1024, advance: Int = 50) -> StreamStep {
            round += 1
            now += advance
            return stream.pump(StreamTick(now: now, round: round, room: room, ending: false))
        }
    }

    static func ids(_ step: StreamStep) -> [Int] {
        guard case let .send(bytes) = step else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n")
            .filter { $0.hasPrefix("id: ") }.compactMap { Int($0.dropFirst(4)) }
    }

    @Test func catchingUpIsPacedByTheRoomAndNeverDropped() throws {
        let fixture = try Fixture()
        let stream = ChangeEventStream(hub: fixture.hub, since: 0, heartbeatMs: 15_000, queueLimit: 8)
        var seen: [Int] = []
        // Little room: a few events a pump, 88 behind, yet never dropped while catching up.
        for _ in 0..<100 where seen.count < 88 {
            let step = fixture.pump(stream, room: 700)
            if case .drop = step { Issue.record("dropped while catching up"); return }
            seen += Self.ids(step)
        }
        #expect(seen == Array(1...88))
    }

    @Test func aLiveSubscriberWhoseOutputStaysFullIsDroppedPastItsQueueLimit() throws {
        let fixture = try Fixture()
        let stream = ChangeEventStream(hub: fixture.hub, since: 88, heartbeatMs: 15_000, queueLimit: 8)
        #expect(Self.ids(fixture.pump(stream)) == [])  // live: nothing after 88
        // A burst past the queue limit while the output has room: handed over, not dropped.
        try fixture.commit(20)
        #expect(Self.ids(fixture.pump(stream)) == Array(89...108))
        // The output stays full (the client reads nothing): up to the limit the events wait ...
        try fixture.commit(8)
        #expect(Self.ids(fixture.pump(stream, room: 0)) == [])
        // ... one more and the subscriber is dropped.
        try fixture.commit(1)
        guard case .drop = fixture.pump(stream, room: 0) else { Issue.record("not dropped"); return }
    }

    @Test func aHeartbeatGoesOutAfterTheIntervalOfSilence() throws {
        let fixture = try Fixture()
        let stream = ChangeEventStream(hub: fixture.hub, since: 88, heartbeatMs: 1_000, queueLimit: 8)
        guard case .wait = fixture.pump(stream, advance: 0) else { Issue.record("sent something"); return }
        guard case .wait = fixture.pump(stream, advance: 999) else { Issue.record("early heartbeat"); return }
        guard case let .send(bytes) = fixture.pump(stream, advance: 1) else { Issue.record("no heartbeat"); return }
        #expect(String(decoding: bytes, as: UTF8.self) == ": keep-alive\n\n")
        guard case .wait = fixture.pump(stream, advance: 500) else { Issue.record("heartbeat too soon"); return }
        try fixture.commit(1)
        #expect(Self.ids(fixture.pump(stream, advance: 600)) == [89], "an event, not a heartbeat, and the clock restarts")
        guard case .wait = fixture.pump(stream, advance: 999) else { Issue.record("heartbeat right after an event"); return }
    }

    @Test func shutdownEndsTheStreamWithAComment() throws {
        let fixture = try Fixture()
        let stream = ChangeEventStream(hub: fixture.hub, since: 88, heartbeatMs: 1_000, queueLimit: 8)
        guard case let .finish(bytes) = stream.pump(StreamTick(now: 0, round: 1, room: 1024, ending: true)) else {
            Issue.record("did not finish")
            return
        }
        #expect(bytes.first == UInt8(ascii: ":"))
    }
}
