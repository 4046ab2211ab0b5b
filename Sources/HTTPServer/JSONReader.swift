/// A JSON value as RFC 8259 defines it; objects keep their members in the order received.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The member of an object, nil if absent or not an object.
    public subscript(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// A name for error messages: "string", "number", …
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// A member of an object read by `JSONReader.parseObject`: a value, or the byte range of a streamed array.
public enum JSONMember: Sendable {
    case value(JSONValue)
    case array(Range<Int>)
}

/// A number kept as its text, so integers of any size are not rounded through Double.
public struct JSONNumber: Equatable, Sendable {
    public let text: String
    public init(text: String) { self.text = text }
    public var intValue: Int? { Int(text) }
    public var doubleValue: Double? { Double(text) }
}

public struct JSONReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public let offset: Int
    public let reason: String
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

/// A strict JSON parser over bytes: no trailing commas, no comments, no NaN, no duplicate
/// keys, valid UTF-8 only, nesting at most `maxDepth` deep.
public struct JSONReader {
    public static let maxDepth = 64

    public static func parse(_ bytes: [UInt8]) throws(JSONReadError) -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw reader.error("unexpected data after the value") }
        return value
    }

    /// Parses a top-level object whose `streamed` members are arrays too large to hold as values (an export of a
    /// million records): each of their elements is parsed, handed to `element` and dropped, and the member is
    /// returned as the byte range of its array, to be read again with `forEachElement`. Other members are returned
    /// as values. The same strictness as `parse`; memory is that of one element.
    /// Members in `located` are arrays found without being parsed (brackets matched outside strings): the caller
    /// must read them with `forEachElement`, which parses them strictly.
    public static func parseObject(_ bytes: [UInt8], streamed: Set<String>, located: Set<String> = [],
                                   element: (String, JSONValue) throws -> Void) throws -> [(String, JSONMember)] {
        var reader = JSONReader(bytes: bytes)
        reader.skipWhitespace()
        guard reader.index < bytes.count, bytes[reader.index] == UInt8(ascii: "{") else { throw reader.error("expected an object") }
        reader.index += 1
        var members: [(String, JSONMember)] = []
        var keys = Set<String>()
        reader.skipWhitespace()
        if reader.index < bytes.count, bytes[reader.index] == UInt8(ascii: "}") {
            reader.index += 1
        } else {
            while true {
                reader.skipWhitespace()
                guard reader.index < bytes.count, bytes[reader.index] == UInt8(ascii: "\"") else { throw reader.error("expected a string key") }
                let key = try reader.string()
                guard keys.insert(key).inserted else { throw reader.error("duplicate key \"\(key)\"") }
                reader.skipWhitespace()
                guard reader.index < bytes.count, bytes[reader.index] == UInt8(ascii: ":") else { throw reader.error("expected ':'") }
                reader.index += 1
                reader.skipWhitespace()
                if located.contains(key), reader.index < bytes.count, bytes[reader.index] == UInt8(ascii: "[") {
                    let start = reader.index
                    try reader.skipArray()
                    members.append((key, .array(start..<reader.index)))
                } else if streamed.contains(key), reader.index < bytes.count, bytes[reader.index] == UInt8(ascii: "[") {
                    let start = reader.index
                    try reader.elements(depth: 1) { try element(key, $0) }
                    members.append((key, .array(start..<reader.index)))
                } else {
                    members.append((key, .value(try reader.value(depth: 1))))
                }
                reader.skipWhitespace()
                guard reader.index < bytes.count else { throw reader.error("unexpected end of input") }
                if bytes[reader.index] == UInt8(ascii: ",") { reader.index += 1; continue }
                if bytes[reader.index] == UInt8(ascii: "}") { reader.index += 1; break }
                throw reader.error("expected ',' or '}'")
            }
        }
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw reader.error("unexpected data after the value") }
        return members
    }

    /// Reads again, element by element, an array `parseObject` returned as a range.
    public static func forEachElement(_ bytes: [UInt8], in range: Range<Int>, _ body: (JSONValue) throws -> Void) throws {
        var reader = JSONReader(bytes: bytes)
        reader.index = range.lowerBound
        try reader.elements(depth: 1, body)
    }

    private let bytes: [UInt8]
    private var index = 0

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func error(_ reason: String) -> JSONReadError { JSONReadError(offset: index, reason: reason) }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private mutating func value(depth: Int) throws(JSONReadError) -> JSONValue {
        guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth)") }
        guard index < bytes.count else { throw error("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONReadError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("unexpected end of input") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw error("unexpected character")
        }
        index += count
    }

    private mutating func object(depth: Int) throws(JSONReadError) -> JSONValue {
        index += 1
        var members: [(String, JSONValue)] = []
        // Duplicate keys: a linear look through the few members most objects have, a set past that.
        var keys = Set<String>()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let key = try string()
            if members.count < 16 {
                guard !members.contains(where: { $0.0 == key }) else { throw error("duplicate key \"\(key)\"") }
            } else {
                if keys.isEmpty { keys = Set(members.map(\.0)) }
                guard keys.insert(key).inserted else { throw error("duplicate key \"\(key)\"") }
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
            index += 1
            skipWhitespace()
            members.append((key, try value(depth: depth + 1)))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw error("expected ',' or '}'")
        }
    }

    /// Moves past an array by matching brackets outside strings, without parsing what is inside.
    private mutating func skipArray() throws(JSONReadError) {
        var depth = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inString {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return }
            default: break
            }
        }
        throw error("unexpected end of input")
    }

    /// An array's elements one at a time, for `parseObject`'s streamed members.
    private mutating func elements(depth: Int, _ body: (JSONValue) throws -> Void) throws {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
        while true {
            skipWhitespace()
            try body(try value(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            throw error("expected ',' or ']'")
        }
    }

    private mutating func array(depth: Int) throws(JSONReadError) -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            throw error("expected ',' or ']'")
        }
    }

    private mutating func number() throws(JSONReadError) -> JSONNumber {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("a digit must follow '-'") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("leading zeros are not allowed") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a digit must follow '.'") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a digit must follow the exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        return JSONNumber(text: String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func string() throws(JSONReadError) -> String {
        index += 1
        // Fast path: printable ASCII up to the closing quote (most keys and ids) is a string as it stands.
        let start = index
        while index < bytes.count, bytes[index] >= 0x20, bytes[index] < 0x80,
              bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            defer { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars)
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw error("unterminated escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    let unit = try hex4()
                    if unit >= 0xD800 && unit < 0xDC00 {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("a high surrogate must be followed by a low surrogate")
                        }
                        index += 2
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw error("invalid low surrogate") }
                        let combined = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        guard let scalar = Unicode.Scalar(combined) else { throw error("invalid code point") }
                        scalars.append(scalar)
                    } else {
                        guard let scalar = Unicode.Scalar(unit) else { throw error("a lone low surrogate is not a character") }
                        scalars.append(scalar)
                    }
                default:
                    throw error("invalid escape")
                }
            case 0..<0x20:
                throw error("control characters must be escaped in strings")
            case 0..<0x80:
                scalars.append(Unicode.Scalar(byte))
                index += 1
            default:
                scalars.append(try utf8Scalar())
            }
        }
    }

    private mutating func hex4() throws(JSONReadError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = CharacterClass.hexValue(bytes[index]) else { throw error("invalid \\u escape") }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    /// Decodes one multi-byte UTF-8 sequence, refusing overlong forms, surrogates and truncation.
    private mutating func utf8Scalar() throws(JSONReadError) -> Unicode.Scalar {
        let lead = bytes[index]
        let length: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(lead & 0x07)
        default: throw error("invalid UTF-8")
        }
        guard index + length <= bytes.count else { throw error("truncated UTF-8") }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { throw error("invalid UTF-8") }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { throw error("invalid UTF-8") }
        index += length
        return scalar
    }
}
