import HTTPServer
import ParleyStore

/// A collection the write API creates, patches and deletes records of. Its request bodies have the read API's field
/// names and shapes, with related records written as `{"id": …}` (the inline name the read API adds may be sent back
/// and must then be the related record's own).
protocol WritableResource: Resource {
    associatedtype Draft: StoredDraft

    static var collection: RecordCollection { get }
    /// The members a body may have.
    static var inputFields: [String] { get }
    /// Validates a whole record (a POST body, or a record after a merge patch) into a draft; nil when `validation`
    /// has errors. Throws only store errors (a busy database).
    static func draft(from body: JSONValue, _ validation: Validation) throws -> Draft?
    /// The draft of a stored record, to patch.
    static func draft(of item: Item) -> Draft
    /// A draft in the body's shape (related records by id only): the document a merge patch applies to.
    static func document(_ draft: Draft) -> JSONValue
}

extension RecordCollection {
    /// The resource of this collection's records: how they are validated, read, encoded and written.
    var resource: any WritableResource.Type {
        switch self {
        case .meetings: MeetingsResource.self
        case .parties: PartiesResource.self
        case .people: PeopleResource.self
        case .quotes: QuotesResource.self
        case .topics: TopicsResource.self
        case .demands: DemandsResource.self
        }
    }
}

/// Builders for the documents merge patches apply to.
enum Document {
    static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    static func int(_ value: Int?) -> JSONValue { value.map { .number(JSONNumber(text: String($0))) } ?? .null }

    static func ref(_ id: String?) -> JSONValue { id.map { .object([("id", .string($0))]) } ?? .null }

    static func refs(_ ids: [String]) -> JSONValue { .array(ids.map(ref)) }

    static func sources(_ sources: [SourceRef]) -> JSONValue {
        .array(sources.map { .object([("source", .string($0.source)), ("paragraph", int($0.paragraph))]) })
    }

    static func aliases(_ aliases: [Alias]) -> JSONValue {
        .array(aliases.map { .object([("name", .string($0.name)), ("note", string($0.note))]) })
    }
}

extension InputObject {
    /// `[{"name": …, "note": … or null}]` with distinct names.
    func aliases(_ name: String) -> [Alias] {
        var aliases: [Alias] = []
        for (element, pointer) in array(name) {
            guard let object = InputObject(element, at: pointer, allowed: ["name", "note"], in: validation) else { continue }
            let alias = object.string("name", required: true, nonEmpty: true)
            let note = object.nullableString("note")
            if aliases.contains(where: { $0.name == alias }) {
                object.fail("name", "'\(QueryParameters.shown(alias))' is listed twice")
            } else {
                aliases.append(Alias(name: alias, note: note))
            }
        }
        return aliases
    }

    /// References with one member of the relation's own (a role, a basis): `[{"id": …, <member>: …}]`, distinct ids.
    func relations(_ name: String, to collection: RecordCollection, member: String,
                   read: (InputObject) -> String?) throws -> [(id: String, value: String)] {
        var relations: [(id: String, value: String)] = []
        for (element, pointer) in array(name) {
            guard let (id, object) = try InputObject.reference(element, at: pointer, to: collection, extra: [member],
                                                               in: validation) else { continue }
            // The relation's own member is read (and its problems reported) even when the id does not resolve.
            guard let value = read(object), let id else { continue }
            if relations.contains(where: { $0.id == id }) {
                object.fail("id", "'\(id)' is listed twice")
            } else {
                relations.append((id, value))
            }
        }
        return relations
    }
}
