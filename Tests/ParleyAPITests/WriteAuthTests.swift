import Foundation
import ParleyStore
import TestSupport
import Testing

/// Who may write: a valid token only; nobody on a read-only server. Reads stay public.
@Suite struct WriteAuthTests {
    /// Every write operation of the API, with a body that would succeed with a valid token.
    static func operations(_ suffix: String) -> [(method: String, target: String, body: String?)] {
        [
            ("POST", "/topics", Bodies.topic("auth-topic-\(suffix)")),
            ("PATCH", "/topics/arms-control", #"{"description": "Changed"}"#),
            ("DELETE", "/quotes/smith-crystal-ball-p1", nil),
        ]
    }

    @Test func withoutATokenEveryWriteIs401WithABearerChallenge() throws {
        let api = try TestAPI()
        let valid = try api.token()
        let revoked = try api.token("revoked-one")
        try Store.open(path: api.databasePath).revokeToken(name: "revoked-one")
        let cases: [(label: String, headers: [(String, String)], error: String?)] = [
            ("no Authorization", [], nil),
            ("another scheme", [("Authorization", "Basic dXNlcjpwYXNz")], nil),
            ("an empty bearer", [("Authorization", "Bearer ")], nil),
            ("an unknown token", [("Authorization", "Bearer parley_" + String(repeating: "0", count: 64))], "invalid_token"),
            ("a token with one digit changed", [("Authorization", "Bearer " + String(valid.dropLast()) + (valid.hasSuffix("0") ? "1" : "0"))], "invalid_token"),
            ("a revoked token", [("Authorization", "Bearer " + revoked)], "invalid_token"),
        ]
        let changesBefore = try api.count("SELECT count(*) FROM changes")
        for (label, headers, error) in cases {
            for operation in Self.operations("x") {
                let response = try api.send(operation.method, operation.target, token: nil, body: operation.body, headers: headers)
                #expect(response.status == 401, "\(label): \(operation.method) \(operation.target)")
                let challenge = try #require(response.header("WWW-Authenticate"), "\(label)")
                #expect(challenge.hasPrefix("Bearer realm=\"parley\""))
                if let error { #expect(challenge.contains("error=\"\(error)\""), "\(label): \(challenge)") }
                #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
                #expect(!response.text.contains("parley_"), "a 401 never echoes the token")
            }
        }
        let revokedResponse = try api.post("/topics", Bodies.topic("by-revoked"), token: revoked)
        #expect(revokedResponse.header("WWW-Authenticate")?.contains("revoked") == true)
        #expect(try api.count("SELECT count(*) FROM changes") == changesBefore, "nothing was written")
    }

    @Test func aValidTokenWritesAndIsTheChangesActor() throws {
        let api = try TestAPI()
        let token = try api.token("newsroom")
        #expect(token.hasPrefix("parley_") && token.utf8.count == 7 + 64)
        for operation in Self.operations("ok") {
            let response = try api.send(operation.method, operation.target, token: token, body: operation.body)
            #expect((200..<300).contains(response.status), "\(operation.method) \(operation.target): \(response.text)")
        }
        #expect(try api.count("SELECT count(*) FROM changes WHERE actor = 'newsroom'") == 3)
        // The scheme is case-insensitive (RFC 9110 §11.1).
        let lower = try api.send("POST", "/topics", token: nil, body: Bodies.topic("lowercase-scheme"),
                                 headers: [("Authorization", "bearer " + token)])
        #expect(lower.status == 201)
    }

    @Test func aRevokedTokenStopsAtOnce() throws {
        let api = try TestAPI()
        let token = try api.token("short-lived")
        #expect(try api.post("/topics", Bodies.topic("before-revoking"), token: token).status == 201)
        try Store.open(path: api.databasePath).revokeToken(name: "short-lived")
        // Every loop thread must refuse it on the very next request.
        for index in 0..<6 {
            #expect(try api.post("/topics", Bodies.topic("after-revoking-\(index)"), token: token).status == 401)
        }
    }

    @Test func readOnlyServersRefuseEveryWriteWith403() throws {
        let api = try TestAPI(readOnly: true)
        let token = try api.token()
        for operation in Self.operations("ro") {
            for auth in [token, nil] {
                let response = try api.send(operation.method, operation.target, token: auth, body: operation.body)
                #expect(response.status == 403, "\(operation.method) \(operation.target)")
                #expect(try response.object()["detail"] as? String == "this server is read-only (parley serve --read-only); writes are refused")
            }
        }
        #expect(try api.get("/topics/arms-control").status == 200, "reads still work")
        #expect(try api.count("SELECT count(*) FROM changes WHERE actor <> 'seed'") == 0)
    }

    @Test func readsNeedNoToken() throws {
        let api = TestAPI.shared
        for path in ["/meetings", "/changes", "/quotes/smith-crystal-ball-p1"] {
            #expect(try api.get(path).status == 200)
        }
    }

    @Test func tokensAreStoredAsHashesOnly() throws {
        let api = try TestAPI()
        let token = try api.token("hashed")
        let database = try Database(path: api.databasePath)
        let row = try database.prepare("SELECT hash FROM tokens WHERE name = 'hashed'")
        #expect(try row.step())
        #expect(row.text(0) == Tokens.hash(token) && row.text(0) != token && !row.text(0).contains(token.dropFirst(7)))
        let store = try Store.open(path: api.databasePath)
        #expect(try store.authenticate(token) == .valid(name: "hashed"))
        #expect(try store.authenticate(token + "0") == .unknown)
        #expect(throws: StoreError.self) { try store.createToken(name: "hashed") }
        #expect(throws: StoreError.self) { try store.createToken(name: "seed") }
        #expect(throws: StoreError.self) { try store.createToken(name: "has space") }
        #expect(throws: StoreError.self) { try store.revokeToken(name: "nobody") }
        #expect(try store.revokeToken(name: "hashed") == true)
        #expect(try store.revokeToken(name: "hashed") == false)
        #expect(try store.authenticate(token) == .revoked(name: "hashed"))
        #expect(try store.tokens().map(\.name) == ["hashed"])
    }

    @Test func tokensAreRandom() {
        let tokens = Set((0..<200).map { _ in Tokens.generate() })
        #expect(tokens.count == 200)
        for token in tokens.prefix(5) {
            #expect(token.utf8.dropFirst(7).allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        }
    }
}
