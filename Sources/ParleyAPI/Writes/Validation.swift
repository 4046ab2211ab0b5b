import HTTPServer
import ParleyStore

/// One thing wrong with a request body: where, as a JSON Pointer (RFC 6901) into the body, and what.
public struct FieldError: Sendable, Equatable, CustomStringConvertible {
    public let pointer: String
    public let detail: String

    public var description: String { (pointer.isEmpty ? "(the body)" : pointer) + ": " + detail }
}

/// What references in a body point at: the API asks the store (inside the write transaction, so nothing can vanish
/// between the check and the write); `parley import` asks the file being imported.
public protocol ReferenceResolver {
    /// The record's name (a meeting's title; a quote's or demand's id), or nil when there is no such record.
    func name(of collection: RecordCollection, id: String) throws -> String?
    /// The text of a source's paragraph, or nil when there is none.
    func paragraph(source: String, number: Int) throws -> String?
}

/// Resolves references against the database.
struct StoreResolver: ReferenceResolver {
    let store: Store

    func name(of collection: RecordCollection, id: String) throws -> String? {
        try store.name(of: collection, id: id)
    }

    func paragraph(source: String, number: Int) throws -> String? {
        try store.paragraphText(source: source, number: number)
    }
}

/// Collects every error of one body (a client learns all that is wrong at once, not one field per round trip).
final class Validation {
    let resolver: ReferenceResolver
    private(set) var errors: [FieldError] = []

    init(resolver: ReferenceResolver) {
        self.resolver = resolver
    }

    func fail(_ pointer: String, _ detail: String) {
        errors.append(FieldError(pointer: pointer, detail: detail))
    }

    var isValid: Bool { errors.isEmpty }

    /// Looks a reference up, failing at `pointer` when it does not resolve. Store errors (busy) propagate.
    func resolve(_ collection: RecordCollection, _ id: String, at pointer: String) throws -> String? {
        guard let name = try resolver.name(of: collection, id: id) else {
            fail(pointer, "no \(collection.singular) with id '\(QueryParameters.shown(id))'; see /\(collection.rawValue)")
            return nil
        }
        return name
    }

    /// `base` + `/token`, escaped as RFC 6901 requires.
    static func pointer(_ base: String, _ token: String) -> String {
        // Field names and ids have neither: every field read makes its pointer (an import makes millions), and walking
        // the token's characters cost more than the rest of it.
        if !token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) { return base + "/" + token }
        var escaped = ""
        for character in token {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return base + "/" + escaped
    }

    static func pointer(_ base: String, _ index: Int) -> String {
        base + "/" + String(index)
    }
}

/// A JSON object of the body whose members are read by name. Members not in `allowed` are reported when it is
/// made; a member of the wrong type is reported when it is read, and reads as absent.
struct InputObject {
    let pointer: String
    private let members: [(String, JSONValue)]
    let validation: Validation

    init?(_ value: JSONValue, at pointer: String, allowed: [String], in validation: Validation) {
        guard case let .object(members) = value else {
            validation.fail(pointer, "must be an object, not \(value.typeName)")
            return nil
        }
        self.pointer = pointer
        self.members = members
        self.validation = validation
        for (key, _) in members where !allowed.contains(key) {
            validation.fail(Validation.pointer(pointer, key), "unknown field; accepted: " + allowed.joined(separator: ", "))
        }
    }

    func at(_ name: String) -> String { Validation.pointer(pointer, name) }

    /// The member's value; nil when absent. An explicit null is returned as `.null`.
    func value(_ name: String) -> JSONValue? {
        members.first { $0.0 == name }?.1
    }

    /// Reports a problem with the member `name` of this object.
    func fail(_ name: String, _ detail: String) {
        validation.fail(at(name), detail)
    }

    private func missing(_ name: String) {
        fail(name, "required")
    }

    // MARK: scalars

    /// A string; `required` ones must be present, `nonEmpty` ones must have a character. An optional member that is
    /// absent or null reads as `fallback` (its default).
    func string(_ name: String, required: Bool = false, nonEmpty: Bool = false, fallback: String = "") -> String {
        guard let value = value(name) else {
            if required { missing(name) }
            return fallback
        }
        if value == .null && !required { return fallback }
        guard case let .string(text) = value else {
            fail(name, "must be a string, not \(value.typeName)")
            return fallback
        }
        if nonEmpty && text.isEmpty { fail(name, "must not be empty") }
        return text
    }

