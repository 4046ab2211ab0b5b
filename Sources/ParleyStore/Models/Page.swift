/// A position in a sorted list: the sort key of the last item a page held. Its components are plain
/// text so the API can wrap them in an opaque token. Any components make a position (keyset
/// pagination only compares them with `>`), so a token that decodes is always a valid place to start:
/// missing components are empty, numbers that do not parse are 0.
public protocol PageCursor: Sendable, Equatable {
    var components: [String] { get }
    init(components: [String])
    /// Whether this position comes before `other` in the list's order, compared as SQLite compares the sort key.
    func precedes(_ other: Self) -> Bool
}

extension PageCursor {
    /// The components compared as text, byte by byte (SQLite's BINARY collation).
    public func precedes(_ other: Self) -> Bool {
        components.lexicographicallyPrecedes(other.components) { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

extension Array where Element == String {
    /// The component at `index`, or "" past the end.
    func component(_ index: Int) -> String { index < count ? self[index] : "" }
}

/// One page of a list, the total across all pages, and where the next page starts (nil on the last).
public struct Page<Item, Cursor: PageCursor> {
    public let items: [Item]
    /// Matches across all pages, counted up to `Store.exactTotalLimit`.
    public let total: Int
    /// False when there are more matches than `total` (the count stopped at the cap).
    public let totalIsExact: Bool
    public let next: Cursor?

    public init(items: [Item], total: Int, totalIsExact: Bool = true, next: Cursor?) {
        self.items = items
        self.total = total
        self.totalIsExact = totalIsExact
        self.next = next
    }
}

/// Lists sorted by id alone (parties, people, topics, demands, sources).
public struct IDCursor: PageCursor {
    public let id: String

    public init(id: String) { self.id = id }

    public var components: [String] { [id] }

    public init(components: [String]) {
        id = components.component(0)
    }
}

/// Record ids: lowercase ASCII letters, digits and hyphens (the schema's CHECK), at most 100 characters.
public enum Slug {
    public static let maximumLength = 100

    public static func isValid(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= maximumLength else { return false }
        return utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}

