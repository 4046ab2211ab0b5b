import Foundation
import HTTPServer
@testable import ParleyAPI
@testable import ParleyStore
import Testing

@Suite struct PercentEncodingTests {
    @Test func decodes() {
        #expect(PercentEncoding.decode("a%20b") == "a b")
        #expect(PercentEncoding.decode("a+b") == "a b")
        #expect(PercentEncoding.decode("a+b", plusAsSpace: false) == "a+b")
        #expect(PercentEncoding.decode("%D0%A0%D1%8F%D0%B1%D0%BA%D0%BE%D0%B2") == "Рябков")
        #expect(PercentEncoding.decode("Gru%C5%A1ko") == "Gruško")
        #expect(PercentEncoding.decode("%2b") == "+")
    }

    @Test(arguments: ["%", "%2", "%zz", "%C3", "%FF", "a%G1", "%C3%28"])
    func refusesMalformed(_ text: String) {
        #expect(PercentEncoding.decode(text) == nil)
    }

    @Test func encodesWhatDecodes() {
        for text in ["a b", "x&y=z", "Рябков", "100%", "a,b", "+", "#?/"] {
            #expect(PercentEncoding.decode(PercentEncoding.encode(text)) == text)
        }
        #expect(PercentEncoding.encode("id,title") == "id,title")
    }
}

@Suite struct Base64URLTests {
    @Test func roundTrips() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text) == bytes)
        }
        #expect(Base64URL.encode(Array("hello".utf8)) == "aGVsbG8")
    }

    @Test(arguments: ["a", "abcde", "ab=c", "a+b/", "aGVsbG9", "!!!!", "aGVsbG8 "])
    func refusesMalformed(_ text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test func lenientDecodingTakesEveryStringOfTheAlphabet() {
        #expect(Base64URL.decode("a", lenient: true) == [])
        #expect(Base64URL.decode("aGVsbG9", lenient: true) == Array("hello".utf8))
        #expect(Base64URL.decode("abcde", lenient: true)?.count == 3)
        #expect(Base64URL.decode("ab=c", lenient: true) == nil)
    }
}

@Suite struct CursorTokenTests {
    @Test func roundTripsAndIsTaggedWithItsList() throws {
        let cursor = MeetingCursor(date: "2022-01-12", id: "nato-russia-council-2022-01-12")
        let token = CursorToken.encode(cursor, list: "meetings")
        #expect(token.hasPrefix("meetings."))
        #expect(token.range(of: "^meetings\\.[A-Za-z0-9_-]*$", options: .regularExpression) != nil)
        #expect(try CursorToken.decode(token, list: "meetings", as: MeetingCursor.self) == cursor)
        #expect(throws: APIError.self) { try CursorToken.decode(token, list: "quotes", as: QuoteCursor.self) }
        for bad in ["garbage", "meetings", "meetings.a!", "meetings.a=", "quotes.abc", "meetings." + String(repeating: "A", count: 1100)] {
            #expect(throws: APIError.self) { try CursorToken.decode(bad, list: "meetings", as: MeetingCursor.self) }
        }
    }

    /// Everything the OpenAPI pattern allows decodes to a position.
    @Test(arguments: ["meetings.", "meetings.0", "meetings.A", "meetings.AB", "meetings.___-", "meetings.zzzzz"])
    func everyPatternMatchDecodes(_ token: String) throws {
        _ = try CursorToken.decode(token, list: "meetings", as: MeetingCursor.self)
    }
}

@Suite struct ETagTests {
    @Test func dependsOnVersionAndKeyOnly() {
        let a = ETag.make(dataVersion: 88, schemaVersion: 2, key: "/meetings?#json")
        #expect(a == ETag.make(dataVersion: 88, schemaVersion: 2, key: "/meetings?#json"))
        #expect(a != ETag.make(dataVersion: 89, schemaVersion: 2, key: "/meetings?#json"))
        #expect(a != ETag.make(dataVersion: 88, schemaVersion: 2, key: "/meetings?#csv"))
        #expect(a.hasPrefix("\"58-") && a.hasSuffix("\"") && a.count == 21)
    }

    /// The tag is written as bytes; it must read as the data version in hex, a dash and the 16-digit hash.
    @Test func isTheVersionAndTheHashInHex() {
        for version in [0, 1, 9, 10, 15, 16, 88, 255, 4096, 0xABCDEF, Int.max, -1, -300, Int.min] {
            let key = "/meetings?date=2022-01-12#json"
            var hash = ETag.fnv1a(key.utf8)
            hash = ETag.fnv1a([UInt8(truncatingIfNeeded: 2), UInt8(truncatingIfNeeded: ETag.renderingRevision)], seed: hash)
            let digits = String(hash, radix: 16)
            let expected = "\"" + String(version, radix: 16) + "-" + String(repeating: "0", count: 16 - digits.count) + digits + "\""
            #expect(ETag.make(dataVersion: version, schemaVersion: 2, key: key) == expected)
        }
    }

