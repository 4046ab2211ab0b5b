/// Entity tags from the data version and the normalised request, never from hashing a body:
/// `"<data version>-<hash of key>"`. The hash is FNV-1a (64 bits), stable across processes and
/// restarts, so replicas serving the same data give the same tags.
enum ETag {
    /// Bumped when a release changes how the same data is rendered, so old tags stop matching.
    static let renderingRevision = 1

    static func make(dataVersion: Int, schemaVersion: Int, key: String) -> String {
        var hash = fnv1a(key.utf8)
        hash = fnv1a([UInt8(truncatingIfNeeded: schemaVersion), UInt8(truncatingIfNeeded: renderingRevision)], seed: hash)
        return "\"" + String(dataVersion, radix: 16) + "-" + hex16(hash) + "\""
    }

    static func fnv1a<S: Sequence>(_ bytes: S, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 where S.Element == UInt8 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hex16(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
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
