// libFuzzer harness for the API's parsers of query strings (Sources/ParleyAPI/QueryParameters.swift,
// PercentEncoding.swift, CursorToken.swift, Base64URL.swift) and, on the same input, the request
// header values the API parses itself (If-None-Match in ETag.swift, Accept in Representation.swift).
// Built by Tests/Fuzz/run.sh over just those files and the pure types they use, no SQLite.
//
// The input is a query string as it follows `?` in a request target. Invariants:
//   - parsing never crashes, and a refusal is always a 400 naming a parameter;
//   - accepted names are unique, sorted and among those allowed;
//   - the canonical form (part of the response cache key and of links) parses back to the very
//     same parameters, and is its own canonical form: two queries share a cache entry only if
//     they mean the same thing;
//   - every typed accessor either refuses with a 400 naming its parameter or returns a value
//     that satisfies its contract (a real day, an id, a limit in range, a search with terms);
//   - percent-decoding inverts percent-encoding; base64url decoding is strict, so a cursor that
//     decodes re-encodes to the same token.

@testable import HTTPServer
@testable import ParleyAPI
@testable import ParleyStore

/// Every query parameter some route accepts, and none (as for /openapi.json).
private let allowedLists: [[String]] = [
    ["cursor", "date", "fields", "format", "from", "kind", "limit", "party", "person", "pretty", "q", "to", "topic"],
    [],
]

private func check(_ condition: Bool, _ message: @autoclosure () -> String, _ input: String) {
    guard !condition else { return }
    fatalError("fuzz-query invariant violated: \(message())\ninput: \(input.debugDescription)")
}

/// A refusal must be a 400 that names a parameter.
private func checkRefusal(_ error: any Error, parameters: [String]?, _ input: String) {
    guard let apiError = error as? APIError else {
        check(false, "threw \(error), not an APIError", input)
        return
    }
    guard case let .badRequest(detail, parameter) = apiError else {
        check(false, "refused with \(apiError), not a 400", input)
        return
    }
    check(!detail.isEmpty, "a 400 with an empty detail", input)
    if let parameters {
        check(parameter.map(parameters.contains) == true,
              "refusal names parameter \(parameter ?? "nil"), expected one of \(parameters)", input)
    }
    _ = apiError.response  // must render
}

private func same(_ a: [(name: String, value: String)], _ b: [(name: String, value: String)]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && $0.value == $1.value }
}

private func checkPercentEncoding(_ text: String) {
    for plusAsSpace in [true, false] {
        guard let decoded = PercentEncoding.decode(text, plusAsSpace: plusAsSpace) else { continue }
        if !text.utf8.contains(UInt8(ascii: "%")) && !(plusAsSpace && text.utf8.contains(UInt8(ascii: "+"))) {
            check(decoded == text, "decoding text without % or + changed it to \(decoded.debugDescription)", text)
        }
        let encoded = PercentEncoding.encode(decoded)
        check(encoded.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "=")
                  && $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "#") },
              "encode(\(decoded.debugDescription)) = \(encoded.debugDescription) holds a byte a query cannot carry", text)
        for plus in [true, false] {
            check(PercentEncoding.decode(encoded, plusAsSpace: plus) == decoded,
                  "decode(encode(\(decoded.debugDescription))) != itself (plusAsSpace \(plus))", text)
        }
    }
}

private func checkBase64(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) {
    let raw = Array(bytes)
    let encoded = Base64URL.encode(raw)
    check(Base64URL.decode(encoded) == raw, "base64url decode(encode(bytes)) != bytes", text)
    if let decoded = Base64URL.decode(text) {
        check(Base64URL.encode(decoded) == text, "base64url accepted a non-canonical token", text)
    }
}

