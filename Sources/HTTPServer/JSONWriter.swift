/// Writes JSON straight into a byte buffer: no Foundation, keys in the order written.
/// The caller is responsible for structure (commas are inserted automatically).
public struct JSONWriter {
    public private(set) var bytes: [UInt8]
    private var needsComma = false
    private let pretty: Bool
    private var depth = 0

    public init(capacity: Int = 1024, pretty: Bool = false) {
        bytes = []
        bytes.reserveCapacity(capacity)
        self.pretty = pretty
    }

    // MARK: structure

    public mutating func beginObject() { valuePrefix(); bytes.append(UInt8(ascii: "{")); open() }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { valuePrefix(); bytes.append(UInt8(ascii: "[")); open() }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes `"name":`; the next value written belongs to it.
    public mutating func key(_ name: String) {
        separator()
        appendString(name)
        endKey()
    }

    /// Writes `"name":` for a key fixed when compiling (a record's field names): copied as it is, since a field name
    /// needs no escaping. Written as runtime strings and escaped, a key cost about 320 instructions, and the uncached
    /// headline writes 55 of them.
    public mutating func key(_ name: StaticString) {
        separator()
        name.withUTF8Buffer { utf8 in
            assert(JSONEscaping.firstEscape(in: utf8, from: 0) == utf8.count, "a static key needs no escaping")
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
        }
        endKey()
    }

    private mutating func endKey() {
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        needsComma = false
        pendingKey = true
    }

    // MARK: values

    public mutating func string(_ value: String) { valuePrefix(); appendString(value) }
    public mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    public mutating func int(_ value: Int) { valuePrefix(); appendInt(value) }
    public mutating func bool(_ value: Bool) { valuePrefix(); appendLiteral(value ? "true" : "false") }
    public mutating func null() { valuePrefix(); appendLiteral("null") }
    /// Bytes already encoded as one JSON value.
    public mutating func raw(_ json: [UInt8]) { valuePrefix(); bytes.append(contentsOf: json) }

    // Shorthands for "key": value.
    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }

    // MARK: internals

    private var pendingKey = false

    private mutating func open() {
        depth += 1
        needsComma = false
        pendingKey = false
    }

    private mutating func close(_ bracket: UInt8) {
        let hadItems = needsComma
        depth -= 1
        if pretty && hadItems { newline() }
        bytes.append(bracket)
        needsComma = true
        pendingKey = false
    }

    private mutating func separator() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        if pretty && depth > 0 { newline() }
    }

    private mutating func valuePrefix() {
        if pendingKey {
            pendingKey = false
        } else {
            separator()
        }
        needsComma = true
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(depth * 2) { bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func appendLiteral(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func appendInt(_ value: Int) {
        if value == 0 { bytes.append(UInt8(ascii: "0")); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var magnitude = value.magnitude
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        withUnsafeBytes(of: &digits) { buffer in
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// RFC 8259 §7: escape quote, backslash and control characters; everything else is copied as UTF-8.
    private mutating func appendString(_ value: String) {
        // Native and small strings lend their UTF-8 as is; only a bridged or lazily decoded one is copied first.
        if value.utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) != nil { return }
        var value = value
        value.withUTF8 { appendQuoted($0) }
    }

    /// Runs that need no escaping are copied in bulk (`JSONEscaping` finds where they end).
    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        while true {
            let index = JSONEscaping.firstEscape(in: utf8, from: runStart)
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            guard index < utf8.count else { break }
            appendEscape(utf8[index])
            runStart = index + 1
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
        }
    }
}

/// RFC 9457 problem details, as the engine and the API both send them.
public enum ProblemDocument {
    public static func encode(status: Int, title: String, detail: String, type: String = "about:blank",
                              extra: [(String, String)] = []) -> [UInt8] {
        var json = JSONWriter(capacity: 256)
        json.beginObject()
        json.field("type", type)
        json.field("title", title)
        json.field("status", status)
        json.field("detail", detail)
        for (name, value) in extra { json.field(name, value) }
        json.endObject()
        return json.bytes
    }
}
