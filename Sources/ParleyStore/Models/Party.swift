/// A state, alliance, organization or union.
public struct Party: Sendable, Equatable {
    public let id: String
    public let name: String
    public let kind: String
    public let summary: String
    public var aliases: [Alias] = []
    /// Organizations this party belongs to.
    public var memberOf: [MembershipRef] = []
    /// This organization's members.
    public var members: [MembershipRef] = []
    public var sources: [SourceRef] = []
}

public struct PartyFilter: Sendable, Equatable {
    public var kind: String?
    /// Parties that are members of this organization.
    public var memberOf: String?

    public init() {}

    public static let kinds = ["state", "alliance", "organization", "union", "group"]
}