private func checkTyped(_ query: QueryParameters, _ input: String) {
    if let value = query["date"] {
        do {
            let day = try query.day("date")
            check(day?.text == value, "day(date) = \(String(describing: day)) for \(value.debugDescription)", input)
        } catch { checkRefusal(error, parameters: ["date"], input) }
    }
    for name in ["party", "person", "topic", "kind"] {
        do {
            if let id = try query.id(name) { check(Slug.isValid(id) && id == query[name], "id(\(name)) = \(id.debugDescription)", input) }
        } catch { checkRefusal(error, parameters: [name], input) }
    }
    do {
        let limit = try query.limit()
        check(QueryParameters.limitRange.contains(limit), "limit \(limit) out of range", input)
        if query["limit"] == nil { check(limit == QueryParameters.defaultLimit, "default limit \(limit)", input) }
    } catch { checkRefusal(error, parameters: ["limit"], input) }
    do {
        let pretty = try query.bool("pretty")
        check(pretty == (query["pretty"] == "true"), "bool(pretty) = \(pretty)", input)
    } catch { checkRefusal(error, parameters: ["pretty"], input) }
    do {
        let (from, to) = try query.period()
        if let from, let to { check(from <= to, "period from \(from) after to \(to)", input) }
        check(from?.text == query["from"] && to?.text == query["to"], "period() returned other days", input)
    } catch { checkRefusal(error, parameters: ["from", "to"], input) }
    do {
        if let search = try query.search() {
            // Text with no letter or digit is an empty search (it finds nothing); never more terms than characters.
            check(search.terms.count <= SearchQuery.maximumLength, "search with \(search.terms.count) terms", input)
            check(search.terms.allSatisfy { !$0.isEmpty && !$0.contains("\"") }, "search term with a quote", input)
        }
    } catch { checkRefusal(error, parameters: ["q"], input) }
    do {
        if let format = try query.oneOf("format", ["json", "csv"]) { check(format == "json" || format == "csv", "format", input) }
        _ = try Representation.choose(query, accept: input)
    } catch { checkRefusal(error, parameters: ["format"], input) }
    if let cursor = query["cursor"] {
        do {
            // Any token in the documented grammar decodes (leniently: non-canonical base64url tails are
            // positions too, see CursorToken), so the token need not re-encode to itself; what must hold is
            // that the position it decodes to survives a round trip through its canonical encoding.
            let decoded = try CursorToken.decode(cursor, list: "parties", as: IDCursor.self)
            let canonical = CursorToken.encode(decoded, list: "parties")
            let again = try CursorToken.decode(canonical, list: "parties", as: IDCursor.self)
            check(again.components == decoded.components, "cursor position changes through its canonical encoding", input)
            check(CursorToken.encode(again, list: "parties") == canonical, "canonical cursor does not re-encode to itself", input)
        } catch {
            checkRefusal(error, parameters: ["cursor"], input)
            let grammar = cursor.hasPrefix("parties.") && cursor.utf8.count <= CursorToken.maximumLength
                && cursor.utf8.dropFirst(8).allSatisfy { Base64URL.isAlphabet($0) }
            check(!grammar, "a cursor in the documented grammar was refused", input)
        }
    }
}

private func checkQuery(_ text: String) {
    for allowed in allowedLists {
        let query: QueryParameters
        do {
            query = try QueryParameters(parsing: text, allowed: allowed)
        } catch {
            checkRefusal(error, parameters: nil, text)
            continue
        }
        let names = query.pairs.map(\.name)
        check(names == names.sorted() && Set(names).count == names.count, "names \(names) not sorted or repeated", text)
        check(names.allSatisfy(allowed.contains), "names \(names) not all in \(allowed)", text)
        check(query.isEmpty == names.isEmpty, "isEmpty disagrees with pairs", text)
        for pair in query.pairs { check(query[pair.name] == pair.value, "subscript disagrees with pairs", text) }

        let canonical = query.canonical()
        guard let again = try? QueryParameters(parsing: canonical, allowed: allowed) else {
            check(false, "canonical form \(canonical.debugDescription) is refused", text)
            return
        }
        check(same(again.pairs, query.pairs),
              "canonical form \(canonical.debugDescription) parses to \(again.pairs), not \(query.pairs)", text)
        check(again.canonical() == canonical, "canonical form is not its own canonical form", text)

        if allowed.contains("cursor") {
            let withCursor = query.canonical(withCursor: "Y3Vyc29y")
            let next = try? QueryParameters(parsing: withCursor, allowed: allowed)
            check(next?["cursor"] == "Y3Vyc29y", "canonical(withCursor:) lost the cursor: \(withCursor.debugDescription)", text)
            check(next.map { same($0.pairs.filter { $0.name != "cursor" }, query.pairs.filter { $0.name != "cursor" }) } == true,
                  "canonical(withCursor:) changed other parameters", text)
        }
        checkTyped(query, text)
    }
}

private func checkConditionalHeader(_ text: String) {
    let condition = ETag.Condition(text)
    for tag in condition.tags {
        check(tag.count >= 2 && tag.first == "\"" && tag.last == "\"", "If-None-Match tag \(tag.debugDescription)", text)
        check(condition.matches(String(tag)), "If-None-Match does not match its own tag \(tag.debugDescription)", text)
    }
    let etag = ETag.make(dataVersion: 7, schemaVersion: 1, key: text)
    check(ETag.Condition(etag).matches(etag) && ETag.Condition("W/" + etag).matches(etag), "an ETag does not match itself", text)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    checkPercentEncoding(text)
    checkBase64(text, bytes)
    checkQuery(text)
    checkConditionalHeader(text)
    _ = Representation.prefersCSV(text)
    return 0
}
