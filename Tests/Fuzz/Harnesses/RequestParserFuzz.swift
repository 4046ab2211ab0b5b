// libFuzzer harness for the HTTP/1.1 request parser (Sources/HTTPServer/RequestParser.swift).
// Built by Tests/Fuzz/run.sh against the parser's source files, compiled with -enable-testing so
// the parser's internal helpers are visible here.
//
// Each input is a byte stream as a client would send it on one connection. It is parsed with two sets of limits (the defaults, and tiny ones so the
// 413/414/431 paths are reachable with inputs of a few hundred bytes), each delivered
//   1. whole, in one read;
//   2. in two reads, split at a point derived from the input's own bytes;
//   3. in many reads whose sizes come from a PRNG seeded by a hash of the input's bytes
//      (so a crash input always reproduces the same splits);
//   4. byte by byte, so a difference at any one boundary is always seen.
// Every delivery must produce the same events (requests with every parsed field, failures with
// their status) and leave the parser in the same state. In 1-3 each read is handed over in a buffer
// of exactly its size, so AddressSanitizer catches any read past the bytes received.
// A violated invariant calls fatalError, which libFuzzer reports as a crash.

@testable import HTTPServer

/// What one delivery observed, in order. `100 Continue` is left out of the comparison on
/// purpose: whether it is due depends on whether the body had arrived yet.
private enum Observed: Equatable {
    case request(method: String, target: String, path: String, query: String, version: String,
                 headers: [String], body: [UInt8], keepAlive: Bool)
    case failure(Int)
}

extension Observed: CustomStringConvertible {
    var description: String {
        switch self {
        case let .request(method, target, path, query, version, headers, body, keepAlive):
            return "request \(method) \(target.debugDescription) path=\(path.debugDescription) query=\(query.debugDescription) "
                + "\(version) headers=\(headers) body=\(escaped(body[...])) keepAlive=\(keepAlive)"
        case let .failure(status):
            return "failure \(status)"
        }
    }
}

private struct Outcome: Equatable, CustomStringConvertible {
    var events: [Observed] = []
    var midRequest = false
    var readingBody = false

    var description: String {
        "\(events.map(\.description)) midRequest=\(midRequest) readingBody=\(readingBody)"
    }
}

/// Bytes as a quoted string with \r, \n and non-printable bytes escaped.
private func escaped<C: Collection<UInt8>>(_ bytes: C) -> String {
    var shown = "\""
    for byte in bytes {
        switch byte {
        case 0x0D: shown += "\\r"
        case 0x0A: shown += "\\n"
        case 0x22: shown += "\\\""
        case 0x5C: shown += "\\\\"
        case 0x20...0x7E: shown.unicodeScalars.append(Unicode.Scalar(byte))
        default: shown += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }
    }
    return shown + "\""
}

private let allowedFailures: Set<Int> = [400, 408, 413, 414, 417, 431, 501, 505]

private func violation(_ message: String, _ input: UnsafeBufferPointer<UInt8>) -> Never {
    let more = input.count > 1024 ? " ..." : ""
    fatalError("fuzz-request-parser invariant violated: \(message)\ninput (\(input.count) bytes): \(escaped(input.prefix(1024)))\(more)")
}

/// Splittable 64-bit generator (SplitMix64): small, deterministic, good enough for chunk sizes.
private struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return hash
}

/// Lowercases A-Z only: HTTP tokens are ASCII, and Unicode case mapping must not make one
/// (U+212A KELVIN SIGN lowercases to "k").
private func asciiLowercased(_ text: Substring) -> String {
    String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
}

