import Foundation
import HTTPServer
@testable import ParleyAPI
@testable import ParleyStore
import TestSupport
import Testing

/// Issue 10 §6: content written by one client must not turn hostile in another's spreadsheet or browser.
@Suite struct CSVInjectionTests {
    func parse(_ bytes: [UInt8]) -> [[String]] { CSV.parse(String(decoding: bytes, as: UTF8.self)) }

    /// OWASP's six triggers each get a leading single quote; other text, and a trigger later in the cell, does not.
    @Test func textCellsBeginningWithAFormulaTriggerGetASingleQuote() {
        let cases: [(String, String)] = [
            (#"=HYPERLINK("http://evil.example","click")"#, #"'=HYPERLINK("http://evil.example","click")"#),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("-1", "'-1"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("a=1", "a=1"),
            ("2022-01-12", "2022-01-12"),
            ("'quoted", "'quoted"),
            ("", ""),
            ("Рябков", "Рябков"),
        ]
        for (stored, written) in cases {
            #expect(CSVSink.neutralised(stored) == written, "\(stored.debugDescription)")
        }
    }

    @Test func sinkNeutralisesTextButNotIntegerFields() throws {
        var sink = CSVSink(fields: MeetingsResource.fields, selection: try FieldSelection("id,title,location,summary,sources", available: MeetingsResource.fields))
        let meeting = Meeting(id: "m", title: #"=HYPERLINK("http://evil.example","click")"#, kind: "k", date: "2022-01-12",
                              endDate: "2022-01-12", dateBasis: "stated", locationCity: "@city", locationCountry: "-",
                              locationBasis: "inferred", status: "held", summary: "+cmd|' /C calc'!A0",
                              parties: [], sources: [SourceRef(source: "article", paragraph: 4)])
        MeetingsResource.encode(meeting, into: &sink)
        #expect(parse(sink.bytes) == [
            ["id", "title", "location.city", "location.country", "location.basis", "summary", "sources"],
            ["m", #"'=HYPERLINK("http://evil.example","click")"#, "'@city", "'-", "inferred", "'+cmd|' /C calc'!A0", "article:4"],
        ])
    }

    /// Written with a token: the CSV export neutralises, the JSON keeps the stored text verbatim.
    @Test func aWrittenFormulaIsInertInCSVAndVerbatimInJSON() throws {
        let api = try TestAPI()
        let token = try api.token()
        let title = #"=HYPERLINK("http://evil.example","click")"#
        let summary = "+cmd|' /C calc'!A0"
        var body = try JSON.object(Array(Bodies.meeting("formula-meeting").utf8))
        body["title"] = title
        body["summary"] = summary
        let text = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let created = try api.post("/meetings", text, token: token)
        #expect(created.status == 201, "\(created.text)")

        let record = try api.record("/meetings/formula-meeting")
        #expect(record["title"] as? String == title)
        #expect(record["summary"] as? String == summary)

        let csv = try api.get("/meetings?date=2022-02-10&format=csv&fields=id,title,summary")
        #expect(csv.status == 200)
        let rows = CSV.parse(csv.text)
        #expect(rows.first == ["id", "title", "summary"])
        #expect(rows.dropFirst().contains(["formula-meeting", "'" + title, "'" + summary]))
        // Nothing in any export row starts a formula.
        for row in rows { for cell in row { #expect(!(cell.first.map { "=+-@\t\r".contains($0) } ?? false), "\(cell)") } }
    }
}

/// `X-Content-Type-Options: nosniff` on every response: handler answers, cached ones, 304s, problems, writes.
@Suite struct NosniffTests {
    @Test func everyKindOfAPIResponseCarriesNosniff() throws {
        let api = try TestAPI()
        let token = try api.token()
        var responses: [(String, TestResponse)] = []
        let first = try api.get("/meetings?date=2022-01-12")
        responses.append(("list", first))
        responses.append(("cached list", try api.get("/meetings?date=2022-01-12")))
        responses.append(("304", try api.get("/meetings?date=2022-01-12", headers: [("If-None-Match", first.header("ETag") ?? "")])))
        responses.append(("csv", try api.get("/quotes?format=csv")))
        responses.append(("root", try api.get("/")))
        responses.append(("openapi", try api.get("/openapi.json")))
        responses.append(("metrics", try api.get("/metrics")))
        responses.append(("404", try api.get("/nowhere")))
        responses.append(("400", try api.get("/meetings?bogus=1")))
        responses.append(("HEAD", try api.request("HEAD", "/quotes")))
        responses.append(("OPTIONS", try api.request("OPTIONS", "/quotes")))
        responses.append(("405", try api.request("PUT", "/quotes")))
        responses.append(("401", try api.post("/meetings", Bodies.meeting("nosniff-unauthorised"), token: "wrong")))
        responses.append(("201", try api.post("/meetings", Bodies.meeting("nosniff-created"), token: token)))
        responses.append(("422", try api.post("/meetings", #"{"id": "x"}"#, token: token)))
        responses.append(("204", try api.delete("/meetings/nosniff-created", token: token)))
        #expect(responses.first { $0.0 == "304" }?.1.status == 304)
        for (name, response) in responses {
            #expect(response.header("X-Content-Type-Options") == "nosniff", "\(name) (\(response.status))")
        }
    }

    @Test func engineGeneratedErrorsCarryNosniff() throws {
        let api = try TestAPI()
        for raw in ["GET / HTTP/1.1\r\n\r\n", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", "BREW / HTTP/1.1\r\nHost: x\r\n\r\n"] {
            let client = try TestHTTPClient(port: api.port)
            try client.send(raw)
            let response = try #require(try client.readResponse())
            #expect(response.status >= 400)
            #expect(response.header("X-Content-Type-Options") == "nosniff", "\(raw.debugDescription)")
        }
    }
}
