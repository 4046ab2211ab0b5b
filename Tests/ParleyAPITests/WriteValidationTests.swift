import Foundation
@testable import ParleyAPI
import ParleyStore
import TestSupport
import Testing

/// Every way a write body can be refused, each as a problem document naming what is wrong.
@Suite struct WriteValidationTests {
    let api: TestAPI
    let token: String

    init() throws {
        api = try TestAPI()
        token = try api.token()
    }

    /// POSTs `body`, expects 422, returns the errors by pointer.
    func invalid(_ target: String, _ body: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: String] {
        let response = try api.post(target, body, token: token)
        #expect(response.status == 422, "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8", sourceLocation: sourceLocation)
        return try response.fieldErrors()
    }

    @Test func malformedJSONIs400() throws {
        for body in ["{", "{\"id\": \"x\",}", "not json", "{\"id\": \"a\", \"id\": \"b\"}", "\"\\ud800\""] {
            let response = try api.post("/topics", body, token: token)
            #expect(response.status == 400, "\(body)")
            #expect(try response.object()["detail"] as? String ?? "" != "")
        }
        let empty = try api.send("POST", "/topics", token: token, headers: [("Content-Type", "application/json"), ("Content-Length", "0")])
        #expect(empty.status == 400)
    }

    @Test func wrongTypesAreNamed() throws {
        let errors = try invalid("/meetings", """
            {"id": 7, "title": ["x"], "kind": "multilateral-talks", "date": 20220110, "date_basis": true, "status": null,
             "parties": {}, "topics": "arms-control", "summary": 1}
            """)
        for pointer in ["/id", "/title", "/date", "/date_basis", "/status", "/parties", "/topics", "/summary"] {
            #expect(errors[pointer] != nil, "\(pointer) in \(errors)")
        }
        #expect(errors["/title"]?.contains("string") == true)
        let notAnObject = try api.post("/topics", "[1, 2]", token: token)
        #expect(notAnObject.status == 422)
        #expect(try notAnObject.fieldErrors()[""]?.contains("object") == true)
    }

    /// JSON Schema's integers include 7.0 and 0.7e1; a fraction is not one.
    @Test func integersAreWholeNumbersHoweverWritten() throws {
        for (text, value) in [("7", 7), ("7.0", 7), ("7.00e0", 7), ("0.7e1", 7), ("70e-1", 7), ("-3.0", -3), ("0.0", 0),
                              ("1e2", 100), ("2E+1", 20)] {
            #expect(IntegralNumber.value(text) == value, "\(text)")
        }
        for text in ["7.5", "1e-1", "1.0000000000000001", "1e400", "99999999999999999999", "0.07e1"] {
            #expect(IntegralNumber.value(text) == nil, "\(text)")
        }
        let body = #"{"id": "whole", "name": "W", "sources": [{"source": "article", "paragraph": 2.0}, {"source": "article", "paragraph": 0.3e1}]}"#
        let created = try api.post("/topics", body, token: token)
        #expect(created.status == 201, "\(created.text)")
        #expect(try invalid("/topics", #"{"id": "part", "name": "P", "sources": [{"source": "article", "paragraph": 2.5}]}"#)["/sources/0/paragraph"] == "must be an integer")
    }

    @Test func missingRequiredFieldsAreNamed() throws {
        #expect(Set(try invalid("/meetings", "{}").keys) == ["/id", "/title", "/kind", "/date", "/date_basis", "/status"])
        #expect(Set(try invalid("/quotes", "{}").keys) == ["/id", "/text", "/kind"])
        #expect(Set(try invalid("/demands", "{}").keys) == ["/id", "/text", "/party"])
        #expect(Set(try invalid("/parties", "{}").keys) == ["/id", "/name", "/kind"])
        #expect(Set(try invalid("/people", "{}").keys) == ["/id", "/name"])
        #expect(Set(try invalid("/topics", "{}").keys) == ["/id", "/name"])
        #expect(try invalid("/topics", #"{"id": "t", "name": ""}"#)["/name"] == "must not be empty")
    }

