import ParleyStore

/// The decoded query of a request, checked against the parameters its route accepts.
/// Strict on purpose: an unknown or repeated parameter is refused by name, so a typo is caught,
/// never silently ignored.
struct QueryParameters {
    /// Sorted by name; names are unique.
    private(set) var pairs: [(name: String, value: String)] = []

    init(parsing query: String, allowed: [String]) throws {
        guard !query.isEmpty else { return }
        // Split on bytes, not Characters: the query is a request target's (printable ASCII), and walking it by
        // grapheme costs more than the rest of the parse.
        for piece in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let rawName: Substring, rawValue: Substring
            if let equals = piece.firstIndex(of: UInt8(ascii: "=")) {
                rawName = Substring(piece[..<equals])
                rawValue = Substring(piece[piece.index(after: equals)...])
            } else {
                rawName = Substring(piece)
                rawValue = ""
            }
            guard let name = PercentEncoding.decode(rawName) else {
                throw APIError.invalid(String(rawName.prefix(64)), "a query parameter name is not valid percent-encoded UTF-8")
            }
            guard allowed.contains(name) else {
                let shown = name.count > 64 ? String(name.prefix(64)) + "…" : name
                let accepted = allowed.isEmpty ? "this path takes no query parameters"
                    : "accepted: " + allowed.joined(separator: ", ")
                throw APIError.invalid(shown, "unknown query parameter '\(shown)'; \(accepted)")
            }
            guard let value = PercentEncoding.decode(rawValue) else {
                throw APIError.invalid(name, "the value of '\(name)' is not valid percent-encoded UTF-8")
            }
            guard !pairs.contains(where: { $0.name == name }) else {
                throw APIError.invalid(name, "query parameter '\(name)' is given more than once")
            }
            pairs.append((name, value))
        }
        pairs.sort { $0.name < $1.name }
    }

    subscript(_ name: String) -> String? {
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }

    var isEmpty: Bool { pairs.isEmpty }

    /// The query in canonical form: sorted by name, values re-encoded. Part of the cache key and `links.self`.
    func canonical() -> String {
        Self.join(pairs)
    }

    /// The canonical query with `cursor` set to `cursor` (for `links.next`).
    func canonical(withCursor cursor: String) -> String {
        var list = pairs.filter { $0.name != "cursor" }
        list.append(("cursor", cursor))
        list.sort { $0.name < $1.name }
        return Self.join(list)
    }

    private static func join(_ list: [(name: String, value: String)]) -> String {
        var text = ""
        for (index, pair) in list.enumerated() {
            if index > 0 { text += "&" }
            text += pair.name
            text += "="
            text += PercentEncoding.encode(pair.value)
        }
        return text
    }

    // MARK: typed values; each failure names the parameter and what it expects

    func day(_ name: String) throws -> Day? {
        guard let value = self[name] else { return nil }
        guard let day = Day(value) else {
            throw APIError.invalid(name, "\(name) must be a calendar date written YYYY-MM-DD, such as 2022-01-12; got '\(Self.shown(value))'")
        }
        return day
    }

    /// A record id: lowercase letters, digits and hyphens.
    func id(_ name: String) throws -> String? {
        guard let value = self[name] else { return nil }
        guard Slug.isValid(value) else {
            throw APIError.invalid(name, "\(name) must be an id of lowercase letters, digits and hyphens, such as 'russia'; got '\(Self.shown(value))'")
        }
        return value
    }

    func oneOf(_ name: String, _ allowed: [String]) throws -> String? {
        guard let value = self[name] else { return nil }
        guard allowed.contains(value) else {
            throw APIError.invalid(name, "\(name) must be one of \(allowed.joined(separator: ", ")); got '\(Self.shown(value))'")
        }
        return value
    }

    func bool(_ name: String) throws -> Bool {
        guard let value = self[name] else { return false }
        switch value {
        case "true": return true
        case "false": return false
        default: throw APIError.invalid(name, "\(name) must be true or false; got '\(Self.shown(value))'")
        }
    }

    static let defaultLimit = 100
    static let limitRange = 1...500

    func limit() throws -> Int {
        try wholeNumber("limit", in: Self.limitRange, digits: 6,
                        else: "limit must be an integer from \(Self.limitRange.lowerBound) to \(Self.limitRange.upperBound)") ?? Self.defaultLimit
    }

    /// A whole number within `range`, in at most `digits` ASCII digits (no sign, no space; with `canonical`, no leading
    /// zero either); nil when absent. Refused with `refusal` and the value as sent.
    func wholeNumber(_ name: String, in range: ClosedRange<Int>, digits: Int, canonical: Bool = false,
                     else refusal: @autoclosure () -> String) throws -> Int? {
        guard let value = self[name] else { return nil }
        guard value.utf8.count <= digits, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int(value),
              range.contains(number), !canonical || value == String(number) else {
            throw APIError.invalid(name, "\(refusal()); got '\(Self.shown(value))'")
        }
        return number
    }

    /// The largest sequence number a client may send: 2^53 - 1, the largest integer every JSON reader holds exactly.
    static let maximumSequenceNumber = 9_007_199_254_740_991

    /// A change sequence number: a whole number from 0 to 2^53 - 1, written without sign or leading zeros.
    func sequenceNumber(_ name: String) throws -> Int? {
        guard let value = self[name] else { return nil }
        guard let number = Self.sequenceNumber(value) else {
            throw APIError.invalid(name, "\(name) must be a whole number from 0 to \(Self.maximumSequenceNumber) (a change's seq); got '\(Self.shown(value))'")
        }
        return number
    }

    /// A change's seq as text: digits only, no leading zero, at most `maximumSequenceNumber` (`since`, `Last-Event-ID`).
    static func sequenceNumber<Text: StringProtocol>(_ value: Text) -> Int? {
        guard value.utf8.count <= 16, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int(value),
              value == String(number), number <= maximumSequenceNumber else { return nil }
        return number
    }

    func search() throws -> SearchQuery? {
        guard let value = self["q"] else { return nil }
        do {
            return try SearchQuery(value)
        } catch let error as StoreError {
            throw APIError.invalid("q", error.description)
        }
    }

    /// `from` and `to` (inclusive), refusing a period that ends before it starts.
    func period() throws -> (from: Day?, to: Day?) {
        let from = try day("from"), to = try day("to")
        if let from, let to, from > to {
            throw APIError.invalid("from", "from (\(from)) is after to (\(to))")
        }
        return (from, to)
    }

    /// Echoed user input, kept short.
    static func shown(_ value: String) -> String {
        value.count > 64 ? String(value.prefix(64)) + "…" : value
    }
}
