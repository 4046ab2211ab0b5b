// libFuzzer harness for request bodies (issue 10 §3): JSONReader, JSON merge patch (MergePatch) and the write
// validation (each collection's `draft(from:_:)` over `Validation`/`InputObject`), the steps WriteHandler runs on
// a POST or PATCH body before it touches the database. Built by Tests/Fuzz/run.sh over the whole API module; no
// database is opened: references resolve against a small in-memory set of records and paragraphs.
//
// The input's first byte picks the collection (6) and the method (POST, or PATCH of a valid record); the rest is
// the body. Invariants:
//   - nothing crashes or hangs (libFuzzer's -timeout), whatever the bytes;
//   - every body is answered exactly as WriteHandler answers it: empty or not JSON -> 400; JSON that does not make
//     a valid record -> 422 with a problem document (it parses, status 422, a non-empty `errors` array of
//     `{pointer, detail}` whose pointers are JSON Pointers); otherwise a record is accepted, and only then;
//   - an accepted draft has a slug id and survives its own document: `draft(from: document(draft))` is valid and
//     equal (PATCH relies on it to tell a no-op from a change);
//   - merge patch (RFC 7396): a non-object patch replaces the target; applying a patch twice is applying it once.

@testable import HTTPServer
@testable import ParleyAPI
@testable import ParleyStore

private func check(_ condition: Bool, _ message: @autoclosure () -> String, _ input: [UInt8]) {
    guard !condition else { return }
    fatalError("fuzz-body invariant violated: \(message())\ninput: \(String(decoding: input, as: UTF8.self).debugDescription)")
}

/// A few records of each collection and three paragraphs of the article, so references and offsets can resolve.
private struct MemoryResolver: ReferenceResolver {
    static let ids: Set<String> = [
        "nato", "russia", "united-states", "ukraine", "julianne-smith", "wendy-sherman", "arms-control", "open-door-policy",
        "us-russia-geneva-2022-01-10", "nato-russia-council-2022-01-12", "smith-crystal-ball-p1", "article",
    ]
    static let paragraphs: [Int: String] = [
        1: "No one knows for sure what will happen in the negotiations with Russia. “We don’t have a crystal ball,” says U.S. NATO envoy Julianne Smith.",
        5: "Deputy Minister of Foreign Affairs of Russia Alexander Gruško spoke at the “moment of truth” about the forthcoming NATO talks on Wednesday, according to AFP news agency.",
        8: "Military alliance NATO rose to the center of talks as early as Monday. The U.S. Sherman stressed that he made it clear that no one has the right to “catch NATO’s open door policy”. At the same time, Russia’s Ryabkov demanded that the negotiations need a response – some kind of step – from NATO.",
    ]

    func name(of collection: RecordCollection, id: String) throws -> String? {
        Self.ids.contains(id) ? id.uppercased() : nil
    }

    func paragraph(source: String, number: Int) throws -> String? {
        source == "article" ? Self.paragraphs[number] : nil
    }
}

/// One valid body per collection: the PATCH target, and the seed corpus's starting point.
private let validBodies: [String] = [
    #"{"id": "m", "title": "T", "kind": "multilateral-talks", "date": "2022-02-10", "date_basis": "stated", "status": "scheduled", "location": {"city": "Brussels", "country": "Belgium", "basis": "stated"}, "parties": [{"id": "nato", "role": "negotiating-side"}], "participants": [{"id": "julianne-smith", "role": "envoy"}], "topics": [{"id": "arms-control"}], "summary": "s", "sources": [{"source": "article", "paragraph": 1}]}"#,
    #"{"id": "p", "name": "P", "kind": "state", "summary": "s", "aliases": [{"name": "Pee", "note": null}], "member_of": [{"id": "nato", "basis": "stated"}], "members": [], "sources": [{"source": "article", "paragraph": 5}]}"#,
    #"{"id": "x", "name": "X", "summary": "s", "aliases": [{"name": "Ex"}], "posts": [{"title": "envoy", "party": {"id": "united-states"}, "start_date": "2021-11-01", "end_date": null, "basis": "stated"}], "sources": []}"#,
    #"{"id": "q", "text": "moment of truth", "kind": "partial", "speaker": {"id": "julianne-smith"}, "party": {"id": "united-states"}, "date": "2022-01-11", "date_basis": "inferred", "meeting": {"id": "nato-russia-council-2022-01-12"}, "topics": [{"id": "arms-control"}], "attribution": "says", "sources": [{"source": "article", "paragraph": 5, "start": 76, "end": 91}]}"#,
    #"{"id": "t", "name": "T", "description": "d", "sources": [{"source": "article", "paragraph": 8}]}"#,
    #"{"id": "d", "text": "no enlargement", "summary": "s", "party": {"id": "russia"}, "addressees": [{"id": "nato"}], "meeting": {"id": "us-russia-geneva-2022-01-10"}, "topics": [{"id": "open-door-policy"}], "sources": [{"source": "article", "paragraph": 8}]}"#,
]

