import Foundation
import TestSupport
import Testing

/// Every refusal is a problem document with the right status, naming what is wrong.
@Suite struct ErrorTests {
    let api = TestAPI.shared

    func problem(_ target: String, method: String = "GET", status: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let response = try api.request(method, target)
        #expect(response.status == status, "\(method) \(target): \(response.text)", sourceLocation: sourceLocation)
        #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8", sourceLocation: sourceLocation)
        let document = try JSON.object(response.body)
        #expect(document["status"] as? Int == status, sourceLocation: sourceLocation)
        #expect(document["type"] as? String == "about:blank", sourceLocation: sourceLocation)
        #expect(document["title"] is String && document["detail"] is String, sourceLocation: sourceLocation)
        return document
    }

    @Test(arguments: ["2022-02-30", "2022-1-5", "12.1.2022", "2022-13-01", "", "tomorrow", "2022-01-12T10:00:00Z", "%20"])
    func invalidDatesNameTheParameterAndTheFormat(_ value: String) throws {
        for parameter in ["date", "from", "to"] {
            for path in ["/meetings", "/quotes"] {
                let document = try problem("\(path)?\(parameter)=\(value)", status: 400)
                #expect(document["parameter"] as? String == parameter)
                let detail = document["detail"] as? String ?? ""
                #expect(detail.contains(parameter) && detail.contains("YYYY-MM-DD"), "\(detail)")
            }
        }
    }

    @Test func fromAfterTo() throws {
        for path in ["/meetings", "/quotes"] {
            let document = try problem("\(path)?from=2022-01-13&to=2022-01-12", status: 400)
            #expect((document["detail"] as? String)?.contains("after") == true)
        }
        #expect(try api.get("/meetings?from=2022-01-12&to=2022-01-12").status == 200)
    }

    @Test(arguments: ["0", "501", "-1", "abc", "1.5", "", "+5", "99999999999999999999", "1e2"])
    func limitOutOfRange(_ value: String) throws {
        let document = try problem("/meetings?limit=\(value)", status: 400)
        #expect(document["parameter"] as? String == "limit")
        #expect((document["detail"] as? String)?.contains("1 to 500") == true)
    }

    @Test func limitBounds() throws {
        #expect(try api.get("/meetings?limit=1").status == 200)
        #expect(try api.get("/meetings?limit=500").status == 200)
    }

    @Test func badCursors() throws {
        let next = try #require((try api.json("/meetings?limit=1")["links"] as? [String: Any])?["next"] as? String)
        let token = try #require(next.components(separatedBy: "cursor=").last?.components(separatedBy: "&").first)
        #expect(token.hasPrefix("meetings."))
        for cursor in ["x", "!!!", "bWVldGluZ3M", "meetings", "meetings.a!b", "meetings.ab%3D", "quotes.abc", "Meetings.abc"] {
            let document = try problem("/meetings?cursor=\(cursor)", status: 400)
            #expect(document["parameter"] as? String == "cursor")
        }
        // A meetings cursor means nothing to quotes.
        #expect(try problem("/quotes?cursor=\(token)", status: 400)["parameter"] as? String == "cursor")
        #expect(try api.get("/meetings?cursor=\(token)").status == 200)
        // Any cursor of the documented form is a position: it gives a page, perhaps an empty one.
        #expect(try api.get("/meetings?cursor=meetings.").status == 200)
        #expect(try api.get("/meetings?cursor=meetings.fn5-").status == 200)
    }

    @Test func unknownParametersAreNamed() throws {
        for (target, name) in [("/meetings?dat=2022-01-12", "dat"), ("/quotes?speeker=x", "speeker"), ("/meetings/x?limit=1", "limit"),
                               ("/openapi.json?pretty=true", "pretty"), ("/?x", "x"), ("/healthz?verbose=1", "verbose"),
                               ("/topics?q=risk", "q"), ("/parties?party=russia", "party")] {
            let document = try problem(target, status: 400)
            #expect(document["parameter"] as? String == name)
            #expect((document["detail"] as? String)?.contains("'\(name)'") == true)
        }
    }

    @Test func repeatedAndMalformedParameters() throws {
        #expect(try problem("/meetings?date=2022-01-12&date=2022-01-13", status: 400)["parameter"] as? String == "date")
        #expect(try problem("/meetings?q=%zz", status: 400)["parameter"] as? String == "q")
        #expect(try problem("/meetings?q=%C3", status: 400)["parameter"] as? String == "q")
        #expect(try problem("/meetings?format=xml", status: 400)["parameter"] as? String == "format")
        #expect(try problem("/meetings?pretty=yes", status: 400)["parameter"] as? String == "pretty")
        #expect(try problem("/meetings?fields=id,nope", status: 400)["parameter"] as? String == "fields")
        #expect(try problem("/quotes?kind=rumour", status: 400)["parameter"] as? String == "kind")
        #expect(try problem("/parties?kind=empire", status: 400)["parameter"] as? String == "kind")
        #expect(try problem("/meetings?party=Russia", status: 400)["parameter"] as? String == "party")
        #expect(try problem("/meetings?q=", status: 400)["parameter"] as? String == "q")
        #expect(try api.get("/meetings?q=Gru%C5%A1ko").status == 200)
    }

    @Test func unknownIds() throws {
        for path in ["/meetings/nope", "/parties/atlantis", "/people/nobody", "/quotes/none", "/topics/none", "/demands/none",
                     "/sources/none", "/meetings/NATO", "/meetings/%20", "/meetings/a%2Fb"] {
            _ = try problem(path, status: 404)
        }
        #expect((try problem("/people/nobody", status: 404)["detail"] as? String)?.contains("person") == true)
    }

    @Test func unknownPaths() throws {
        for path in ["/nope", "/meetings/", "/meetings/x/y", "//meetings", "/Meetings", "/meetings.json", "/healthz/", "/%zz"] {
            _ = try problem(path, status: 404)
        }
    }

    @Test func wrongMethodsGet405WithAllow() throws {
        let allowed = [
            "/meetings": "GET, HEAD, OPTIONS, POST", "/meetings/nato-russia-council-2022-01-12": "GET, HEAD, OPTIONS, PATCH, DELETE",
            "/sources": "GET, HEAD, OPTIONS", "/sources/article": "GET, HEAD, OPTIONS", "/": "GET, HEAD, OPTIONS",
            "/healthz": "GET, HEAD, OPTIONS", "/changes": "GET, HEAD, OPTIONS",
        ]
        for method in ["POST", "PUT", "PATCH", "DELETE", "TRACE", "QUERY"] {
            for (path, allow) in allowed where !allow.contains(method) {
                let response = try api.request(method, path)
                #expect(response.status == 405, "\(method) \(path)")
                #expect(response.header("Allow") == allow)
                #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            }
        }
        // Unknown paths stay 404 whatever the method.
        #expect(try api.request("POST", "/nope").status == 404)
    }

    @Test func errorsCarryCORSAndNoETag() throws {
        let response = try api.get("/meetings?limit=0")
        #expect(response.header("Access-Control-Allow-Origin") == "*")
        #expect(response.header("ETag") == nil)
    }
}
