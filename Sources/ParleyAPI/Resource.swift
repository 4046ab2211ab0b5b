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
    /// `encode` into JSON, as a requirement of its own (the default below): lists are rendered through
    /// `any Resource.Type`, where the generic `encode` is reached through witness tables and every key and value it
    /// writes is a dynamic call; a requirement that names its sink is a witness specialized for it, once per collection.
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

    var type: any Resource.Type { writable?.resource ?? SourcesResource.self }

    /// The collection the write API writes this one's records to; nil for sources, which are read-only. A switch, not
    /// `RecordCollection(rawValue:)`: `type` is read on every request, and that init compares the name as text.
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
