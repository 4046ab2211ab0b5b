import HTTPServer
import ParleyStore

/// `parley import`: loads an export into an empty database, every record through the validation the write API uses.
///
/// *Empty* means: nothing but the seed. The migrations always seed a new database with the article's records, so a
/// database qualifies when every change in its feed is the seed's (`actor` = `seed`): a new file, or one that has
/// been migrated or served but never written to. Anything else is refused, so an import never merges into or
/// overwrites data someone wrote. In one transaction the seed's records are deleted (a `delete` change each), then
/// the file's records are created (a `create` change each), all with actor `import`: the feed stays append-only, so
/// a follower of this database stays right. Sources are part of the schema, not of an import: the file's sources
/// must be the database's, paragraph for paragraph. Any error leaves the database as it was.
public enum Importer {
    public struct Summary: Sendable {
        public let removed: Int
        public let counts: [(collection: String, count: Int)]
        public let dataVersion: Int
    }

    /// The collections in the order they are created: what others refer to comes first.
    static let order: [RecordCollection] = [.topics, .parties, .people, .meetings, .quotes, .demands]
    static let maximumErrorsShown = 20

    public static func run(_ bytes: [UInt8], into store: Store) throws -> Summary {
        let document: JSONValue
        do {
            document = try JSONReader.parse(bytes)
        } catch {
            throw StoreError.importRefused("the file is not JSON: \(error)")
        }
        guard case let .object(members) = document else { throw StoreError.importRefused("the file is not a JSON object") }
        let known = ["format", "version", "schema_version", "data_version", "sources"] + order.map(\.rawValue)
        if let unknown = members.first(where: { !known.contains($0.0) }) {
            throw StoreError.importRefused("unknown member '\(unknown.0)' at the top of the file; an export has " + known.joined(separator: ", "))
        }
        guard document["format"] == .string(Exporter.format),
              case let .number(version)? = document["version"], version.intValue == Exporter.version else {
            throw StoreError.importRefused("not a parley export (version \(Exporter.version)): \"format\" must be \"\(Exporter.format)\" and \"version\" \(Exporter.version)")
        }
        var records: [RecordCollection: [JSONValue]] = [:]
        for collection in order {
            switch document[collection.rawValue] {
            case nil:
                // Every export lists every collection, empty ones as []: a file without one is not a whole export, and
                // importing it would drop the seed's records of that collection for none.
                throw StoreError.importRefused("the file has no \"\(collection.rawValue)\"; an export lists every collection (" + order.map(\.rawValue).joined(separator: ", ") + "), an empty one as []; nothing was imported")
            case let .array(items)?: records[collection] = items
            case let value?: throw StoreError.importRefused("\"\(collection.rawValue)\" must be an array, not \(value.typeName)")
            }
        }
        let resolver = try FileResolver(records, store: store)

        return try store.write {
            let written = try store.database.prepare("SELECT count(*) FROM changes WHERE actor <> 'seed'")
            if try written.step(), written.int(0) > 0 {
                throw StoreError.importRefused("the database is not empty: \(written.int(0)) changes were written after the seed; import into a new file")
            }
            try checkSources(document["sources"], in: store)
            // Records refer to each other in any order within the file; foreign keys are checked at COMMIT.
            try store.database.execute("PRAGMA defer_foreign_keys = ON")
            let removed = try store.removeAllRecords(actor: "import")
            var errors: [FieldError] = []
            var counts: [(String, Int)] = []
            for collection in order {
                let items = records[collection] ?? []
                for (index, item) in items.enumerated() {
                    let prefix = "/" + collection.rawValue + "/" + String(index)
                    errors += try create(collection, item, resolver: resolver, store: store).map {
                        FieldError(pointer: prefix + $0.pointer, detail: $0.detail)
                    }
                }
                counts.append((collection.rawValue, items.count))
            }
            guard errors.isEmpty else {
                let shown = errors.prefix(maximumErrorsShown).map { "  " + $0.description }.joined(separator: "\n")
                let more = errors.count > maximumErrorsShown ? "\n  … and \(errors.count - maximumErrorsShown) more" : ""
                throw StoreError.importRefused("the file has \(errors.count) invalid field(s); nothing was imported:\n" + shown + more)
            }
            return Summary(removed: removed, counts: counts, dataVersion: try store.readDataVersion())
        }
    }

    /// Validates and creates one record; returns its errors.
    private static func create(_ collection: RecordCollection, _ item: JSONValue, resolver: FileResolver,
                               store: Store) throws -> [FieldError] {
        switch collection {
        case .topics: try create(TopicsResource.self, item, resolver, store)
        case .parties: try create(PartiesResource.self, item, resolver, store)
        case .people: try create(PeopleResource.self, item, resolver, store)
        case .meetings: try create(MeetingsResource.self, item, resolver, store)
        case .quotes: try create(QuotesResource.self, item, resolver, store)
        case .demands: try create(DemandsResource.self, item, resolver, store)
        }
    }

    private static func create<R: WritableResource>(_: R.Type, _ item: JSONValue, _ resolver: FileResolver,
                                                    _ store: Store) throws -> [FieldError] {
        let validation = Validation(resolver: resolver)
        guard let draft = try R.draft(from: item, validation), validation.isValid else { return validation.errors }
        if try store.exists(R.collection, id: draft.id) {
            return [FieldError(pointer: "/id", detail: "'\(draft.id)' is in the file twice")]
        }
        try store.create(draft, actor: "import")
        return []
    }

    /// The file's sources must be the database's own (sources come with the migrations).
    private static func checkSources(_ value: JSONValue?, in store: Store) throws {
        guard let value, value != .null else { return }
        guard case let .array(sources) = value else { throw StoreError.importRefused("\"sources\" must be an array") }
        for (index, source) in sources.enumerated() {
            guard case let .string(id)? = source["id"] else {
                throw StoreError.importRefused("/sources/\(index): a source needs an id")
            }
            guard let stored = try store.source(id: id) else {
                throw StoreError.importRefused("/sources/\(index): this database has no source '\(id)'; sources come with the migrations and are not imported")
            }
            var paragraphs: [(Int, String)] = []
            if case let .array(items)? = source["paragraphs"] {
                for item in items {
                    guard case let .number(number)? = item["number"], let value = number.intValue,
                          case let .string(text)? = item["text"] else { continue }
                    paragraphs.append((value, text))
                }
            }
            guard paragraphs.count == stored.paragraphs.count,
                  zip(paragraphs, stored.paragraphs).allSatisfy({ $0.0 == $1.number && $0.1 == $1.text }) else {
                throw StoreError.importRefused("/sources/\(index): the paragraphs of source '\(id)' differ from this database's; quotes would point at the wrong text")
            }
        }
    }
}

/// References resolve against the file being imported (the database's records are being replaced); paragraphs
/// against the database.
struct FileResolver: ReferenceResolver {
    let names: [RecordCollection: [String: String]]
    let store: Store

    init(_ records: [RecordCollection: [JSONValue]], store: Store) throws {
        var names: [RecordCollection: [String: String]] = [:]
        for (collection, items) in records {
            var table: [String: String] = [:]
            for item in items {
                guard case let .string(id)? = item["id"] else { continue }
                if case let .string(name)? = item[collection.nameKey] { table[id] = name } else { table[id] = id }
            }
            names[collection] = table
        }
        self.names = names
        self.store = store
    }

    func name(of collection: RecordCollection, id: String) throws -> String? {
        names[collection]?[id]
    }

    func paragraph(source: String, number: Int) throws -> String? {
        try store.paragraphText(source: source, number: number)
    }
}
