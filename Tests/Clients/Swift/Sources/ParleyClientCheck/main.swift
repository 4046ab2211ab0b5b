// Drives a client that swift-openapi-generator made from Parley's served /openapi.json against a live Parley.
//   usage: ParleyClientCheck BASE_URL TOKEN
// Exits 0 when every check passes, 1 (after printing each failure) otherwise.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import OpenAPIRuntime
import OpenAPIURLSession
import HTTPTypes

struct CheckFailure: Error, CustomStringConvertible {
    let description: String
}

func check(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw CheckFailure(description: message()) }
}

let arguments = CommandLine.arguments
guard arguments.count == 3, let serverURL = URL(string: arguments[1]) else {
    print("usage: ParleyClientCheck BASE_URL TOKEN")
    exit(2)
}
/// Sends the token on every request (the document's `bearer` scheme); the generator leaves authentication to middleware.
struct BearerToken: ClientMiddleware {
    let token: String

    func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.authorization] = "Bearer \(token)"
        return try await next(request, body, baseURL)
    }
}

/// swift-openapi-runtime percent-encodes header parameters (apple/swift-openapi-generator #529, #857): an entity
/// tag `"r-…"` would go out as `%22r-…%22` and never match. The generator's maintainers advise a middleware that
/// sends such headers as they are; every Swift integrator that uses If-None-Match or If-Match needs this one.
struct RawConditionalHeaders: ClientMiddleware {
    func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        for name in [HTTPField.Name.ifNoneMatch, .ifMatch] {
            if let value = request.headerFields[name], let decoded = value.removingPercentEncoding {
                request.headerFields[name] = decoded
            }
        }
        return try await next(request, body, baseURL)
    }
}

/// No URLCache: a conditional GET must reach the server and its 304 reach the client.
let session: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.urlCache = nil
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    return URLSession(configuration: configuration)
}()
let client = Client(serverURL: serverURL, transport: URLSessionTransport(configuration: .init(session: session)),
                    middlewares: [BearerToken(token: arguments[2]), RawConditionalHeaders()])
let runID = String(UInt32.random(in: 0..<UInt32.max), radix: 16)

func unwrap<T>(_ value: T?, _ message: String) throws -> T {
    guard let value else { throw CheckFailure(description: message) }
    return value
}

var failures = 0
@MainActor func run(_ name: String, _ body: () async throws -> Void) async {
    do {
        try await body()
        print("ok:   \(name)")
    } catch {
        failures += 1
        print("FAIL: \(name): \(error)")
    }
}

/// The query items of a `links.next` URL (a path with a query, relative to the server).
func queryItems(_ link: String) -> [String: String] {
    let items = URLComponents(string: link)?.queryItems ?? []
    return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
}

await run("decodes /meetings?date=2022-01-12 into typed values") {
    let list = try await client.listMeetings(query: .init(date: "2022-01-12")).ok.body.json
    let meeting = try unwrap(list.data.first { $0.id == "nato-russia-council-2022-01-12" }, "no NATO–Russia talks on 12 January")
    try check(meeting.date == "2022-01-12", "date \(meeting.date)")
    try check(meeting.status == .scheduled, "status \(meeting.status)")
    try check(meeting.date_basis == .inferred, "date_basis \(String(describing: meeting.date_basis))")
    try check(meeting.location.city == "Brussels" && meeting.location.basis == .inferred, "location \(meeting.location)")
    try check(meeting.parties.contains { $0.id == "nato" } && meeting.parties.contains { $0.id == "russia" }, "parties \(meeting.parties)")
    try check(list.meta.total == list.data.count, "meta.total \(list.meta.total) for \(list.data.count) items")
}

await run("follows links.next to the end of a list") {
    var ids: [String] = []
    var page = try await client.listQuotes(query: .init(limit: 4)).ok.body.json
    let total = page.meta.total
    var pages = 1
    ids += page.data.map(\.id)
    while let next = page.links.next {
        let query = queryItems(next)
        page = try await client.listQuotes(query: .init(limit: query["limit"].flatMap(Int.init), cursor: query["cursor"])).ok.body.json
        ids += page.data.map(\.id)
        pages += 1
        try check(pages < 100, "more than 100 pages")
    }
    try check(ids.count == total && Set(ids).count == total, "\(ids.count) ids (\(Set(ids).count) distinct) for total \(total)")
    try check(pages == (total + 3) / 4, "\(pages) pages of 4 for \(total)")
}

