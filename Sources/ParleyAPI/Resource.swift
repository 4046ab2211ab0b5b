import ParleyStore

/// A collection the API serves as `/<name>` and `/<name>/{id}`: its fields, its filters, how to read
/// a page or one record from the store, and how to write one record.
protocol Resource {
    associatedtype Item
    associatedtype Cursor: PageCursor

    /// The path segment and the cursor tag: "meetings".
    static var name: String { get }
    /// Top-level fields in the order they are written (what `fields=` may name, the CSV columns).
    static var fields: [FieldSpec] { get }
    /// Query parameters that filter the list, beyond the ones every list takes.
    static var filters: [String] { get }

    static func list(_ store: Store, _ query: QueryParameters, after cursor: Cursor?, limit: Int) throws
        -> Page<Item, Cursor>
    /// The page `list` reads, as its records' stored bodies (their JSON as `encode` writes it, `StoredBodies`), when the
    /// collection keeps them and each is current; nil, and the page is encoded, otherwise.
    static func storedBodies(_ store: Store, _ query: QueryParameters, after cursor: Cursor?, limit: Int) throws
        -> Page<[UInt8], Cursor>?
    /// One record's stored body, when the collection keeps them and it is current; nil, and the record is read, otherwise.
    static func storedBody(_ store: Store, id: String) throws -> [UInt8]?
    static func item(_ store: Store, id: String) throws -> Item?
    static func encode<Sink: RecordSink>(_ item: Item, into sink: inout Sink)
    /// `encode` into JSON, as a requirement of its own (the default below): reached from `any Resource.Type`, the
    /// generic `encode` goes through witness tables and every key and value it writes is a dynamic call; a requirement
    /// that names its sink is a witness specialized for it, once per collection.
    static func encodeJSON(_ item: Item, into sink: inout JSONSink)
}

extension Resource {
    static func storedBodies(_ store: Store, _ query: QueryParameters, after cursor: Cursor?, limit: Int) throws
        -> Page<[UInt8], Cursor>? { nil }

    static func storedBody(_ store: Store, id: String) throws -> [UInt8]? { nil }

    static func encodeJSON(_ item: Item, into sink: inout JSONSink) {
        encode(item, into: &sink)
    }
}

extension Resource {
    /// Every list also takes these.
    static var listParameters: [String] { filters + ["limit", "cursor", "fields", "format", "pretty"] }
    static var itemParameters: [String] { ["fields", "pretty"] }
}

/// The collections, for the router and for `/`.
enum ResourceKind: String, CaseIterable, Sendable {
    case meetings, parties, people, quotes, topics, demands, sources

    var type: any Resource.Type { visit(ResourceType()) }

    /// Calls `visitor` with this collection's concrete type: the one place a collection is mapped to its resource. A
    /// request's list or item is rendered through this rather than through `type`: from an `any Resource.Type` the
    /// generic code runs unspecialized, looking up the metadata of `Page<Item, Cursor>` and its optionals and calling
    /// every requirement through witness tables (about 2,500 instructions of the uncached headline); called with a
    /// concrete type, it is specialized for each collection.
    func visit<Visitor: ResourceVisitor>(_ visitor: Visitor) throws(Visitor.Failure) -> Visitor.Result {
        switch self {
        case .meetings: try visitor.visit(MeetingsResource.self)
        case .parties: try visitor.visit(PartiesResource.self)
        case .people: try visitor.visit(PeopleResource.self)
        case .quotes: try visitor.visit(QuotesResource.self)
        case .topics: try visitor.visit(TopicsResource.self)
        case .demands: try visitor.visit(DemandsResource.self)
        case .sources: try visitor.visit(SourcesResource.self)
        }
    }

    /// The collection the write API writes this one's records to; nil for sources, which are read-only. A switch, not
    /// `RecordCollection(rawValue:)`: it is read on every write, and that init compares the name as text.
    var writable: RecordCollection? {
        switch self {
        case .meetings: .meetings
        case .parties: .parties
        case .people: .people
        case .quotes: .quotes
        case .topics: .topics
        case .demands: .demands
        case .sources: nil
        }
    }
}

/// Work done with a collection's concrete resource type (`ResourceKind.visit`).
protocol ResourceVisitor {
    associatedtype Result
    associatedtype Failure: Error = any Error
    func visit<R: Resource>(_ resource: R.Type) throws(Failure) -> Result
}

/// The resource type itself, as an existential (`ResourceKind.type`).
private struct ResourceType: ResourceVisitor {
    func visit<R: Resource>(_ resource: R.Type) throws(Never) -> any Resource.Type { resource }
}
