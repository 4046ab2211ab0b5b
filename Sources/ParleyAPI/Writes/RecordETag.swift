import HTTPServer
import ParleyStore

/// The entity tag of one record: a hash of its representation, as `GET /{collection}/{id}` writes it inside
/// `data` (compact, every field). It changes exactly when what a client would read of the record changes (its
/// fields, and the names of the records it shows inline), and not when other records do, so `If-Match` with it
/// guards against lost updates without refusing writes that other clients made to other records. The same tag
/// serves every variant of the record's URL (`fields=`, `pretty=`), each a trimming or layout of the same state.
enum RecordETag {
    /// The record's canonical JSON and its tag.
    static func render<R: Resource>(_: R.Type, _ item: R.Item) -> (bytes: [UInt8], etag: String) {
        let bytes = canonical(R.self, item)
        return (bytes, make(bytes))
    }

    /// The record's JSON, compact and with every field: what a list writes for it, and an item inside `data`.
    static func canonical<R: Resource>(_: R.Type, _ item: R.Item) -> [UInt8] {
        var sink = JSONSink(writer: JSONWriter(capacity: 2048), selection: .all)
        R.encode(item, into: &sink)
        return sink.writer.bytes
    }

    /// `"r-"` and the first 128 bits of the SHA-256 of the representation, in hex.
    static func make(_ representation: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = Array("\"r-".utf8)
        for byte in SHA256.hash(representation).prefix(16) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// An If-Match header (RFC 9110 §13.1.1): `*`, or a list of tags compared strongly (a weak `W/` tag never
    /// matches).
    struct IfMatch {
        var any = false
        var tags: [Substring] = []

        init(_ header: String) {
            for element in header.split(separator: ",") {
                let tag = element.trimmingASCIISpaces()
                if tag == "*" {
                    any = true
                } else if tag.count >= 2, tag.first == "\"", tag.last == "\"" {
                    tags.append(tag)
                }
            }
        }

        func matches(_ etag: String) -> Bool {
            any || tags.contains { $0 == etag }
        }
    }
}
