@testable import HTTPServer
import Testing

/// The word-at-a-time search for bytes a JSON string escapes must find exactly what a byte-by-byte one does.
@Suite struct JSONEscapingTests {
    static func naive(_ bytes: [UInt8], from start: Int) -> Int {
        bytes[start...].firstIndex(where: JSONEscaping.needsEscape) ?? bytes.count
    }

    static func fast(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { JSONEscaping.firstEscape(in: $0, from: start) }
    }

    @Test func everyByteValueInEveryLanePosition() {
        for byte in 0...255 {
            for position in 0..<19 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 19)
                bytes[position] = UInt8(byte)
                let expected = JSONEscaping.needsEscape(UInt8(byte)) ? position : bytes.count
                #expect(Self.fast(bytes, from: 0) == expected, "byte \(byte) at \(position)")
            }
        }
    }

    @Test func neighboursOfTheEscapedBytesAreNotFlagged() {
        // 0x20/0x21/0x23/0x5B/0x5D and bytes past ASCII sit next to the flagged values; borrows must not flag them.
        let near: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF]
        for a in near {
            for b in near {
                let bytes = [a, b, a, b, a, b, a, b, b, a, b, a, b, a, b, a]
                #expect(Self.fast(bytes, from: 0) == bytes.count)
            }
        }
    }

    @Test func randomBytesAgreeWithTheByteLoop() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("abc xyz".utf8) + [0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0xC3, 0xA9, 0xE2, 0x80, 0x9C]
        for _ in 0..<2000 {
            let count = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator) ? UInt8(ascii: "a") : alphabet.randomElement(using: &generator) ?? 0
            }
            for start in 0...count {
                #expect(Self.fast(bytes, from: start) == Self.naive(bytes, from: start), "\(bytes) from \(start)")
            }
        }
    }

    @Test func emptyAndShortInputs() {
        #expect(Self.fast([], from: 0) == 0)
        #expect(Self.fast([0x22], from: 0) == 0)
        #expect(Self.fast([0x41], from: 1) == 1)
        #expect(Self.fast(Array("0123456789abcdef\"".utf8), from: 0) == 16)
    }
}