await run("reads a quote with its speaker, party and meeting") {
    let quote = try await client.getQuote(path: .init(id: "sherman-catch-open-door")).ok.body.json.data
    try check(quote.kind == .partial, "kind \(quote.kind)")
    try check(quote.text == "catch NATO’s open door policy", "text \(quote.text)")
    try check(quote.speaker?.id == "wendy-sherman" && quote.speaker?.name == "Wendy Sherman", "speaker \(String(describing: quote.speaker))")
    try check(quote.party?.id == "united-states", "party \(String(describing: quote.party))")
    try check(quote.meeting?.id == "us-russia-geneva-2022-01-10" && quote.meeting?.title.isEmpty == false, "meeting \(String(describing: quote.meeting))")
    // A quote with no speaker decodes with speaker nil (the server sends null).
    let unattributed = try await client.getQuote(path: .init(id: "russia-insists-no-ukraine-membership")).ok.body.json.data
    try check(unattributed.speaker == nil && unattributed.party?.id == "russia", "unattributed \(unattributed)")
}

await run("decodes a fields= answer with the trimmed schema") {
    let output = try await client.listQuotes(query: .init(kind: .partial, fields: "id,text")).ok.body
    let trimmed = try output.application_vnd_period_parley_period_fields_plus_json
    try check(trimmed.data.count == 2 && trimmed.data.allSatisfy { $0.id != nil && $0.text != nil && $0.speaker == nil }, "\(trimmed.data)")
}

await run("creates a meeting with a token and reads the 201; patches it under If-Match") {
    let id = "client-meeting-\(runID)"
    let body = Components.Schemas.MeetingCreate(
        id: id, title: "A meeting a generated client wrote", kind: "multilateral-talks", date: "2022-02-10",
        date_basis: .stated, location: .init(city: "Vienna", country: "Austria", basis: .stated), status: .scheduled,
        parties: [.init(id: "osce", role: .host), .init(id: "russia", role: .negotiating_hyphen_side)],
        topics: [.init(id: "arms-control")], summary: "Written by the Swift client check.")
    let created = try await client.createMeeting(headers: .init(), body: .json(body))
    guard case let .created(response) = created else { throw CheckFailure(description: "not 201: \(created)") }
    try check(response.headers.Location.hasSuffix("/meetings/\(id)"), "Location \(response.headers.Location)")
    try check(!response.headers.ETag.isEmpty, "no ETag")
    let meeting = try response.body.json.data
    try check(meeting.id == id && meeting.location.city == "Vienna" && meeting.parties.count == 2, "\(meeting)")
    let read = try await client.getMeeting(path: .init(id: id)).ok.body.json.data
    try check(read == meeting, "GET differs from the 201")
    // A merge patch under If-Match with the 201's tag applies; the same tag again, now stale, is a 412.
    let patch = Components.Schemas.MeetingPatch(summary: "Patched by the Swift client check.")
    let patched = try await client.updateMeeting(path: .init(id: id), headers: .init(If_hyphen_Match: response.headers.ETag),
                                                 body: .application_merge_hyphen_patch_plus_json(patch))
    try check(try patched.ok.body.json.data.summary == "Patched by the Swift client check.", "patched summary")
    let stale = try await client.updateMeeting(path: .init(id: id), headers: .init(If_hyphen_Match: response.headers.ETag),
                                               body: .application_merge_hyphen_patch_plus_json(patch))
    guard case .preconditionFailed = stale else { throw CheckFailure(description: "stale If-Match not 412: \(stale)") }
}

await run("reads a 422 problem's errors") {
    let body = Components.Schemas.MeetingCreate(
        id: "Not A Slug", title: "", kind: "multilateral-talks", date: "2022-02-30", date_basis: .stated, status: .scheduled)
    let output = try await client.createMeeting(body: .json(body))
    guard case let .unprocessableContent(response) = output else { throw CheckFailure(description: "not 422: \(output)") }
    let problem = try response.body.application_problem_plus_json
    try check(problem.status == 422, "status \(problem.status)")
    let pointers = Set((problem.errors ?? []).map(\.pointer))
    try check(pointers.isSuperset(of: ["/id", "/date"]), "errors \(problem.errors ?? [])")
    try check((problem.errors ?? []).allSatisfy { !$0.detail.isEmpty }, "an error without detail")
}

await run("gets a 304 on a conditional GET") {
    let first = try await client.getMeeting(path: .init(id: "nato-russia-council-2022-01-12")).ok
    let etag = first.headers.ETag
    let again = try await client.getMeeting(path: .init(id: "nato-russia-council-2022-01-12"), headers: .init(If_hyphen_None_hyphen_Match: etag))
    guard case let .notModified(response) = again else { throw CheckFailure(description: "not 304: \(again)") }
    try check(response.headers.ETag == etag, "304 ETag \(response.headers.ETag) vs \(etag)")
    let list = try await client.listMeetings(query: .init(date: "2022-01-12")).ok
    let listAgain = try await client.listMeetings(query: .init(date: "2022-01-12"), headers: .init(If_hyphen_None_hyphen_Match: list.headers.ETag))
    guard case .notModified = listAgain else { throw CheckFailure(description: "list not 304: \(listAgain)") }
}

print(failures == 0 ? "all Swift client checks passed" : "\(failures) Swift client check(s) failed")
exit(failures == 0 ? 0 : 1)
