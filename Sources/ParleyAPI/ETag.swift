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
        hash = fnv1a(byte: UInt8(truncatingIfNeeded: schemaVersion), hash)
        hash = fnv1a(byte: UInt8(truncatingIfNeeded: renderingRevision), hash)
        // Written in place: the tag is made on every request, before the response cache is asked. At most a quote,
        // a sign, 16 digits of the version, a dash, 16 of the hash and a quote.
        return String(unsafeUninitializedCapacity: 36) { text in
            var count = 0
            func append(_ byte: UInt8) { text[count] = byte; count += 1 }
            func appendHex(_ value: UInt64, minimumDigits: Int) {
                var shift = 60
                while shift > 0 && value >> UInt64(shift) == 0 { shift -= 4 }
                for _ in (shift / 4 + 1)..<max(shift / 4 + 1, minimumDigits) { append(UInt8(ascii: "0")) }
                for position in stride(from: shift, through: 0, by: -4) {
                    let digit = UInt8(truncatingIfNeeded: (value >> UInt64(position)) & 0xF)
                    append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
                }
            }
            append(UInt8(ascii: "\""))
            // `String(value, radix: 16)`: a negative version with a leading `-`.
            let version = UInt64(truncatingIfNeeded: dataVersion)
            if dataVersion < 0 { append(UInt8(ascii: "-")) }
            appendHex(dataVersion < 0 ? (~version &+ 1) : version, minimumDigits: 1)
            append(UInt8(ascii: "-"))
            appendHex(hash, minimumDigits: 16)
            append(UInt8(ascii: "\""))
            return count
        }
    }

    static func fnv1a<S: Sequence>(_ bytes: S, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 where S.Element == UInt8 {
        var hash = seed
        for byte in bytes { hash = fnv1a(byte: byte, hash) }
        return hash
    }

    static func fnv1a(byte: UInt8, _ hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
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
