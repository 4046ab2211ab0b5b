import Foundation
import HTTPServer
import Testing

/// The hand-written writer must produce JSON a strict parser reads back to the same values.
@Suite struct JSONWriterTests {
    static let tricky = [
        "", "plain", "quote \" inside", "back\\slash", "\\\"", "new\nline", "tab\there", "cr\rlf\n",
        "\u{0}\u{1}\u{1F}\u{7F}", "\u{8}\u{C}", "Gruško", "Сергей Рябков", "“curly” – dash", "emoji 🇺🇦👍🏽",
        "\u{2028}\u{2029}", "</script>", "ends with backslash\\", "\"", "{\"k\":[1,2]}", "zero\u{0}mid",
    ]

    func roundTrip(_ value: String, pretty: Bool) throws -> String? {
        var writer = JSONWriter(pretty: pretty)
        writer.beginObject()
        writer.field(value, value)
        writer.key("list")
        writer.beginArray()
        writer.string(value)
        writer.null()
        writer.int(-42)
        writer.bool(true)
        writer.endArray()
        writer.endObject()
        let parsed = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any]
        let list = parsed?["list"] as? [Any]
        #expect(list?.count == 4)
        #expect(list?[1] is NSNull)
        #expect((list?[2] as? Int) == -42)
        #expect(list?[0] as? String == parsed?[value] as? String)
        return parsed?[value] as? String
    }

    @Test(arguments: tricky)
    func trickyStringsRoundTrip(_ value: String) throws {
        #expect(try roundTrip(value, pretty: false) == value)
        #expect(try roundTrip(value, pretty: true) == value)
    }

    @Test func randomStringsRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                let pick = Int.random(in: 0..<4, using: &generator)
                let value: UInt32 = switch pick {
                case 0: UInt32.random(in: 0...0x20, using: &generator)
                case 1: [0x22, 0x5C, 0x2F].randomElement(using: &generator)!
                case 2: UInt32.random(in: 0x21...0x7E, using: &generator)
                default: UInt32.random(in: 0xA0...0x10FFFF, using: &generator)
                }
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            let value = String(scalars)
            #expect(try roundTrip(value, pretty: Bool.random(using: &generator)) == value)
        }
    }

    @Test func integersAtTheEdges() throws {
        for value in [0, 1, -1, 9, 10, 123_456_789, Int.max, Int.min + 1] {
            var writer = JSONWriter()
            writer.beginArray()
            writer.int(value)
            writer.endArray()
            #expect(String(decoding: writer.bytes, as: UTF8.self) == "[\(value)]")
        }
    }

    @Test func emptyContainersAndNesting() throws {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.key("a")
        writer.beginArray()
        writer.endArray()
        writer.key("b")
        writer.beginObject()
        writer.endObject()
        writer.key("c")
        writer.beginArray()
        writer.beginObject()
        writer.field("d", 1)
        writer.endObject()
        writer.endArray()
        writer.endObject()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any])
        #expect((parsed["a"] as? [Any])?.isEmpty == true)
        #expect((parsed["b"] as? [String: Any])?.isEmpty == true)
        #expect(((parsed["c"] as? [[String: Any]])?.first?["d"] as? Int) == 1)
    }
}
