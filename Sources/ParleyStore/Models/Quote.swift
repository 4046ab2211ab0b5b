/// A direct quotation, partial quotation or reported speech, with where it stands in its source.
public struct Quote: Sendable, Equatable {
    public let id: String
    /// Exactly as the article prints it.
    public let text: String
    public let kind: String
    public let speaker: RecordRef?
    public let party: RecordRef?
    public let date: String?
    public let dateBasis: String?
    /// For a meeting, `name` is its title.
    public let meeting: RecordRef?
    public let attribution: String
    /// Nil for a quote that comes from no source Parley holds (one written through the API).
    public let source: QuoteSource?
    public var topics: [RecordRef] = []
}

/// Where a quote's text stands: `paragraph` of `source`, Unicode code points [start, end).
/// The offsets are nil when not known (a quote written through the API without them).
public struct QuoteSource: Sendable, Equatable {
    public let source: String
    public let paragraph: Int
    public let start: Int?
    public let end: Int?

    public init(source: String, paragraph: Int, start: Int?, end: Int?) {
        self.source = source
        self.paragraph = paragraph
        self.start = start
        self.end = end
    }
}

public struct QuoteFilter: Sendable, Equatable {
    public var speaker: String?
    public var party: String?
    public var meeting: String?
    public var topic: String?
    public var kind: String?
    public var day: Day?
    public var from: Day?
    public var to: Day?
    public var search: SearchQuery?

    public init() {}

    public static let kinds = ["direct", "partial", "reported"]
}

/// Quotes sort in reading order: source, paragraph, offset, then id. A quote without a source sorts after every
/// sourced one (its source key is `~`, above any id), and one without offsets first in its paragraph (start -1).
public struct QuoteCursor: PageCursor {
    public let source: String
    public let paragraph: Int
    public let start: Int
    public let id: String

    public init(source: String, paragraph: Int, start: Int, id: String) {
        self.source = source
        self.paragraph = paragraph
        self.start = start
        self.id = id
    }

    public var components: [String] { [source, String(paragraph), String(start), id] }

    public init(components: [String]) {
        source = components.component(0)
        paragraph = Int(components.component(1)) ?? 0
        start = Int(components.component(2)) ?? 0
        id = components.component(3)
    }
}
