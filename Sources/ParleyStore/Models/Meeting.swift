/// A dated negotiation event the article tells of.
public struct Meeting: Sendable, Equatable {
    public let id: String
    public let title: String
    public let kind: String
    public let date: String
    public let endDate: String
    /// "stated" when the article gives the date, "inferred" when Parley resolved it (Monday → 2022-01-10).
    public let dateBasis: String
    public let locationCity: String?
    public let locationCountry: String?
    public let locationBasis: String?
    public let status: String
    public let summary: String
    public var parties: [RoleRef] = []
    public var participants: [RoleRef] = []
    public var topics: [RecordRef] = []
    public var sources: [SourceRef] = []

    public init(id: String, title: String, kind: String, date: String, endDate: String, dateBasis: String,
                locationCity: String?, locationCountry: String?, locationBasis: String?, status: String, summary: String,
                parties: [RoleRef] = [], participants: [RoleRef] = [], topics: [RecordRef] = [], sources: [SourceRef] = []) {
        self.id = id
        self.title = title
        self.kind = kind
        self.date = date
        self.endDate = endDate
        self.dateBasis = dateBasis
        self.locationCity = locationCity
        self.locationCountry = locationCountry
        self.locationBasis = locationBasis
        self.status = status
        self.summary = summary
        self.parties = parties
        self.participants = participants
        self.topics = topics
        self.sources = sources
    }
}

/// Filters for `/meetings`; nil means "any".
public struct MeetingFilter: Sendable, Equatable {
    /// Meetings in progress that day: date <= day <= end_date.
    public var day: Day?
    /// Meetings overlapping [from, to], both inclusive.
    public var from: Day?
    public var to: Day?
    public var party: String?
    public var person: String?
    public var topic: String?
    public var kind: String?
    public var search: SearchQuery?

    public init() {}
}

/// Meetings sort by (date, id).
public struct MeetingCursor: PageCursor {
    public let date: String
    public let id: String

    public init(date: String, id: String) {
        self.date = date
        self.id = id
    }

    public var components: [String] { [date, id] }

    /// Date, then id, byte by byte, without building the components: a merged page checks each row's order.
    public func precedes(_ other: MeetingCursor) -> Bool {
        date.utf8.elementsEqual(other.date.utf8) ? id.utf8.lexicographicallyPrecedes(other.id.utf8)
            : date.utf8.lexicographicallyPrecedes(other.date.utf8)
    }

    public init(components: [String]) {
        date = components.component(0)
        id = components.component(1)
    }
}
