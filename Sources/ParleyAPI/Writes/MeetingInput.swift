import HTTPServer
import ParleyStore

/// `POST /meetings`, `PATCH /meetings/{id}`: `id`, `title`, `kind` (a slug such as `multilateral-talks`), `date`,
/// `date_basis` and `status` required; `end_date` (default: `date`; not before it), `location` (`city`, `country`,
/// `basis`: a basis is required when the city or the country is known), `parties` (`{"id", "role"}`),
/// `participants` (`{"id", "role"}`, role free text), `topics`, `summary` and `sources`.
extension MeetingsResource: WritableResource {
    static let collection = RecordCollection.meetings
    static let inputFields = ["id", "title", "kind", "date", "end_date", "date_basis", "location", "status", "parties",
                              "participants", "topics", "summary", "sources"]
    static let partyRoles = ["host", "negotiating-side", "subject", "consulted", "addressee", "author"]
    static let statuses = ["held", "scheduled"]

    static func draft(from body: JSONValue, _ validation: Validation) throws -> MeetingDraft? {
        guard let input = InputObject(body, at: "", allowed: inputFields, in: validation) else { return nil }
        let id = input.slug("id", required: true)
        let title = input.string("title", required: true, nonEmpty: true)
        let kind = input.slug("kind", required: true)
        let date = input.day("date", required: true)
        let endDate = input.day("end_date", nullable: true)
        if let date, let endDate, endDate < date { input.fail("end_date", "is before date (\(date))") }
        let dateBasis = input.oneOf("date_basis", PartiesResource.bases, required: true)
        var city: String?, country: String?, locationBasis: String?
        if let value = input.value("location"), value != .null,
           let location = InputObject(value, at: input.at("location"), allowed: ["city", "country", "basis"], in: validation) {
            city = location.nullableString("city", nonEmpty: true)
            country = location.nullableString("country", nonEmpty: true)
            locationBasis = location.oneOf("basis", PartiesResource.bases, nullable: true)
            if (city != nil || country != nil) && locationBasis == nil && location.value("basis") ?? .null == .null {
                location.fail("basis", "required when the city or the country is known (stated or inferred)")
            }
            if city == nil && country == nil && locationBasis != nil {
                location.fail("basis", "must be null while neither city nor country is known")
            }
        }
        let status = input.oneOf("status", statuses, required: true)
        let parties = try input.relations("parties", to: .parties, member: "role") { $0.oneOf("role", partyRoles, required: true) }
        let participants = try input.relations("participants", to: .people, member: "role") { $0.string("role") }
        let topics = try input.references("topics", to: .topics)
        let summary = input.string("summary")
        let sources = try input.sources("sources")
        guard validation.isValid, let id, let kind, let date, let dateBasis, let status else { return nil }
        return MeetingDraft(id: id, title: title, kind: kind, date: date.text, endDate: (endDate ?? date).text,
                            dateBasis: dateBasis, locationCity: city, locationCountry: country, locationBasis: locationBasis,
                            status: status, parties: parties.map { RoleDraft(id: $0.id, role: $0.value) },
                            participants: participants.map { RoleDraft(id: $0.id, role: $0.value) }, topics: topics,
                            summary: summary, sources: sources)
    }

    static func draft(of meeting: Meeting) -> MeetingDraft { MeetingDraft(meeting) }

    static func document(_ draft: MeetingDraft) -> JSONValue {
        func roles(_ list: [RoleDraft]) -> JSONValue {
            .array(list.map { .object([("id", .string($0.id)), ("role", .string($0.role))]) })
        }
        return .object([
            ("id", .string(draft.id)), ("title", .string(draft.title)), ("kind", .string(draft.kind)),
            ("date", .string(draft.date)), ("end_date", .string(draft.endDate)), ("date_basis", .string(draft.dateBasis)),
            ("location", .object([
                ("city", Document.string(draft.locationCity)), ("country", Document.string(draft.locationCountry)),
                ("basis", Document.string(draft.locationBasis)),
            ])),
            ("status", .string(draft.status)), ("parties", roles(draft.parties)), ("participants", roles(draft.participants)),
            ("topics", Document.refs(draft.topics)), ("summary", .string(draft.summary)),
            ("sources", Document.sources(draft.sources)),
        ])
    }
}
