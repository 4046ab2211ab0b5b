import HTTPServer
import ParleyStore

/// `POST /quotes`, `PATCH /quotes/{id}`: `id`, `text`, `kind` required; `speaker`, `party`, `meeting` (references or
/// null), `date` with its `date_basis` (both or neither), `topics`, `attribution`, and `sources`: at most one
/// `{"source", "paragraph", "start", "end"}`. The offsets are optional (both or neither); when given, the paragraph's
/// text between them (in Unicode code points, end exclusive) must be the quote's text.
extension QuotesResource: WritableResource {
    static let collection = RecordCollection.quotes
    static let inputFields = ["id", "text", "kind", "speaker", "party", "date", "date_basis", "meeting", "topics",
                              "attribution", "sources"]

    static func draft(from body: JSONValue, _ validation: Validation) throws -> QuoteDraft? {
        guard let input = InputObject(body, at: "", allowed: inputFields, in: validation) else { return nil }
        let id = input.slug("id", required: true)
        let text = input.string("text", required: true, nonEmpty: true)
        let kind = input.oneOf("kind", QuoteFilter.kinds, required: true)
        let speaker = try input.reference("speaker", to: .people, nullable: true)
        let party = try input.reference("party", to: .parties, nullable: true)
        let date = input.day("date", nullable: true)
        let dateBasis = input.oneOf("date_basis", PartiesResource.bases, nullable: true)
        if date != nil && dateBasis == nil && (input.value("date_basis") ?? .null) == .null {
            input.fail("date_basis", "required when date is set (stated or inferred)")
        }
        if date == nil && dateBasis != nil && (input.value("date") ?? .null) == .null {
            input.fail("date_basis", "must be null while date is null")
        }
        let meeting = try input.reference("meeting", to: .meetings, nullable: true)
        let topics = try input.references("topics", to: .topics)
        let attribution = input.string("attribution")
        let source = try quoteSource(input, text: text)
        guard validation.isValid, let id, let kind else { return nil }
        return QuoteDraft(id: id, text: text, kind: kind, speaker: speaker, party: party, date: date?.text,
                          dateBasis: dateBasis, meeting: meeting, topics: topics, attribution: attribution, source: source)
    }

    private static func quoteSource(_ input: InputObject, text: String) throws -> QuoteSource? {
        let elements = input.array("sources")
        if elements.count > 1 { input.fail("sources", "a quote stands in one place: at most one source") }
        guard let (element, pointer) = elements.first,
              let object = InputObject(element, at: pointer, allowed: ["source", "paragraph", "start", "end"], in: input.validation)
        else { return nil }
        let paragraph = try object.paragraph()
        let start = object.integer("start", range: 0...Int(Int32.max), nullable: true)
        let end = object.integer("end", range: 1...Int(Int32.max), nullable: true)
        let hasStart = (object.value("start") ?? .null) != .null, hasEnd = (object.value("end") ?? .null) != .null
        if hasStart != hasEnd {
            object.fail(hasStart ? "end" : "start", "start and end are given together or not at all")
        }
        guard let paragraph else { return nil }
        guard let start, let end else { return QuoteSource(source: paragraph.source, paragraph: paragraph.paragraph, start: nil, end: nil) }
        let scalars = Array((try input.validation.resolver.paragraph(source: paragraph.source, number: paragraph.paragraph) ?? "").unicodeScalars)
        if end <= start {
            object.fail("end", "must be after start (\(start))")
        } else if end > scalars.count {
            object.fail("end", "is past the end of the paragraph (\(scalars.count) characters)")
        } else {
            var quoted = String.UnicodeScalarView()
            quoted.append(contentsOf: scalars[start..<end])
            if String(quoted) != text {
                object.fail("start", "the paragraph's text from start to end is '\(QueryParameters.shown(String(quoted)))', not the quote's text")
            }
        }
        return QuoteSource(source: paragraph.source, paragraph: paragraph.paragraph, start: start, end: end)
    }

    static func draft(of quote: Quote) -> QuoteDraft { QuoteDraft(quote) }

    static func document(_ draft: QuoteDraft) -> JSONValue {
        let sources: [JSONValue] = draft.source.map {
            [.object([("source", .string($0.source)), ("paragraph", Document.int($0.paragraph)),
                      ("start", Document.int($0.start)), ("end", Document.int($0.end))])]
        } ?? []
        return .object([
            ("id", .string(draft.id)), ("text", .string(draft.text)), ("kind", .string(draft.kind)),
            ("speaker", Document.ref(draft.speaker)), ("party", Document.ref(draft.party)),
            ("date", Document.string(draft.date)), ("date_basis", Document.string(draft.dateBasis)),
            ("meeting", Document.ref(draft.meeting)), ("topics", Document.refs(draft.topics)),
            ("attribution", .string(draft.attribution)), ("sources", .array(sources)),
        ])
    }
}
