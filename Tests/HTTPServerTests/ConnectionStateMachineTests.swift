@testable import HTTPServer
import Testing

/// The connection state machine alone: no sockets, a fake clock (every `now` is given), actions checked.
@Suite struct ConnectionStateMachineTests {
    /// A clock the test moves by hand.
    struct FakeClock {
        var now = 1_000_000
        mutating func advance(_ milliseconds: Int) { now += milliseconds }
    }

    static var timeouts: ConnectionStateMachine.Timeouts {
        var timeouts = ConnectionStateMachine.Timeouts()
        timeouts.head = 10_000
        timeouts.body = 30_000
        timeouts.idle = 60_000
        timeouts.write = 30_000
        timeouts.linger = 2_000
        return timeouts
    }

    @Test func aKeepAliveRequestGoesBackToIdleAndTheIdleTimeoutClosesIt() {
        var clock = FakeClock()
        var machine = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        #expect(machine.state == .idle)
        #expect(machine.bytesRead(80, now: clock.now) == .process)
        #expect(machine.state == .readingHead(startedAt: clock.now))
        machine.requestAnswered(keepAlive: true)
        machine.parsed(now: clock.now, readingBody: false, midRequest: false, hasPendingInput: false)
        #expect(machine.state == .idle)
        #expect(machine.outputDrained(now: clock.now) == .none)
        #expect(machine.deadline(hasPendingOutput: false) == clock.now + 60_000)
        clock.advance(59_999)
        #expect(machine.tick(now: clock.now, hasPendingOutput: false) == .none)
        clock.advance(1)
        #expect(machine.tick(now: clock.now, hasPendingOutput: false) == .close)
        #expect(machine.state == .closed)
    }

    @Test func aSlowHeadGets408FromItsFirstByteNotItsLast() {
        var clock = FakeClock()
        var machine = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        let first = clock.now
        _ = machine.bytesRead(10, now: clock.now)
        machine.parsed(now: clock.now, readingBody: false, midRequest: true, hasPendingInput: true)
        for _ in 0..<9 {
            clock.advance(1_000)
            #expect(machine.bytesRead(1, now: clock.now) == .process)  // a byte a second: slowloris
            machine.parsed(now: clock.now, readingBody: false, midRequest: true, hasPendingInput: true)
            #expect(machine.tick(now: clock.now, hasPendingOutput: false) == .none)
        }
        #expect(machine.state == .readingHead(startedAt: first))
        clock.advance(1_000)
        #expect(machine.tick(now: clock.now, hasPendingOutput: false) == .timeout(.head))
        machine.timedOut()
        #expect(machine.closeAfterFlush)
        #expect(machine.outputDrained(now: clock.now) == .linger)
        #expect(machine.isLingering)
    }

    @Test func aStalledBodyGets408AfterTheBodyTimeoutWithoutProgress() {
        var clock = FakeClock()
        var machine = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        _ = machine.bytesRead(200, now: clock.now)
        machine.parsed(now: clock.now, readingBody: true, midRequest: true, hasPendingInput: false)
        #expect(machine.state == .readingBody)
        clock.advance(20_000)
        _ = machine.bytesRead(100, now: clock.now)  // progress resets the body clock
        machine.parsed(now: clock.now, readingBody: true, midRequest: true, hasPendingInput: false)
        clock.advance(29_999)
        #expect(machine.tick(now: clock.now, hasPendingOutput: false) == .none)
        clock.advance(1)
        #expect(machine.tick(now: clock.now, hasPendingOutput: false) == .timeout(.body))
    }

    @Test func connectionCloseLingersThenCloses() {
        var clock = FakeClock()
        var machine = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        _ = machine.bytesRead(80, now: clock.now)
        machine.requestAnswered(keepAlive: false)
        machine.parsed(now: clock.now, readingBody: false, midRequest: false, hasPendingInput: false)
        #expect(machine.closeAfterFlush)
        #expect(machine.outputDrained(now: clock.now) == .linger)
        #expect(machine.state == .lingering(startedAt: clock.now))
        #expect(machine.bytesRead(500, now: clock.now) == .discardInput)  // the peer's leftovers
        #expect(machine.outputDrained(now: clock.now) == .none, "lingers once")
        clock.advance(1_999)
        #expect(machine.tick(now: clock.now, hasPendingOutput: false) == .none)
        clock.advance(1)
        #expect(machine.tick(now: clock.now, hasPendingOutput: false) == .close)
    }

    @Test func lingeringPastTheDiscardLimitCloses() {
        let clock = FakeClock()
        var machine = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        machine.refused()
        _ = machine.outputDrained(now: clock.now)
        #expect(machine.bytesRead(ConnectionStateMachine.discardLimit, now: clock.now) == .discardInput)
        #expect(machine.bytesRead(1, now: clock.now) == .close)
    }

    @Test func thePipeliningThrottlePausesAndResumesReading() {
        let clock = FakeClock()
        var machine = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        _ = machine.bytesRead(10_000, now: clock.now)
        machine.throttle()
        #expect(machine.readPaused)
        #expect(machine.outputDrained(now: clock.now) == .resumeReading)
        #expect(!machine.readPaused)
    }

