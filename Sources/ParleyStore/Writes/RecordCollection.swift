/// The collections records can be written to (sources come with migrations only).
public enum RecordCollection: String, CaseIterable, Sendable {
    case meetings, parties, people, quotes, topics, demands

    /// "meeting", "party", "person", … for messages.
    public var singular: String {
        switch self {
        case .meetings: "meeting"
        case .parties: "party"
        case .people: "person"
        case .quotes: "quote"
        case .topics: "topic"
        case .demands: "demand"
        }
    }

    /// The key an inline reference to a record of this collection names it by: meetings by `title`, others by `name`.
    public var nameKey: String { self == .meetings ? "title" : "name" }
}

/// One record that refers to another, and the field it does so in (for a 409 on delete).
public struct RecordReference: Sendable, Equatable, CustomStringConvertible {
    public let collection: RecordCollection
    public let id: String
    public let field: String

    public init(collection: RecordCollection, id: String, field: String) {
        self.collection = collection
        self.id = id
        self.field = field
    }

    /// `/quotes/smith-crystal-ball-p1`
    public var path: String { "/" + collection.rawValue + "/" + id }

    public var description: String { path + " (" + field + ")" }
}
