import ParleyStore

/// Where a record is written: JSON or a CSV row. Encoders describe a record once (keys and values in
/// document order) and the sink decides the bytes; `fields=` trimming happens in the sink, at the
/// record's top level, so encoders never test for it.
///
/// Keys are `StaticString`s: every key an encoder writes is a field name fixed in its source, which the JSON sink copies
/// without escaping.
protocol RecordSink {
    mutating func key(_ name: StaticString)
    mutating func string(_ value: String?)
    mutating func int(_ value: Int?)
    mutating func bool(_ value: Bool)
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
}

extension RecordSink {
    mutating func field(_ name: StaticString, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: Int?) { key(name); int(value) }
    mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }

    /// `{"id": …, "name": …}` or null; `nameKey` is "title" for meetings.
    mutating func ref(_ name: StaticString, _ ref: RecordRef?, nameKey: StaticString = "name") {
        key(name)
        guard let ref else { return string(nil) }
        beginObject()
        field("id", ref.id)
        field(nameKey, ref.name)
        endObject()
    }

    /// `name: [{…}, …]`, each element's members written by `members`.
    mutating func objects<Item>(_ name: StaticString, _ items: [Item], _ members: (inout Self, Item) -> Void) {
        key(name)
        beginArray()
        for item in items {
            beginObject()
            members(&self, item)
            endObject()
        }
        endArray()
    }

    mutating func refs(_ name: StaticString, _ refs: [RecordRef]) {
        objects(name, refs) { $0.field("id", $1.id); $0.field("name", $1.name) }
    }

    mutating func roleRefs(_ name: StaticString, _ refs: [RoleRef]) {
        objects(name, refs) { $0.field("id", $1.id); $0.field("name", $1.name); $0.field("role", $1.role) }
    }

    mutating func aliases(_ aliases: [Alias]) {
        objects("aliases", aliases) { $0.field("name", $1.name); $0.field("note", $1.note) }
    }

    mutating func sources(_ sources: [SourceRef]) {
        objects("sources", sources) { $0.field("source", $1.source); $0.field("paragraph", $1.paragraph) }
    }
}

/// One top-level field of a record, as `fields=` names it. `subfields` are the keys of an object field
/// that CSV spreads over columns of their own (`location.city`, …).
struct FieldSpec: Sendable {
    let name: String
    let subfields: [String]

    init(_ name: String, subfields: [String] = []) {
        self.name = name
        self.subfields = subfields
    }
}

/// The fields a request asked for with `fields=a,b`; nil selection means all.
struct FieldSelection {
    let names: [String]?

    static let all = FieldSelection(names: nil)

    init(names: [String]?) {
        self.names = names
    }

    /// Parses `fields`, refusing an empty list or a name the collection does not have.
    init(_ value: String?, available: [FieldSpec]) throws {
        guard let value else {
            names = nil
            return
        }
        var names: [String] = []
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part)
            guard available.contains(where: { $0.name == name }) else {
                let shown = QueryParameters.shown(name)
                throw APIError.invalid("fields", name.isEmpty
                    ? "fields must be a comma-separated list of field names without empty entries"
                    : "unknown field '\(shown)' in fields; available: \(available.map(\.name).joined(separator: ", "))")
            }
            if !names.contains(name) { names.append(name) }
        }
        self.names = names
    }

    func includes(_ name: String) -> Bool {
        names?.contains(name) ?? true
    }

    func includes(_ name: StaticString) -> Bool {
        guard let names else { return true }
        return name.withUTF8Buffer { utf8 in names.contains { $0.utf8.elementsEqual(utf8) } }
    }
}