    /// A string or null; absent reads as null.
    func nullableString(_ name: String, nonEmpty: Bool = false) -> String? {
        guard let value = value(name) else { return nil }
        switch value {
        case .null:
            return nil
        case let .string(text):
            if nonEmpty && text.isEmpty { fail(name, "must not be empty (use null for none)") }
            return text
        default:
            fail(name, "must be a string or null, not \(value.typeName)")
            return nil
        }
    }

    /// One of `allowed`; with `nullable`, null (or absence) reads as nil.
    func oneOf(_ name: String, _ allowed: [String], required: Bool = false, nullable: Bool = false) -> String? {
        guard let value = value(name) else {
            if required { missing(name) }
            return nil
        }
        if value == .null && nullable { return nil }
        guard case let .string(text) = value, allowed.contains(text) else {
            fail(name, "must be one of " + allowed.joined(separator: ", ") + (nullable ? " or null" : "")
                + (value.typeName == "string" ? "" : ", not \(value.typeName)"))
            return nil
        }
        return text
    }

    /// A lowercase slug: letters, digits and hyphens (ids, meeting kinds).
    func slug(_ name: String, required: Bool = false) -> String? {
        guard let value = value(name) else {
            if required { missing(name) }
            return nil
        }
        guard case let .string(text) = value else {
            fail(name, "must be a string, not \(value.typeName)")
            return nil
        }
        guard Slug.isValid(text) else {
            fail(name, "must be 1 to \(Slug.maximumLength) lowercase letters, digits and hyphens, such as 'nato-russia-council-2022-01-12'; got '\(QueryParameters.shown(text))'")
            return nil
        }
        return text
    }

    /// A calendar day written YYYY-MM-DD; with `nullable`, null reads as nil.
    func day(_ name: String, required: Bool = false, nullable: Bool = false) -> Day? {
        guard let value = value(name) else {
            if required { missing(name) }
            return nil
        }
        if value == .null && nullable { return nil }
        guard case let .string(text) = value, let day = Day(text) else {
            fail(name, "must be a calendar date written YYYY-MM-DD, such as 2022-01-12"
                + (value.typeName == "string" ? "" : (nullable ? " or null" : "") + ", not \(value.typeName)"))
            return nil
        }
        return day
    }

    /// A date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD, or null.
    func partialDate(_ name: String) -> String? {
        guard let value = value(name), value != .null else { return nil }
        guard case let .string(text) = value, PartialDate.isValid(text) else {
            fail(name, "must be a date as precise as known (YYYY, YYYY-MM or YYYY-MM-DD) or null")
            return nil
        }
        return text
    }

    /// An integer within `range`.
    func integer(_ name: String, required: Bool = false, range: ClosedRange<Int>, nullable: Bool = false) -> Int? {
        guard let value = value(name) else {
            if required { missing(name) }
            return nil
        }
        if value == .null && nullable { return nil }
        guard case let .number(number) = value, let integer = IntegralNumber.value(number.text) else {
            fail(name, "must be an integer" + (nullable ? " or null" : ""))
            return nil
        }
        guard range.contains(integer) else {
            fail(name, "must be at least \(range.lowerBound)" + (range.upperBound == Int.max ? "" : " and at most \(range.upperBound)"))
            return nil
        }
        return integer
    }

    // MARK: arrays and references

    /// The elements of an array member with their pointers; absent or null reads as empty.
    func array(_ name: String) -> [(value: JSONValue, pointer: String)] {
        guard let value = value(name), value != .null else { return [] }
        guard case let .array(elements) = value else {
            fail(name, "must be an array, not \(value.typeName)")
            return []
        }
        let base = at(name)
        return elements.enumerated().map { ($0.element, Validation.pointer(base, $0.offset)) }
    }

    /// `{"id": …}` naming a record of `collection` (its inline `name`, or `title` for a meeting, may be sent too and must
    /// then be the record's own), or null when `nullable`. Returns the id when it resolves.
    func reference(_ name: String, to collection: RecordCollection, required: Bool = false, nullable: Bool = false) throws -> String? {
        guard let value = value(name) else {
            if required { missing(name) }
            return nil
        }
        if value == .null {
            if !nullable { fail(name, "must be an object naming a \(collection.singular) by id, not null") }
            return nil
        }
        return try InputObject.reference(value, at: at(name), to: collection, extra: [], in: validation)?.id ?? nil
    }

    /// An array of references to distinct records of `collection`.
    func references(_ name: String, to collection: RecordCollection) throws -> [String] {
        var ids: [String] = []
        for (element, pointer) in array(name) {
            guard let (found, _) = try InputObject.reference(element, at: pointer, to: collection, extra: [], in: validation),
                  let id = found else { continue }
            if ids.contains(id) {
                validation.fail(Validation.pointer(pointer, "id"), "'\(id)' is listed twice")
            } else {
                ids.append(id)
            }
        }
        return ids
    }

