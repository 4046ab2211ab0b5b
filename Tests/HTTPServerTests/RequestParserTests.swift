import HTTPServer
import Testing

/// Runs the parser over `input` delivered in the given pieces, like reads off a socket.
private func parse(_ pieces: [[UInt8]], limits: ParserLimits = ParserLimits()) -> [String] {
    var parser = RequestParser(limits: limits)
    var pending: [UInt8] = []
    var results: [String] = []
    for piece in pieces {
        pending += piece
        var consumed = 0
        loop: while true {
            let event = pending.withUnsafeBufferPointer { buffer in
                parser.next(UnsafeBufferPointer(rebasing: buffer[consumed...]), consumed: &consumed)
            }
            switch event {
            case .needMore: break loop
            case .sendContinue: results.append("100")
            case .request(let request):
                results.append("\(request.method.rawValue) \(request.path)?\(request.query) \(String(decoding: request.body, as: UTF8.self)) keepAlive=\(request.keepAlive)")
            case .failure(let error):
                results.append("error \(error.status)")
                break loop
            }
        }
        pending.removeFirst(consumed)
    }
    return results
}

private func parse(_ text: String, limits: ParserLimits = ParserLimits()) -> [String] {
    parse([Array(text.utf8)], limits: limits)
}

@Suite struct RequestParserTests {
    static let sample = "POST /meetings?date=2022-01-12 HTTP/1.1\r\nHost: example.org\r\nContent-Length: 5\r\n\r\nhello"
        + "GET /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: t\r\n\r\n"
        + "\r\nGET / HTTP/1.0\r\n\r\n"

    @Test func splitAtEveryByteBoundaryParsesTheSame() {
        let bytes = Array(Self.sample.utf8)
        let whole = parse([bytes])
        #expect(whole == ["POST /meetings?date=2022-01-12 hello keepAlive=true", "GET /a? abcde keepAlive=true", "GET /?  keepAlive=false"])
        for split in 1..<bytes.count {
            #expect(parse([Array(bytes[..<split]), Array(bytes[split...])]) == whole, "split at \(split)")
        }
        #expect(parse(bytes.map { [$0] }) == whole)
    }

    @Test func absoluteFormAndAsterisk() {
        #expect(parse("GET http://example.org:8080/meetings?x=1 HTTP/1.1\r\nHost: example.org\r\n\r\n") == ["GET /meetings?x=1  keepAlive=true"])
        #expect(parse("GET http://example.org HTTP/1.1\r\nHost: example.org\r\n\r\n") == ["GET /?  keepAlive=true"])
        #expect(parse("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n") == ["OPTIONS *?  keepAlive=true"])
        #expect(parse("GET * HTTP/1.1\r\nHost: x\r\n\r\n") == ["error 400"])
    }

