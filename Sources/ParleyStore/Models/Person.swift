/// A person the article names, under the corrected canonical name.
public struct Person: Sendable, Equatable {
    public let id: String
    public let name: String
    public let summary: String
    public var aliases: [Alias] = []
    public var posts: [Post] = []
    public var sources: [SourceRef] = []
}

/// A post held, with the party it serves where known and dates as precise as known (YYYY, YYYY-MM or YYYY-MM-DD).
public struct Post: Sendable, Equatable {
    public let title: String
    public let party: RecordRef?
    public let startDate: String?
    public let endDate: String?
    public let basis: String
}

public struct PersonFilter: Sendable, Equatable {
    /// People who held a post for this party.
    public var party: String?
    public var search: SearchQuery?

    public init() {}
}
