@testable import HTTPServer
import Testing

/// The header writer drops control characters from handler text (a CR or LF would split the response); its fast check
/// reads eight bytes at a time and must agree with a byte-by-byte look at every length and position.
@Suite struct ResponseWriterTests {
    static func bytewise(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 < 0x20 } }

    @Test func theWordCheckAgreesWithTheByteCheckEverywhere() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...40 {
            for position in -1..<length {
                for control: UInt8 in [0x00, 0x09, 0x0A, 0x0D, 0x1F] {
                    var bytes = (0..<length).map { _ in UInt8.random(in: 0x20...0xFF, using: &generator) }
                    if position >= 0 { bytes[position] = control }
                    let fast = bytes.withUnsafeBufferPointer { ResponseWriter.mayHoldControl($0) }
                    #expect(fast == Self.bytewise(bytes), "\(bytes) at \(position)")
                }
            }
        }
        // Bytes just above the bound, and high bytes next to low ones, never count.
        for byte: UInt8 in [0x20, 0x21, 0x7F, 0x80, 0xA0, 0xFF] {
            let bytes = [UInt8](repeating: byte, count: 17)
            #expect(!bytes.withUnsafeBufferPointer { ResponseWriter.mayHoldControl($0) })
        }
    }

    @Test func controlCharactersLeaveTheHeaderAndTabsStay() {
        var headers = HTTPHeaders()
        headers.add("X-Note", "a\r\nInjected: yes\tand a tab, and text long enough for words")
        let encoded = String(decoding: ResponseWriter.encode(headers), as: UTF8.self)
        #expect(encoded == "X-Note: aInjected: yes\tand a tab, and text long enough for words\r\n")
    }
}
