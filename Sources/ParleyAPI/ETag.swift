/// Entity tags from the data version and the normalised request, never from hashing a body:
/// `"<data version>-<hash of key>"`. The hash is FNV-1a (64 bits), stable across processes and
/// restarts, so replicas serving the same data give the same tags.
enum ETag {
    /// Bumped when a release changes how the same data is rendered, so old tags stop matching.
    static let renderingRevision = 1

    static func make(dataVersion: Int, schemaVersion: Int, key: String) -> String {
        // The key's bytes in place (a native string's): walking its UTF-8 view byte by byte cost three times as much.
        var key = key
        var hash = key.withUTF8 { fnv1a($0) }
        hash = fnv1a([UInt8(truncatingIfNeeded: schemaVersion), UInt8(truncatingIfNeeded: renderingRevision)], seed: hash)
        // Written as bytes: the tag is made on every request, before the response cache is asked.
        var text: [UInt8] = [UInt8(ascii: "\"")]
        text.reserveCapacity(36)
        appendHex(UInt64(truncatingIfNeeded: dataVersion), minimumDigits: 1, negative: dataVersion < 0, to: &text)
        text.append(UInt8(ascii: "-"))
        appendHex(hash, minimumDigits: 16, negative: false, to: &text)
        text.append(UInt8(ascii: "\""))
        return String(decoding: text, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `String(value, radix: 16)` (with a leading `-` for a negative number), zero-padded to `minimumDigits`.
    private static func appendHex(_ value: UInt64, minimumDigits: Int, negative: Bool, to text: inout [UInt8]) {
        let magnitude = negative ? (~value &+ 1) : value
        var shift = 60
        while shift > 0 && magnitude >> UInt64(shift) == 0 { shift -= 4 }
        if negative { text.append(UInt8(ascii: "-")) }
        for _ in (shift / 4 + 1)..<max(shift / 4 + 1, minimumDigits) { text.append(UInt8(ascii: "0")) }
        for position in stride(from: shift, through: 0, by: -4) {
            text.append(hexDigits[Int((magnitude >> UInt64(position)) & 0xF)])
        }
    }

    static func fnv1a<S: Sequence>(_ bytes: S, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 where S.Element == UInt8 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// What an If-None-Match header asks (RFC 9110 §13.1.2): `*`, or a list of tags compared weakly.
    struct Condition {
        var any = false
        var tags: [Substring] = []

        init(_ header: String) {
            var rest = Substring(header)
            while let first = rest.first {
                if first == " " || first == "\t" || first == "," {
                    rest = rest.dropFirst()
                } else if first == "*" {
                    any = true
                    rest = rest.dropFirst()
                } else {
                    if rest.hasPrefix("W/") { rest = rest.dropFirst(2) }
                    guard rest.first == "\"" else {
                        // Not a tag: skip to the next comma.
                        rest = rest.drop { $0 != "," }
                        continue
                    }
                    let body = rest.dropFirst()
                    guard let close = body.firstIndex(of: "\"") else { return }
                    tags.append(rest[rest.startIndex...close])
                    rest = body[body.index(after: close)...]
                }
            }
        }

        func matches(_ etag: String) -> Bool {
            tags.contains { $0 == etag }
        }
    }
}