/// A comma-separated field value as a byte-level HTTP implementation (a proxy in front of Parley)
/// reads it: split on the byte ",", SP/HTAB trimmed, ASCII-lowercased. Splitting a Swift String on
/// the Character "," differs: "," followed by a combining mark is one Character.
private func asciiList(_ value: String) -> [String] {
    value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { element in
        var bytes = element
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        return String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

/// Checks what the parser says about one request against the bytes rules it claims to enforce.
private func checkRequest(_ request: HTTPRequest, limits: ParserLimits, input: UnsafeBufferPointer<UInt8>) {
    if request.body.count > limits.maxBodyBytes {
        violation("body of \(request.body.count) bytes exceeds the limit of \(limits.maxBodyBytes)", input)
    }
    if request.target.utf8.isEmpty || request.target.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) {
        violation("target \(request.target.debugDescription) is empty or has a space, control or non-ASCII byte", input)
    }
    if request.target.utf8.count > limits.maxRequestLine {
        violation("target longer than the request line limit", input)
    }
    if request.target == "*" {
        if request.method != .options || request.path != "*" || !request.query.isEmpty {
            violation("asterisk form accepted for \(request.method) path \(request.path)", input)
        }
    } else if request.path.utf8.first != UInt8(ascii: "/") {
        violation("path \(request.path.debugDescription) does not start with /", input)
    }
    if request.path.contains("?") || request.path.contains("#") || request.query.contains("#") {
        violation("path \(request.path.debugDescription) / query \(request.query.debugDescription) holds ? or #", input)
    }
    for (name, value) in request.headers {
        if name.isEmpty || !name.utf8.allSatisfy(CharacterClass.isTokenChar) {
            violation("header name \(name.debugDescription) is not a token", input)
        }
        if value.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
            violation("header value \(value.debugDescription) holds a control byte", input)
        }
        if let first = value.utf8.first, first == 0x20 || first == 0x09 {
            violation("header value \(value.debugDescription) not trimmed", input)
        }
        if let last = value.utf8.last, last == 0x20 || last == 0x09 {
            violation("header value \(value.debugDescription) not trimmed", input)
        }
    }
    if request.headers.count > limits.maxHeaderCount {
        violation("\(request.headers.count) header fields, limit \(limits.maxHeaderCount)", input)
    }
    let hosts = request.headers.values("Host")
    if request.version == .http11 && hosts.count != 1 {
        violation("HTTP/1.1 request accepted with \(hosts.count) Host fields", input)
    }
    if hosts.count > 1 { violation("request accepted with \(hosts.count) Host fields", input) }
    if let host = hosts.first, !RequestParser.isValidHost(host) {
        violation("invalid Host \(host.debugDescription) accepted", input)
    }
    let lengths = request.headers.values("Content-Length")
    let codings = request.headers.values("Transfer-Encoding")
    if !codings.isEmpty {
        if !lengths.isEmpty { violation("Content-Length and Transfer-Encoding both accepted", input) }
        if request.version != .http11 { violation("Transfer-Encoding accepted on HTTP/1.0", input) }
        let list = codings.flatMap(asciiList)
        if list != ["chunked"] { violation("Transfer-Encoding \(codings.map { escaped($0.utf8) }.joined(separator: ", ")) accepted", input) }
    } else if !lengths.isEmpty {
        let parsed = lengths.map(RequestParser.parseContentLength)
        guard let length = parsed[0], parsed.allSatisfy({ $0 == length }) else {
            violation("Content-Length values \(lengths) accepted", input)
        }
        if request.body.count != length {
            violation("Content-Length \(length) but a body of \(request.body.count) bytes", input)
        }
    } else if !request.body.isEmpty {
        violation("a body of \(request.body.count) bytes without Content-Length or Transfer-Encoding", input)
    }
    let options = request.headers.values("Connection").flatMap(asciiList)
    let close = options.contains("close"), keepAlive = options.contains("keep-alive")
    if request.keepAlive != (request.version == .http11 ? !close : keepAlive && !close) {
        violation("keepAlive \(request.keepAlive) for \(request.version.text) with Connection options \(options.map { escaped($0.utf8) }.joined(separator: ", "))", input)
    }
    if let expect = request.headers["Expect"], asciiLowercased(RequestParser.trimOWS(Substring(expect))) != "100-continue" {
        violation("Expect \(expect.debugDescription) accepted", input)
    }
}

