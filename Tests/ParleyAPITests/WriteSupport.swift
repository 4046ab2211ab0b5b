import Foundation
import HTTPServer
import ParleyStore
import TestSupport
import Testing

/// Writing through a `TestAPI`: tokens made straight in its database, requests with a JSON body.
extension TestAPI {
    /// A new token named `name` (created in the server's database, as `parley token create` does).
    func token(_ name: String = "writer-\(UUID().uuidString.prefix(8).lowercased())") throws -> String {
        try Store.open(path: databasePath).createToken(name: name)
    }

    /// One request with a body on a new connection; `token` adds the Authorization header, `body` a JSON
    /// Content-Type unless `headers` names another.
    func send(_ method: String, _ target: String, token: String?, body: String? = nil,
              headers: [(String, String)] = []) throws -> TestResponse {
        var all = headers
        if let token { all.append(("Authorization", "Bearer " + token)) }
        if body != nil && !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
            all.append(("Content-Type", method == "PATCH" ? "application/merge-patch+json" : "application/json"))
        }
        let client = try TestHTTPClient(port: port)
        return try client.request(method, target, headers: all, body: Array((body ?? "").utf8))
    }

    func post(_ target: String, _ body: String, token: String, headers: [(String, String)] = []) throws -> TestResponse {
        try send("POST", target, token: token, body: body, headers: headers)
    }

    func patch(_ target: String, _ body: String, token: String, headers: [(String, String)] = []) throws -> TestResponse {
        try send("PATCH", target, token: token, body: body, headers: headers)
    }

    func delete(_ target: String, token: String, headers: [(String, String)] = []) throws -> TestResponse {
        try send("DELETE", target, token: token, headers: headers)
    }

    /// The `data` object of GET `target`.
    func record(_ target: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try JSON.item(try json(target, sourceLocation: sourceLocation))
    }

    /// Rows of one SQL count against the server's database.
    func count(_ sql: String) throws -> Int {
        let statement = try Database(path: databasePath).prepare(sql)
        return try statement.step() ? statement.int(0) : -1
    }
}

extension TestResponse {
    /// The parsed JSON object of the body.
    func object() throws -> [String: Any] { try JSON.object(body) }

    /// The `errors` of a 422 problem, as pointer → detail.
    func fieldErrors() throws -> [String: String] {
        let problem = try object()
        var errors: [String: String] = [:]
        for error in problem["errors"] as? [[String: Any]] ?? [] {
            if let pointer = error["pointer"] as? String { errors[pointer] = error["detail"] as? String ?? "" }
        }
        return errors
    }
}

/// Bodies for new records that pass validation, with a unique id.
enum Bodies {
    static func meeting(_ id: String, date: String = "2022-02-10") -> String {
        """
        {"id": "\(id)", "title": "Next round of NATO–Russia talks", "kind": "multilateral-talks", "date": "\(date)",
         "date_basis": "stated", "status": "scheduled",
         "location": {"city": "Brussels", "country": "Belgium", "basis": "stated"},
         "parties": [{"id": "nato", "role": "negotiating-side"}, {"id": "russia", "role": "negotiating-side"}],
         "participants": [{"id": "alexander-grushko", "role": "head of the Russian delegation"}],
         "topics": [{"id": "risk-reduction"}, {"id": "arms-control"}],
         "summary": "The allies and Russia meet again.", "sources": [{"source": "article", "paragraph": 4}]}
        """
    }

    static func quote(_ id: String, meeting: String? = nil) -> String {
        """
        {"id": "\(id)", "text": "We are ready to talk.", "kind": "direct", "speaker": {"id": "julianne-smith"},
         "party": {"id": "united-states"}, "date": "2022-02-10", "date_basis": "stated",
         "meeting": \(meeting.map { "{\"id\": \"\($0)\"}" } ?? "null"), "topics": [{"id": "dialogue"}], "attribution": "says"}
        """
    }

    static func topic(_ id: String, name: String = "A new topic") -> String {
        #"{"id": "\#(id)", "name": "\#(name)"}"#
    }
}