    /// Reads one reference object: its `id` must name an existing record; its optional inline name must match; `extra`
    /// are the relation's own members (a role, a basis), left in the object for the caller to read. Nil when the value
    /// is not an object; the id is nil when it does not resolve.
    static func reference(_ value: JSONValue, at pointer: String, to collection: RecordCollection, extra: [String],
                          in validation: Validation) throws -> (id: String?, object: InputObject)? {
        guard let object = InputObject(value, at: pointer, allowed: ["id", collection.nameKey] + extra, in: validation) else {
            return nil
        }
        guard let id = object.slug("id", required: true), let name = try validation.resolve(collection, id, at: object.at("id")) else {
            return (nil, object)
        }
        if let given = object.value(collection.nameKey) {
            if case let .string(text) = given, text == name {
                // The inline name as the read API shows it: accepted so a record read can be written back.
            } else {
                object.fail(collection.nameKey, "is the \(collection.singular)'s own \(collection.nameKey) ('\(QueryParameters.shown(name))') and cannot be set here; leave it out or change it on /\(collection.rawValue)/\(id)")
            }
        }
        return (id, object)
    }

    /// `[{"source": …, "paragraph": n}]`: distinct paragraphs that exist.
    func sources(_ name: String) throws -> [SourceRef] {
        var sources: [SourceRef] = []
        for (element, pointer) in array(name) {
            guard let object = InputObject(element, at: pointer, allowed: ["source", "paragraph"], in: validation),
                  let source = try object.paragraph() else { continue }
            if sources.contains(source) {
                validation.fail(pointer, "paragraph \(source.paragraph) of '\(source.source)' is listed twice")
            } else {
                sources.append(source)
            }
        }
        return sources
    }

    /// This object's `source` and `paragraph`, when they name a paragraph that exists.
    func paragraph() throws -> SourceRef? {
        let source = slug("source", required: true)
        let number = integer("paragraph", required: true, range: 1...Int(Int32.max))
        guard let source, let number else { return nil }
        guard try validation.resolver.paragraph(source: source, number: number) != nil else {
            fail("paragraph", "source '\(source)' has no paragraph \(number); see /sources/\(source)")
            return nil
        }
        return SourceRef(source: source, paragraph: number)
    }
}

/// YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day.
enum PartialDate {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
        switch bytes.count {
        case 4: return digits(0..<4)
        case 7:
            guard digits(0..<4), bytes[4] == UInt8(ascii: "-"), digits(5..<7),
                  let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)) else { return false }
            return (1...12).contains(month)
        case 10: return Day(text) != nil
        default: return false
        }
    }

    /// Whether `end` can follow `start`: compared at the precision both have (2021-11 is not before 2021).
    static func isOrdered(_ start: String, _ end: String) -> Bool {
        let length = min(start.utf8.count, end.utf8.count)
        return String(decoding: start.utf8.prefix(length), as: UTF8.self) <= String(decoding: end.utf8.prefix(length), as: UTF8.self)
    }
}

/// JSON Schema's `integer` is any number with no fractional part, however written: 7, 7.0, 7.00e0, 0.7e1.
enum IntegralNumber {
    /// The exact value of a JSON number text when it is a whole number within `Int`'s range; nil otherwise. Decided on
    /// the decimal digits, never through `Double`, so 1.0000000000000001 is not 1.
    static func value(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        var bytes = Array(text.utf8)
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        var exponent = 0
        if let mark = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            guard let value = Int(String(decoding: bytes[(mark + 1)...], as: UTF8.self)), abs(value) < 400 else { return nil }
            exponent = value
            bytes.removeSubrange(mark...)
        }
        var whole = bytes, fraction: [UInt8] = []
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
            whole = Array(bytes[..<dot])
            fraction = Array(bytes[(dot + 1)...])
        }
        var digits = whole + fraction
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        // Where the decimal point falls in `digits` once the exponent is applied.
        let point = whole.count + exponent
        if point <= 0 {
            return digits.allSatisfy({ $0 == 0x30 }) ? 0 : nil
        }
        if point >= digits.count {
            digits += [UInt8](repeating: 0x30, count: point - digits.count)
        } else {
            guard digits[point...].allSatisfy({ $0 == 0x30 }) else { return nil }
            digits.removeSubrange(point...)
        }
        return Int((negative ? "-" : "") + String(decoding: digits, as: UTF8.self))
    }
}