    @Test(arguments: [
        RawRequest("GET / HTTP/1.1\r\n\r\n", 400),                                  // no Host
        RawRequest("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),            // two Hosts
        RawRequest("GET / HTTP/1.1\r\nHost: a@b\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: \r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),                      // whitespace before colon
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\n: empty\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nBad(Name): v\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nNäme: v\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nA: b\r\n folded\r\n\r\n", 400),   // obs-fold
        RawRequest("GET / HTTP/1.1\r\n Host: x\r\n\r\n", 400),                      // whitespace line first
        RawRequest("GET / HTTP/1.1\r\nHost: x\rY\r\n\r\n", 400),                    // bare CR
        RawRequest("GET / HTTP/1.1\nHost: x\n\n", 400),                             // bare LF
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nA: b\u{0}c\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 0x5\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1_0\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1 0\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: \r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 6\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", 501),
        RawRequest("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400),                      // double space
        RawRequest("GET /a\tb HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        RawRequest("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        RawRequest("GET /a\u{0}b HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        RawRequest("GET / HTTP/1.32\r\nHost: x\r\n\r\n", 400),
        RawRequest("GET / http/1.1\r\nHost: x\r\n\r\n", 400),
        RawRequest("GET / HTTP/01.1\r\nHost: x\r\n\r\n", 400),
        RawRequest("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        RawRequest("GET / HTTP/3.0\r\nHost: x\r\n\r\n", 505),
        RawRequest("BREW / HTTP/1.1\r\nHost: x\r\n\r\n", 501),
        RawRequest("GET / HTTP/1.1\r\nHost: x\r\nExpect: foo\r\n\r\n", 417),
        RawRequest("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n\r\n", 413),
    ])
    func rejects(_ raw: RawRequest) {
        #expect(parse(raw.text) == ["error \(raw.status)"])
    }

    @Test(arguments: ["0x5", "+5", " 5", "5 ", "1_0", "fffffffffffffffff"])
    func rejectsMalformedChunkSizes(_ size: String) {
        let input = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\(size)\r\nhello\r\n0\r\n\r\n"
        #expect(parse(input) == ["error 400"])
    }

    @Test func rejectsChunkDataLongerThanDeclared() {
        #expect(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n") == ["error 400"])
        #expect(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXY") == ["error 400"])
    }

    @Test func acceptsRepeatedEqualContentLength() {
        #expect(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2, 2\r\n\r\nok") == ["POST /? ok keepAlive=true"])
    }

    @Test func limits() {
        let line8000 = "GET /" + String(repeating: "a", count: 8000 - 15) + " HTTP/1.1"
        #expect(line8000.utf8.count == 8000 - 15 + 14)
        #expect(parse(line8000 + "\r\nHost: x\r\n\r\n").first?.hasPrefix("GET /aaa") == true)
        #expect(parse("GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n") == ["error 414"])
        // The limit applies before the line is complete, so a client cannot make the server buffer more.
        #expect(parse("GET /" + String(repeating: "a", count: 9000)) == ["error 414"])
        let many = (0..<101).map { "X-\($0): v\r\n" }.joined()
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n" + many + "\r\n") == ["error 431"])
        let big = "X-Big: " + String(repeating: "b", count: 17_000) + "\r\n"
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n" + big + "\r\n") == ["error 431"])
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n" + big) == ["error 431"])
        var small = ParserLimits()
        small.maxBodyBytes = 4
        #expect(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n", limits: small) == ["error 413"])
    }

    @Test func expectContinue() {
        #expect(parse("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n") == ["100"])
        #expect(parse("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok") == ["POST /? ok keepAlive=true"])
    }

    @Test func connectionSemantics() {
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") == ["GET /?  keepAlive=false"])
        #expect(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") == ["GET /?  keepAlive=true"])
        #expect(parse("GET / HTTP/1.0\r\n\r\n") == ["GET /?  keepAlive=false"])
    }

    @Test func pipelinedWithMalformedSecond() {
        #expect(parse("GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost : x\r\n\r\nGET /3 HTTP/1.1\r\nHost: x\r\n\r\n")
                == ["GET /1?  keepAlive=true", "error 400"])
    }

    // Reproducers found by the fuzzer (Tests/Fuzz/Regressions/fuzz-request-parser).

    @Test func kelvinSignIsNotChunked() {
        let result = parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chun\u{212A}ed\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
        #expect(result == ["error 400"] || result == ["error 501"])
    }

    @Test func connectionCloseBeforeACombiningMark() {
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: close,\u{301}x\r\n\r\n") == ["GET /?  keepAlive=false"])
    }

    @Test func chunkSizeLineLimitDoesNotDependOnTheSplit() {
        var limits = ParserLimits()
        limits.maxChunkLine = 12
        let bytes = Array("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0000000000005\r\nhello\r\n0\r\n\r\n".utf8)
        #expect(parse([bytes], limits: limits) == ["error 400"])
        #expect(parse(bytes.map { [$0] }, limits: limits) == ["error 400"])
    }

    @Test func trailerLimitAndNULGiveOneAnswerWhateverTheSplit() {
        let bytes = Array(("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: " + String(repeating: "a", count: 17_000) + "\u{0}\r\n\r\n").utf8)
        let whole = parse([bytes])
        #expect(whole == ["error 431"])
        #expect(parse([Array(bytes[..<16_500]), Array(bytes[16_500...])]) == whole)
    }

    @Test func trailerSectionAtTheLimitSplitBeforeTheLastLF() {
        var limits = ParserLimits()
        limits.maxHeaderBytes = 160
        let bytes = Array(("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-b: " + String(repeating: "v", count: 153) + "\r\n\r\n").utf8)
        let whole = parse([bytes], limits: limits)
        #expect(whole == ["POST /?  keepAlive=true"])
        #expect(parse([Array(bytes.dropLast()), [bytes[bytes.count - 1]]], limits: limits) == whole)
    }
}
