/// Finds the bytes a JSON string must escape (RFC 8259 §7: quote, backslash, control characters), eight at a time.
///
/// Most text needs no escaping at all, so the writer copies runs between escapes in bulk; finding where a run ends
/// is then the cost per byte. Testing a 64-bit word for any byte below 0x20, 0x22 or 0x5C takes a handful of
/// operations ("has a byte less than n", Hacker's Delight 6-1): bytes of 0x80 and above (UTF-8 beyond ASCII) are
/// never flagged. A flagged word is searched byte by byte.
enum JSONEscaping {
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is below 0x20, a quote or a backslash.
    @inline(__always)
    static func wordNeedsEscape(_ word: UInt64) -> Bool {
        let control = (word &- ones &* 0x20) & ~word
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quoteZero = (quote &- ones) & ~quote
        let backslashZero = (backslash &- ones) & ~backslash
        return (control | quoteZero | backslashZero) & highs != 0
    }

    /// The index of the first byte at or after `start` that must be escaped, or `bytes.count` when none is.
    static func firstEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        let raw = UnsafeRawPointer(base)
        while index + 8 <= bytes.count {
            if wordNeedsEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { break }
            index += 8
        }
        while index < bytes.count {
            if needsEscape(bytes[index]) { return index }
            index += 1
        }
        return bytes.count
    }
}
