import Foundation
import HTTPServer
import Testing

@Suite struct JSONTests {
    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "+1", "NaN", "Infinity", "'a'", "[1 2]",
        "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{\"a\":1,\"a\":2}", "\"\u{01}\"", "\"\\x\"", "\"\\ud800\"",
        "\"\\udc00\"", "tru", "nul", "[1] x", "/* c */ 1", "{1:2}",
    ])
    func rejectsInvalidDocuments(_ text: String) {
        #expect(throws: JSONReadError.self) { try JSONReader.parse(Array(text.utf8)) }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONReadError.self) { try JSONReader.parse([0x22, 0xC0, 0xAF, 0x22]) }        // overlong
        #expect(throws: JSONReadError.self) { try JSONReader.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) }  // surrogate
        #expect(throws: JSONReadError.self) { try JSONReader.parse([0x22, 0xE2, 0x82, 0x22]) }        // truncated
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONReadError.self) { try JSONReader.parse(Array(deep.utf8)) }
    }

    @Test func parsesValuesKeepingOrder() throws {
        let value = try JSONReader.parse(Array(#" {"b": [1, -2.5e3, true, false, null], "a": "x\"\\\/\n\u00e9\ud83d\ude00 Gruško"} "#.utf8))
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.0) == ["b", "a"])
        #expect(value["a"] == .string("x\"\\/\né😀 Gruško"))
        #expect(value["b"] == .array([.number(JSONNumber(text: "1")), .number(JSONNumber(text: "-2.5e3")), .bool(true), .bool(false), .null]))
        #expect(try JSONReader.parse(Array("12345678901234567890".utf8)) == .number(JSONNumber(text: "12345678901234567890")))
    }

    /// The writer's output, for strings full of what JSON must escape, is read back identically by
    /// Foundation's strict parser and by ours.
    @Test func writerOutputRoundTripsThroughStrictParsers() throws {
        let samples = ["", "plain", "quote \" backslash \\ slash /", "controls \u{0}\u{1}\u{1F}\t\n\r\u{8}\u{C}",
                       "unicode “Gruško” Сергей Рябков 😀", "\u{7F}\u{80}\u{FFFF}", "line\u{2028}sep\u{2029}"]
        for pretty in [false, true] {
            var writer = JSONWriter(pretty: pretty)
            writer.beginObject()
            writer.key("strings")
            writer.beginArray()
            for sample in samples { writer.string(sample) }
            writer.endArray()
            writer.field("int", Int.min + 1)
            writer.field("zero", 0)
            writer.field("bool", true)
            writer.key("null")
            writer.null()
            writer.key("empty")
            writer.beginObject()
            writer.endObject()
            writer.endObject()
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any])
            #expect(parsed["strings"] as? [String] == samples)
            #expect(parsed["int"] as? Int == Int.min + 1)
            #expect(parsed["zero"] as? Int == 0)
            #expect(parsed["bool"] as? Bool == true)
            #expect(parsed["null"] is NSNull)
            let ours = try JSONReader.parse(writer.bytes)
            #expect(ours["strings"] == .array(samples.map { .string($0) }))
        }
    }
}
