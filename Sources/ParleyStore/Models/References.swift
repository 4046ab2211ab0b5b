/// A related record named inline, so a reader needs no second request: a party, person, topic or meeting
/// (for a meeting, `name` holds its title).
public struct RecordRef: Sendable, Equatable {
    public let id: String
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A related record with the part it plays (a party at a meeting, a participant's role).
public struct RoleRef: Sendable, Equatable {
    public let id: String
    public let name: String
    public let role: String

    public init(id: String, name: String, role: String) {
        self.id = id
        self.name = name
        self.role = role
    }
}

/// A paragraph of a source that a record comes from.
public struct SourceRef: Sendable, Equatable {
    public let source: String
    public let paragraph: Int

    public init(source: String, paragraph: Int) {
        self.source = source
        self.paragraph = paragraph
    }
}

/// Another name a party or person goes by: the article's spelling, the name in its own script, …
public struct Alias: Sendable, Equatable {
    public let name: String
    public let note: String?

    public init(name: String, note: String?) {
        self.name = name
        self.note = note
    }
}

/// One side of a membership (a state in NATO), with whether the article states it.
public struct MembershipRef: Sendable, Equatable {
    public let id: String
    public let name: String
    public let basis: String
}