    @Test func unknownFieldsAreNamed() throws {
        let errors = try invalid("/topics", #"{"id": "t-unknown", "name": "T", "colour": "red", "sources": [{"source": "article", "paragraph": 1, "line": 2}]}"#)
        #expect(errors["/colour"]?.hasPrefix("unknown field") == true)
        #expect(errors["/sources/0/line"]?.hasPrefix("unknown field") == true)
        // Pointers escape / and ~ (RFC 6901).
        #expect(try invalid("/topics", #"{"id": "t", "name": "T", "a/b~c": 1}"#)["/a~1b~0c"] != nil)
    }

    @Test func invalidDatesAndEndBeforeStart() throws {
        for date in ["2022-02-30", "2022-1-5", "12.1.2022", "2022-13-01", ""] {
            let errors = try invalid("/meetings", Bodies.meeting("bad-date").replacingOccurrences(of: "2022-02-10", with: date))
            #expect(errors["/date"]?.contains("YYYY-MM-DD") == true, "\(date)")
        }
        let body = Bodies.meeting("ends-early").replacingOccurrences(of: #""date_basis""#, with: #""end_date": "2022-02-09", "date_basis""#)
        #expect(try invalid("/meetings", body)["/end_date"] == "is before date (2022-02-10)")
        let post = #"{"id": "p-dates", "name": "P", "posts": [{"title": "T", "start_date": "2021-11", "end_date": "2021-01", "basis": "stated"}]}"#
        #expect(try invalid("/people", post)["/posts/0/end_date"] == "is before start_date (2021-11)")
        let partial = #"{"id": "p-partial", "name": "P", "posts": [{"title": "T", "start_date": "2021-13", "basis": "stated"}]}"#
        #expect(try invalid("/people", partial)["/posts/0/start_date"] != nil)
        let quote = #"{"id": "q-basis", "text": "T", "kind": "direct", "date": "2022-01-10"}"#
        #expect(try invalid("/quotes", quote)["/date_basis"]?.contains("required when date is set") == true)
    }

    @Test func idsMustBeLowercaseSlugs() throws {
        for id in ["Upper", "with space", "ümlaut", "under_score", "", String(repeating: "a", count: 101)] {
            #expect(try invalid("/topics", #"{"id": "\#(id)", "name": "T"}"#)["/id"] != nil, "\(id)")
        }
        #expect(try invalid("/meetings", Bodies.meeting("slug-kind").replacingOccurrences(of: "multilateral-talks", with: "Multilateral Talks"))["/kind"] != nil)
    }

    @Test func referencesMustExist() throws {
        let meeting = Bodies.meeting("dangling")
            .replacingOccurrences(of: #"{"id": "nato", "role""#, with: #"{"id": "atlantis", "role""#)
            .replacingOccurrences(of: "alexander-grushko", with: "nobody-at-all")
            .replacingOccurrences(of: #"{"id": "arms-control"}"#, with: #"{"id": "no-such-topic"}"#)
            .replacingOccurrences(of: #""paragraph": 4"#, with: #""paragraph": 99"#)
        let errors = try invalid("/meetings", meeting)
        #expect(errors["/parties/0/id"] == "no party with id 'atlantis'; see /parties")
        #expect(errors["/participants/0/id"] == "no person with id 'nobody-at-all'; see /people")
        #expect(errors["/topics/1/id"] == "no topic with id 'no-such-topic'; see /topics")
        #expect(errors["/sources/0/paragraph"]?.contains("has no paragraph 99") == true)
        let quote = Bodies.quote("dangling-quote", meeting: "no-such-meeting")
        #expect(try invalid("/quotes", quote)["/meeting/id"] == "no meeting with id 'no-such-meeting'; see /meetings")
        // The inline name the read API shows may be sent back, but only as it is.
        let named = #"{"id": "named-ref", "text": "T", "kind": "direct", "speaker": {"id": "julianne-smith", "name": "Someone Else"}}"#
        #expect(try invalid("/quotes", named)["/speaker/name"]?.contains("Julianne Smith") == true)
        let same = #"{"id": "named-ref", "text": "T", "kind": "direct", "speaker": {"id": "julianne-smith", "name": "Julianne Smith"}}"#
        #expect(try api.post("/quotes", same, token: token).status == 201)
    }

    @Test func listsHoldDistinctRecords() throws {
        let body = #"{"id": "twice", "name": "T", "kind": "state", "member_of": [{"id": "nato", "basis": "stated"}, {"id": "nato", "basis": "inferred"}], "aliases": [{"name": "A"}, {"name": "A"}]}"#
        let errors = try invalid("/parties", body)
        #expect(errors["/member_of/1/id"] == "'nato' is listed twice")
        #expect(errors["/aliases/1/name"] != nil)
        let itself = #"{"id": "narcissus", "name": "N", "kind": "alliance", "members": [{"id": "narcissus", "basis": "stated"}]}"#
        #expect(try invalid("/parties", itself)["/members/0/id"] != nil)
    }

    @Test func quoteOffsetsMustPointAtTheText() throws {
        // Paragraph 1: “We don’t have a crystal ball,” starts at code point 73.
        let paragraph = try #require(try Store.open(path: api.databasePath).paragraphText(source: "article", number: 1))
        let scalars = Array(paragraph.unicodeScalars)
        let text = "We don’t have a crystal ball,"
        let start = try #require((0..<scalars.count).first { String(String.UnicodeScalarView(scalars[$0...].prefix(text.unicodeScalars.count))) == text })
        let good = #"{"id": "offsets-ok", "text": "\#(text)", "kind": "direct", "sources": [{"source": "article", "paragraph": 1, "start": \#(start), "end": \#(start + text.unicodeScalars.count)}]}"#
        let created = try api.post("/quotes", good, token: token)
        #expect(created.status == 201, "\(created.text)")
        let bad = good.replacingOccurrences(of: "offsets-ok", with: "offsets-bad").replacingOccurrences(of: "\"start\": \(start)", with: "\"start\": \(start + 1)")
        #expect(try invalid("/quotes", bad)["/sources/0/start"]?.contains("not the quote's text") == true)
        let half = #"{"id": "offsets-half", "text": "T", "kind": "direct", "sources": [{"source": "article", "paragraph": 1, "start": 3}]}"#
        #expect(try invalid("/quotes", half)["/sources/0/end"] != nil)
        let two = #"{"id": "two-sources", "text": "T", "kind": "direct", "sources": [{"source": "article", "paragraph": 1}, {"source": "article", "paragraph": 2}]}"#
        #expect(try invalid("/quotes", two)["/sources"] != nil)
        // Without offsets a quote may stand in a paragraph (or nowhere).
        let unplaced = #"{"id": "no-offsets", "text": "T", "kind": "reported", "sources": [{"source": "article", "paragraph": 2}]}"#
        #expect(try api.post("/quotes", unplaced, token: token).status == 201)
        let sources = try api.record("/quotes/no-offsets")["sources"] as? [[String: Any]]
        #expect(sources?.first?["start"] is NSNull && sources?.first?["end"] is NSNull)
    }

    @Test func anExistingIdIs409() throws {
        let response = try api.post("/topics", Bodies.topic("arms-control"), token: token)
        #expect(response.status == 409)
        #expect((try response.object()["detail"] as? String)?.contains("already exists") == true)
        #expect(try api.record("/topics/arms-control")["name"] as? String == "Arms control", "untouched")
    }

    @Test func aBodyOverOneMebibyteIs413() throws {
        let big = #"{"id": "big", "name": ""# + String(repeating: "x", count: 1 << 20) + #""}"#
        let response = try api.post("/topics", big, token: token)
        #expect(response.status == 413)
        #expect(try api.get("/topics/big").status == 404)
    }

    @Test func bodiesOtherThanJSONAre415() throws {
        for contentType in ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin-1", "application/jsonx"] {
            let response = try api.post("/topics", Bodies.topic("typed"), token: token, headers: [("Content-Type", contentType)])
            #expect(response.status == 415, "\(contentType)")
            #expect(response.header("Accept-Post") == "application/json")
        }
        let none = try TestHTTPClient(port: api.port).request("POST", "/topics", headers: [("Authorization", "Bearer " + token)],
                                                              body: Array(Bodies.topic("untyped").utf8))
        #expect(none.status == 415, "no Content-Type")
        let merge = try api.post("/topics", Bodies.topic("typed"), token: token, headers: [("Content-Type", "application/merge-patch+json")])
        #expect(merge.status == 415, "a merge patch is not a new record")
        let patch = try api.patch("/topics/arms-control", #"{"name": "x"}"#, token: token, headers: [("Content-Type", "text/plain")])
        #expect(patch.status == 415)
        #expect(patch.header("Accept-Patch") == "application/merge-patch+json, application/json")
        for contentType in ["application/json", "Application/JSON; charset=UTF-8", "application/merge-patch+json; charset=\"utf-8\""] {
            let ok = try api.patch("/topics/arms-control", #"{"description": "d"}"#, token: token, headers: [("Content-Type", contentType)])
            #expect(ok.status == 200, "\(contentType)")
        }
    }

    @Test func writesTakeNoQueryParameters() throws {
        let response = try api.post("/topics?pretty=true", Bodies.topic("queried"), token: token)
        #expect(response.status == 400)
        #expect(try response.object()["parameter"] as? String == "pretty")
    }

    @Test func deletingAReferencedRecordIs409NamingTheReferrers() throws {
        let response = try api.delete("/people/julianne-smith", token: token)
        #expect(response.status == 409)
        let problem = try response.object()
        let referrers = try #require(problem["referenced_by"] as? [String])
        #expect(referrers.contains("/quotes/smith-crystal-ball-p1"))
        #expect(referrers.contains("/meetings/smith-press-webinar-2022-01-11"))
        #expect((problem["detail"] as? String)?.contains("/quotes/smith-crystal-ball-p1 (speaker)") == true)
        #expect(try api.get("/people/julianne-smith").status == 200)
        // Memberships count both ways.
        let member = try api.delete("/parties/estonia", token: token)
        #expect(member.status == 409)
        #expect((try member.object()["referenced_by"] as? [String])?.contains("/parties/nato") == true)
    }

    @Test func patchValidatesTheWholePatchedRecord() throws {
        let id = try api.patch("/topics/arms-control", #"{"id": "renamed-id"}"#, token: token)
        #expect(id.status == 422)
        #expect(try id.fieldErrors()["/id"]?.contains("cannot be changed") == true)
        let required = try api.patch("/topics/arms-control", #"{"name": null}"#, token: token)
        #expect(try required.fieldErrors()["/name"] == "required")
        let ends = try api.patch("/meetings/us-russia-geneva-2022-01-10", #"{"end_date": "2022-01-09"}"#, token: token)
        #expect(try ends.fieldErrors()["/end_date"] == "is before date (2022-01-10)")
        let location = try api.patch("/meetings/us-russia-geneva-2022-01-10", #"{"location": {"basis": null}}"#, token: token)
        #expect(try location.fieldErrors()["/location/basis"]?.contains("required when") == true)
        // The seed's quote offsets hold the text: changing one without the other is refused.
        let text = try api.patch("/quotes/smith-crystal-ball-p1", #"{"text": "We have a crystal ball"}"#, token: token)
        #expect(try text.fieldErrors()["/sources/0/start"] != nil)
        // Removing a member that does not exist names an unknown field all the same.
        let removals = try api.patch("/topics/arms-control", #"{"colour": null, "": null}"#, token: token)
        #expect(Set(try removals.fieldErrors().keys) == ["/colour", "/"])
        let nested = try api.patch("/meetings/us-russia-geneva-2022-01-10", #"{"location": {"zone": null}}"#, token: token)
        #expect(try nested.fieldErrors()["/location/zone"] == "unknown field")
        let inlineName = try api.patch("/quotes/smith-crystal-ball-p1", #"{"speaker": {"name": null}, "meeting": {"title": null}}"#, token: token)
        #expect(inlineName.status == 200, "an inline name is a known member: \(inlineName.text)")
        let notJSON = try api.patch("/topics/arms-control", "{", token: token)
        #expect(notJSON.status == 400)
        let unknown = try api.patch("/topics/no-such-topic", #"{"name": "x"}"#, token: token)
        #expect(unknown.status == 404)
        #expect(try api.record("/topics/arms-control")["name"] as? String == "Arms control")
    }

    @Test func theRefusedWritesLeftNoTrace() throws {
        _ = try invalid("/topics", "{}")
        _ = try api.post("/topics", Bodies.topic("arms-control"), token: token)
        #expect(try api.count("SELECT count(*) FROM changes WHERE actor <> 'seed'") == 0)
        #expect(try api.count("SELECT count(*) FROM topics") == 14)
    }
}