private enum Outcome: Equatable {
    case status(Int)
    case accepted
}

/// Byte-wise: a pointer "/" + a combining mark starts with "/" although its first Character is not "/".
private func isPointer(_ text: String) -> Bool { text.isEmpty || text.utf8.first == UInt8(ascii: "/") }

/// The 422 WriteHandler sends for these errors must be a well-formed problem document.
private func checkProblem(_ errors: [FieldError], _ singular: String, _ input: [UInt8]) {
    check(!errors.isEmpty, "a refused \(singular) with no field errors", input)
    let response = WriteProblem.invalid(errors, singular: singular)
    check(response.status == 422, "invalid -> \(response.status)", input)
    guard case let .object(members)? = try? JSONReader.parse(response.body) else {
        return check(false, "the 422 body is not a JSON object: \(String(decoding: response.body, as: UTF8.self))", input)
    }
    let status = members.first { $0.0 == "status" }?.1
    check(status == .number(JSONNumber(text: "422")), "problem status \(String(describing: status))", input)
    guard case let .array(listed)? = members.first(where: { $0.0 == "errors" })?.1 else {
        return check(false, "the 422 has no errors array", input)
    }
    check(listed.count == errors.count, "\(listed.count) errors listed for \(errors.count)", input)
    for error in errors {
        check(isPointer(error.pointer), "pointer \(error.pointer.debugDescription) is not a JSON Pointer", input)
        check(!error.detail.isEmpty, "an error without detail at \(error.pointer)", input)
    }
}

/// POST or PATCH of `body` for `R`, as WriteHandler takes it up to the database.
private func outcome<R: WritableResource>(_: R.Type, patching: Bool, body: [UInt8], input: [UInt8]) -> Outcome {
    guard !body.isEmpty else { return .status(400) }
    let value: JSONValue
    do { value = try JSONReader.parse(body) } catch { return .status(400) }

    var target: JSONValue = .null
    var merged = value
    var absent: [String] = []
    if patching {
        let base = Validation(resolver: MemoryResolver())
        guard let current = try? R.draft(from: JSONReader.parse(Array(validBodies[index(of: R.self)].utf8)), base), base.isValid else {
            check(false, "the valid \(R.name) body does not validate", input)
            return .status(500)
        }
        target = R.document(current)
        merged = MergePatch.apply(value, to: target, at: "", removingAbsent: &absent)
        check(MergePatch.apply(value, to: merged) == merged, "merge patch is not idempotent", input)
        if case .object = value {} else { check(merged == value, "a non-object patch does not replace the target", input) }
    }

    let validation = Validation(resolver: MemoryResolver())
    for pointer in absent where !(pointer.dropFirst().contains("/") && (pointer.hasSuffix("/name") || pointer.hasSuffix("/title"))) {
        validation.fail(pointer, "unknown field")
    }
    let draft: R.Draft?
    do { draft = try R.draft(from: merged, validation) } catch {
        check(false, "validation threw \(error) without a database", input)
        return .status(500)
    }
    guard let draft, validation.isValid else {
        check(draft == nil || !validation.isValid, "a draft with errors", input)
        checkProblem(validation.errors, R.collection.singular, input)
        return .status(422)
    }
    check(Slug.isValid(draft.id), "accepted id \(draft.id.debugDescription) is not a slug", input)
    let again = Validation(resolver: MemoryResolver())
    let reread = try? R.draft(from: R.document(draft), again)
    check(again.isValid && reread == draft, "the draft's own document does not give it back: \(again.errors)", input)
    return .accepted
}

private func index<R: WritableResource>(of _: R.Type) -> Int {
    switch R.collection {
    case .meetings: 0
    case .parties: 1
    case .people: 2
    case .quotes: 3
    case .topics: 4
    case .demands: 5
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let selector = input.first else { return 0 }
    let body = Array(input.dropFirst())
    let patching = (selector / 6) % 2 == 1
    let result: Outcome
    switch selector % 6 {
    case 0: result = outcome(MeetingsResource.self, patching: patching, body: body, input: input)
    case 1: result = outcome(PartiesResource.self, patching: patching, body: body, input: input)
    case 2: result = outcome(PeopleResource.self, patching: patching, body: body, input: input)
    case 3: result = outcome(QuotesResource.self, patching: patching, body: body, input: input)
    case 4: result = outcome(TopicsResource.self, patching: patching, body: body, input: input)
    default: result = outcome(DemandsResource.self, patching: patching, body: body, input: input)
    }
    check([.status(400), .status(422), .accepted].contains(result), "answered \(result)", input)
    // A body that is not JSON is a 400, never a 422 or an acceptance.
    if (try? JSONReader.parse(body)) == nil { check(result == .status(400), "a body that is not JSON got \(result)", input) }
    return 0
}