/// Delivers `input` to a fresh parser in reads of the given sizes (the last read takes the rest)
/// and records what it says, checking the per-call invariants on the way.
/// With `exactBuffers`, each read is handed over in a fresh buffer of exactly the unconsumed
/// bytes, so AddressSanitizer reports a read past them; without, the parser reads the input in place
/// (cheaper: no copy per read, for the byte-by-byte delivery).
private func deliver(_ input: UnsafeBufferPointer<UInt8>, limits: ParserLimits, exactBuffers: Bool = true,
                     readSizes: (inout SplitMix64) -> Int, seed: UInt64) -> Outcome {
    var parser = RequestParser(limits: limits)
    var outcome = Outcome()
    var random = SplitMix64(state: seed)
    var start = 0      // bytes of the input consumed by the parser so far
    var received = 0   // bytes of the input delivered so far
    var failed = false
    var continueSent = false
    while received < input.count {
        received = min(input.count, received + max(1, readSizes(&random)))
        // The unconsumed bytes, like the connection's buffer.
        let unread: UnsafeMutableBufferPointer<UInt8>?
        let buffer: UnsafeBufferPointer<UInt8>
        if exactBuffers {
            unread = .allocate(capacity: received - start)
            _ = unread!.initialize(from: UnsafeBufferPointer(rebasing: input[start..<received]))
            buffer = UnsafeBufferPointer(unread!)
        } else {
            unread = nil
            buffer = UnsafeBufferPointer(rebasing: input[start..<received])
        }
        defer { unread?.deallocate() }
        var consumed = 0
        var idleCalls = 0
        reading: while true {
            let before = consumed
            let event = parser.next(UnsafeBufferPointer(rebasing: buffer[consumed...]), consumed: &consumed)
            if consumed < before || consumed > buffer.count {
                violation("consumed went from \(before) to \(consumed) with \(buffer.count) bytes available", input)
            }
            if failed {
                // A failed parser stays failed: nothing taken, nothing said.
                guard case .needMore = event, consumed == before else {
                    violation("the parser produced \(event) or consumed bytes after a failure", input)
                }
                break reading
            }
            idleCalls = consumed == before ? idleCalls + 1 : 0
            if idleCalls > 2 { violation("the parser keeps producing events without consuming input", input) }
            switch event {
            case .needMore:
                break reading
            case .sendContinue:
                if continueSent { violation("100 Continue requested twice for one request", input) }
                continueSent = true
            case .request(let request):
                checkRequest(request, limits: limits, input: input)
                continueSent = false
                outcome.events.append(.request(
                    method: request.method.rawValue, target: request.target, path: request.path, query: request.query,
                    version: request.version.text, headers: request.headers.map { "\($0.name): \($0.value)" },
                    body: request.body, keepAlive: request.keepAlive))
            case .failure(let error):
                if !allowedFailures.contains(error.status) {
                    violation("failure status \(error.status) (\(error.detail)) is not one the parser may send", input)
                }
                outcome.events.append(.failure(error.status))
                failed = true
                // Keep calling: the next call must be inert.
            }
        }
        start += consumed
        if start > received { violation("consumed \(start) bytes of \(received) received", input) }
    }
    outcome.midRequest = parser.isMidRequest
    outcome.readingBody = parser.isReadingBody
    if failed && (outcome.midRequest || outcome.readingBody) {
        violation("a failed parser says it is mid-request", input)
    }
    return outcome
}

private func tinyLimits() -> ParserLimits {
    var limits = ParserLimits()
    limits.maxRequestLine = 48
    limits.maxHeaderBytes = 160
    limits.maxHeaderCount = 4
    limits.maxBodyBytes = 24
    limits.maxChunkLine = 12
    return limits
}

private let limitSets = [("default limits", ParserLimits()), ("tiny limits", tinyLimits())]

private func compare(_ whole: Outcome, _ split: Outcome, _ how: String, _ input: UnsafeBufferPointer<UInt8>) {
    guard whole != split else { return }
    violation("""
        delivery \(how) differs from whole delivery:
          whole: \(whole)
          split: \(split)
        """, input)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = UnsafeBufferPointer(start: data, count: size)
    guard size > 0 else { return 0 }
    let hash = fnv1a(input)
    // Split point for the two-read delivery: from the first and last bytes, so the fuzzer can steer it.
    let splitAt = 1 + (Int(input[0]) &* 31 &+ Int(input[size - 1])) % max(1, size)
    // Largest read for the many-read delivery: 2 up to 64 bytes, from the hash.
    let maxRead = [2, 3, 5, 8, 16, 64][Int(hash % 6)]
    for (label, limits) in limitSets {
        let whole = deliver(input, limits: limits, readSizes: { _ in size }, seed: 0)
        var first = true
        let two = deliver(input, limits: limits, readSizes: { _ in
            defer { first = false }
            return first ? splitAt : size
        }, seed: 0)
        compare(whole, two, "in two reads split at \(splitAt), \(label)", input)
        let many = deliver(input, limits: limits, readSizes: { random in
            1 + Int(random.next() % UInt64(maxRead))
        }, seed: hash)
        compare(whole, many, "in reads of 1...\(maxRead) bytes (seed \(hash)), \(label)", input)
        let bytewise = deliver(input, limits: limits, exactBuffers: false, readSizes: { _ in 1 }, seed: 0)
        compare(whole, bytewise, "byte by byte, \(label)", input)
    }
    return 0
}