    @Test func aPeerThatStopsSendingGetsWhatIsOwedThenTheClose() {
        var clock = FakeClock()
        var machine = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        _ = machine.bytesRead(80, now: clock.now)
        machine.requestAnswered(keepAlive: true)
        #expect(machine.peerClosed(hasPendingOutput: true) == .write)
        #expect(machine.readPaused && machine.closeAfterFlush)
        // A peer that reads nothing of it is dropped after the write timeout.
        clock.advance(30_000)
        #expect(machine.tick(now: clock.now, hasPendingOutput: true) == .close)

        var other = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        #expect(other.peerClosed(hasPendingOutput: false) == .close)
    }

    @Test func aStreamIsExemptFromTheIdleTimeoutButNotFromTheWriteTimeout() {
        var clock = FakeClock()
        var machine = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        _ = machine.bytesRead(80, now: clock.now)
        machine.streamStarted(body: true)
        machine.requestAnswered(keepAlive: false)  // a stream's body runs to the close anyway
        #expect(machine.state == .streaming)
        #expect(!machine.closeAfterFlush)
        #expect(machine.outputDrained(now: clock.now) == .none)
        #expect(machine.deadline(hasPendingOutput: false) == nil)
        clock.advance(10 * 60_000)  // ten idle minutes (heartbeats were written and read)
        #expect(machine.tick(now: clock.now, hasPendingOutput: false) == .none)
        // What the client sends is dropped; its close ends the stream.
        #expect(machine.bytesRead(5, now: clock.now) == .discardInput)
        // Output pending and nothing of it read for the write timeout: dropped.
        machine.wrote(now: clock.now)
        clock.advance(29_999)
        #expect(machine.tick(now: clock.now, hasPendingOutput: true) == .none)
        clock.advance(1)
        #expect(machine.tick(now: clock.now, hasPendingOutput: true) == .close)

        var left = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        left.streamStarted(body: true)
        #expect(left.peerClosed(hasPendingOutput: true) == .close, "a subscriber that left is closed at once")
    }

    @Test func aDeferredResponseHoldsThePipelineThenTheConnectionGoesOn() {
        var clock = FakeClock()
        var machine = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        _ = machine.bytesRead(80, now: clock.now)
        machine.streamStarted(body: false)
        machine.requestAnswered(keepAlive: true)
        #expect(machine.state == .awaitingResponse)
        #expect(machine.bytesRead(80, now: clock.now) == .process, "pipelined requests are buffered")
        machine.parsed(now: clock.now, readingBody: false, midRequest: false, hasPendingInput: true)
        #expect(machine.state == .awaitingResponse)
        clock.advance(120_000)
        #expect(machine.tick(now: clock.now, hasPendingOutput: false) == .none)
        machine.streamEnded(closing: false)
        #expect(machine.state == .idle)
        #expect(!machine.closeAfterFlush)
        #expect(machine.outputDrained(now: clock.now) == .none)

        var closing = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        closing.streamStarted(body: true)
        closing.streamEnded(closing: true)  // the stream finished: its body ran to the close
        #expect(closing.outputDrained(now: clock.now) == .linger)
    }

    @Test func drainingClosesIdleConnectionsAndLetsResponsesInFlightFinish() {
        let clock = FakeClock()
        var idle = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        #expect(idle.drain(hasPendingInput: false, hasPendingOutput: false) == .close)

        var responding = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        _ = responding.bytesRead(80, now: clock.now)
        responding.requestAnswered(keepAlive: true)
        #expect(responding.drain(hasPendingInput: false, hasPendingOutput: true) == .none)
        #expect(responding.closeAfterFlush)
        #expect(responding.outputDrained(now: clock.now) == .linger)

        var midRequest = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        _ = midRequest.bytesRead(40, now: clock.now)
        midRequest.parsed(now: clock.now, readingBody: false, midRequest: true, hasPendingInput: true)
        #expect(midRequest.drain(hasPendingInput: true, hasPendingOutput: false) == .none)
        #expect(!midRequest.closeAfterFlush, "its request is still answered (with Connection: close)")

        var lingering = ConnectionStateMachine(now: clock.now, timeouts: Self.timeouts)
        lingering.refused()
        _ = lingering.outputDrained(now: clock.now)
        #expect(lingering.drain(hasPendingInput: false, hasPendingOutput: false) == .close)
    }

    @Test func timeoutsComeFromTheConfiguration() {
        var configuration = ServerConfiguration()
        configuration.headTimeoutMs = 1
        configuration.bodyTimeoutMs = 2
        configuration.idleTimeoutMs = 3
        configuration.writeTimeoutMs = 4
        let timeouts = ConnectionStateMachine.Timeouts(configuration)
        #expect([timeouts.head, timeouts.body, timeouts.idle, timeouts.write] == [1, 2, 3, 4])
    }
}
