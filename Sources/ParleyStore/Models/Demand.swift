/// One of the demands a party (Russia) put to others, as the article words it.
public struct Demand: Sendable, Equatable {
    public let id: String
    public let text: String
    public let summary: String
    public let party: RecordRef
    /// For a meeting, `name` is its title.
    public let meeting: RecordRef?
    public var addressees: [RecordRef] = []
    public var topics: [RecordRef] = []
    public var sources: [SourceRef] = []
}

public struct DemandFilter: Sendable, Equatable {
    /// The party making the demand.
    public var party: String?
    /// A party the demand is addressed to.
    public var addressee: String?
    public var topic: String?
    public var meeting: String?

    public init() {}
}
