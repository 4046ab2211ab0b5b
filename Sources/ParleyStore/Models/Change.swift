/// One entry of the change feed: a record created, updated or deleted, by whom, in commit order.
public struct Change: Sendable, Equatable {
    public let seq: Int
    /// When it was committed, ISO 8601 in UTC with milliseconds.
    public let at: String
    public let collection: String
    public let id: String
    public let operation: String
    /// The name of the token that wrote it; `seed` for the seed's records, `import` for `parley import`.
    public let actor: String
}

/// `/changes` pages by sequence number.
public struct SeqCursor: PageCursor {
    public let seq: Int

    public init(seq: Int) { self.seq = seq }

    public var components: [String] { [String(seq)] }

    public init(components: [String]) {
        seq = Int(components.component(0)) ?? 0
    }
}