    @Test func ifNoneMatchLists() {
        let tag = "\"58-0123456789abcdef\""
        #expect(ETag.Condition(tag).matches(tag))
        #expect(ETag.Condition("W/" + tag).matches(tag))
        #expect(ETag.Condition("\"x\", " + tag + " ,\"y\"").matches(tag))
        #expect(!ETag.Condition("\"x\"").matches(tag))
        #expect(!ETag.Condition("58-0123456789abcdef").matches(tag))
        #expect(ETag.Condition("*").any)
        #expect(ETag.Condition(" \"a\", *").any)
        #expect(!ETag.Condition("\"unterminated").matches(tag))
    }
}

@Suite struct RepresentationTests {
    @Test func acceptNegotiation() {
        #expect(Representation.prefersCSV("text/csv"))
        #expect(Representation.prefersCSV("text/csv, */*;q=0.8"))
        #expect(Representation.prefersCSV("application/json;q=0.5, text/csv"))
        #expect(!Representation.prefersCSV("application/json, text/csv"))
        #expect(!Representation.prefersCSV("*/*"))
        #expect(!Representation.prefersCSV("text/csv;q=0"))
        #expect(!Representation.prefersCSV("text/html"))
        #expect(!Representation.prefersCSV(""))
    }
}

@Suite struct CSVSinkTests {
    func parse(_ bytes: [UInt8]) -> [[String]] { CSV.parse(String(decoding: bytes, as: UTF8.self)) }

    @Test func quotesWhatNeedsQuoting() {
        for value in ["plain", "a,b", "say \"hi\"", "line\nbreak", "cr\r", "", " spaced ", "Рябков"] {
            var bytes: [UInt8] = []
            CSVSink.appendField(value, to: &bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            let quoted = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
            #expect(text.hasPrefix("\"") == quoted)
            #expect(CSV.parse(text + "\r\n") == [[value]])
        }
    }

    @Test func flattensNestedValues() throws {
        var sink = CSVSink(fields: MeetingsResource.fields, selection: try FieldSelection("id,location,parties,sources", available: MeetingsResource.fields))
        let meeting = Meeting(id: "m", title: "T", kind: "k", date: "2022-01-12", endDate: "2022-01-12", dateBasis: "stated",
                              locationCity: "Brussels", locationCountry: nil, locationBasis: "inferred", status: "held",
                              summary: "s", parties: [RoleRef(id: "nato", name: "NATO", role: "host"), RoleRef(id: "russia", name: "Russia", role: "negotiating-side")],
                              sources: [SourceRef(source: "article", paragraph: 4)])
        MeetingsResource.encode(meeting, into: &sink)
        #expect(parse(sink.bytes) == [
            ["id", "location.city", "location.country", "location.basis", "parties", "sources"],
            ["m", "Brussels", "", "inferred", "nato;russia", "article:4"],
        ])
    }
}

@Suite struct JSONSinkTests {
    @Test func trimsTopLevelFieldsOnly() throws {
        let selection = try FieldSelection("id,location,sources", available: MeetingsResource.fields)
        var sink = JSONSink(writer: JSONWriter(), selection: selection)
        let meeting = Meeting(id: "m", title: "T", kind: "k", date: "2022-01-12", endDate: "2022-01-12", dateBasis: "stated",
                              locationCity: "Brussels", locationCountry: "Belgium", locationBasis: nil, status: "held",
                              summary: "s", parties: [RoleRef(id: "nato", name: "NATO", role: "host")],
                              topics: [RecordRef(id: "t", name: "T")], sources: [SourceRef(source: "article", paragraph: 4)])
        MeetingsResource.encode(meeting, into: &sink)
        #expect(String(decoding: sink.writer.bytes, as: UTF8.self)
            == #"{"id":"m","location":{"city":"Brussels","country":"Belgium","basis":null},"sources":[{"source":"article","paragraph":4}]}"#)
    }

    @Test func refusesUnknownAndEmptyFields() {
        #expect(throws: APIError.self) { try FieldSelection("id,nope", available: MeetingsResource.fields) }
        #expect(throws: APIError.self) { try FieldSelection("", available: MeetingsResource.fields) }
        #expect(throws: APIError.self) { try FieldSelection("id,", available: MeetingsResource.fields) }
    }
}

/// A strict RFC 4180 reader for the tests.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, index = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let c = scalars[index]
            if quoted {
                if c == "\"" {
                    let next = scalars.index(after: index)
                    if next < scalars.endIndex && scalars[next] == "\"" { field.unicodeScalars.append("\""); index = next } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r" {
                let next = scalars.index(after: index)
                precondition(next < scalars.endIndex && scalars[next] == "\n", "bare CR outside quotes")
                row.append(field); rows.append(row); row = []; field = ""; index = next
            } else {
                precondition(c != "\n", "bare LF outside quotes")
                field.unicodeScalars.append(c)
            }
            index = scalars.index(after: index)
        }
        precondition(field.isEmpty && row.isEmpty, "last line lacks CRLF")
        return rows
    }
}
