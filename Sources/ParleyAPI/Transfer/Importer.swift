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

    /// The collections whose names the resolver needs before any record is validated: their records refer to each
    /// other in any order (a party to its members, a person to parties, a meeting to both).
    static let namedFirst: Set<RecordCollection> = [.topics, .parties, .people]
    /// Referred to only by collections later in `order` (quotes and demands name a meeting; no meeting names one), so
    /// the validating thread learns their names as it reads them, before any record that needs them: the first read
    /// skips the meetings, the largest collection but one, instead of parsing them for their titles.
    static let namedInPassing: Set<RecordCollection> = [.meetings]

    /// Reads the file twice without holding its records: once to learn the names of the records others refer to in any
    /// order, once to validate and insert each (learning the meetings' names on the way). Memory is the file's bytes
    /// plus the names; time is linear in the records (the inserts run in `Store.bulkLoad`).
    public static func run(_ bytes: [UInt8], into store: Store) throws -> Summary {
        var resolver = try FileResolver(store: store)
        let members: [(String, JSONMember)]
        do {
            // Those named first are parsed now; the others only located, parsed on the second read.
            let located = Set(order.filter { !namedFirst.contains($0) }.map(\.rawValue))
            members = try JSONReader.parseObject(bytes, streamed: Set(namedFirst.map(\.rawValue)), located: located) { key, item in
                if let collection = RecordCollection(rawValue: key) { resolver.learn(collection, item) }
            }
        } catch let error as JSONReadError {
            throw StoreError.importRefused("the file is not JSON: \(error)")
        } catch {
            throw StoreError.importRefused("the file is not a JSON object")
        }
        var values: [String: JSONValue] = [:]
        var arrays: [RecordCollection: Range<Int>] = [:]
        for (key, member) in members {
            switch member {
            case let .value(value): values[key] = value
            case let .array(range): if let collection = RecordCollection(rawValue: key) { arrays[collection] = range }
            }
        }
        let known = ["format", "version", "schema_version", "data_version", "sources"] + order.map(\.rawValue)
        if let unknown = members.first(where: { !known.contains($0.0) }) {
            throw StoreError.importRefused("unknown member '\(unknown.0)' at the top of the file; an export has " + known.joined(separator: ", "))
        }
        guard values["format"] == .string(Exporter.format),
              case let .number(version)? = values["version"], version.intValue == Exporter.version else {
            throw StoreError.importRefused("not a parley export (version \(Exporter.version)): \"format\" must be \"\(Exporter.format)\" and \"version\" \(Exporter.version)")
        }
        for collection in order {
            if let value = values[collection.rawValue] {
                throw StoreError.importRefused("\"\(collection.rawValue)\" must be an array, not \(value.typeName)")
            }
            guard arrays[collection] != nil else {
                // Every export lists every collection, empty ones as []: a file without one is not a whole export, and
                // importing it would drop the seed's records of that collection for none.
                throw StoreError.importRefused("the file has no \"\(collection.rawValue)\"; an export lists every collection (" + order.map(\.rawValue).joined(separator: ", ") + "), an empty one as []; nothing was imported")
            }
        }

        // One transaction writes the whole file. In WAL mode every page of it would go to the WAL and be copied into
        // the database again at the checkpoint; with a rollback journal, only the pages that existed before (the
        // seed's) are journaled and the new ones are written once, as safely (synchronous=FULL either way). Leaving WAL
        // needs the file to itself: with another connection open it stays in WAL, only slower.
        let journaled = try store.database.setJournalMode("delete") == "delete"
        defer { if journaled { _ = try? store.database.setJournalMode("wal") } }
        return try store.write {
            let statement = try store.database.prepare("SELECT count(*) FROM changes WHERE actor <> 'seed'")
            let written = try statement.step() ? statement.int(0) : 0
            statement.reset()  // a statement left running would lock the tables bulkLoad rebuilds
            if written > 0 {
                throw StoreError.importRefused("the database is not empty: \(written) changes were written after the seed; import into a new file")
            }
            try checkSources(values["sources"], in: store)
            // Records refer to each other in any order within the file; foreign keys are checked at COMMIT.
            try store.database.execute("PRAGMA defer_foreign_keys = ON")
            let removed = try store.removeAllRecords(actor: "import")
            var errors: [FieldError] = []
            var errorCount = 0
            var counts: [(String, Int)] = []
            try store.bulkLoad(order: order, actor: "import") {
                let records = ValidatedRecords(bytes, arrays: arrays, order: order, resolver: resolver,
                                               learning: namedInPassing, validate: validate(bodies: store.bodyRenderer))
                defer { records.stop() }
                var count: [RecordCollection: Int] = [:]
                loop: while true {
                    switch records.next() {
                    case .end: break loop
                    case let .failed(error): throw error
                    case let .record(record):
                        count[record.collection, default: 0] += 1
                        if record.errors.isEmpty, errorCount == 0 { try record.insert?(store) }
                        errorCount += record.errors.count
                        for error in record.errors where errors.count < maximumErrorsShown {
                            errors.append(FieldError(pointer: "/\(record.collection.rawValue)/\(record.index)" + error.pointer,
                                                     detail: error.detail))
                        }
                    }
                }
                counts = order.map { ($0.rawValue, count[$0] ?? 0) }
                guard errorCount == 0 else {
                    let shown = errors.map { "  " + $0.description }.joined(separator: "\n")
                    let more = errorCount > errors.count ? "\n  … and \(errorCount - errors.count) more" : ""
                    throw StoreError.importRefused("the file has \(errorCount) invalid field(s); nothing was imported:\n" + shown + more)
                }
            }
            return Summary(removed: removed, counts: counts, dataVersion: try store.readDataVersion())
        }
    }

    /// Validates one record (on the validating thread): its id, its errors, and how to insert it when it has none. A
    /// meeting's stored body is rendered here too, from its draft, with `bodies` (the store's renderer).
    static func validate(bodies: (any BodyRenderer)?) -> @Sendable (RecordCollection, JSONValue, FileResolver) throws
        -> (String, [FieldError], ((Store) throws -> Void)?) {
        { collection, item, resolver in try validate(collection.resource, item, resolver, bodies) }
    }

    private static func validate<R: WritableResource>(_: R.Type, _ item: JSONValue, _ resolver: FileResolver,
                                                      _ bodies: (any BodyRenderer)?) throws
        -> (String, [FieldError], ((Store) throws -> Void)?) {
        let validation = Validation(resolver: resolver)
        guard let draft = try R.draft(from: item, validation), validation.isValid else { return ("", validation.errors, nil) }
        if let bodies, let meeting = draft as? MeetingDraft {
            // Every name it shows resolved, or the draft would have errors.
            let body = bodies.body(of: Meeting(saved: meeting) { (try? resolver.name(of: $0, id: $1)) ?? $1 })
            return (draft.id, [], { store in
                try store.create(draft, actor: "import")
                try store.storeLoadedBody(meetingID: meeting.id, body)
            })
        }
        return (draft.id, [], { store in try store.create(draft, actor: "import") })
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
/// The resolver is read by the validating thread: it holds what it needs, the database's paragraphs included.
struct FileResolver: ReferenceResolver, Sendable {
    /// The file's records by collection and id: their names, as far as read (`learn`).
    private var names: [RecordCollection: [String: String]] = [:]
    let paragraphs: [String: [Int: String]]

    init(store: Store) throws {
        var paragraphs: [String: [Int: String]] = [:]
        for source in try store.sources(after: nil, limit: QueryParameters.limitRange.upperBound).items {
            for paragraph in source.paragraphs { paragraphs[source.id, default: [:]][paragraph.number] = paragraph.text }
        }
        self.paragraphs = paragraphs
    }

    /// Notes a record of the file, by its id, and its name; a record without a name is noted by its id (its own
    /// validation says what is missing).
    mutating func learn(_ collection: RecordCollection, _ item: JSONValue) {
        guard case let .string(id)? = item["id"] else { return }
        if case let .string(name)? = item[collection.nameKey] { names[collection, default: [:]][id] = name } else {
            names[collection, default: [:]][id] = id
        }
    }

    func name(of collection: RecordCollection, id: String) throws -> String? {
        names[collection]?[id]
    }

    func paragraph(source: String, number: Int) throws -> String? {
        paragraphs[source]?[number]
    }
}
