/// A response kept for an Idempotency-Key, to be sent again when the same request is retried.
public struct StoredResponse: Sendable, Equatable {
    public let status: Int
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func == (lhs: StoredResponse, rhs: StoredResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body && lhs.headers.elementsEqual(rhs.headers) { $0 == $1 }
    }
}

enum IdempotencySQL {
    static let expire = SQL("DELETE FROM idempotency_keys WHERE created_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-24 hours')")
    static let find = SQL("SELECT fingerprint, status, headers, body FROM idempotency_keys WHERE token = ?1 AND key = ?2")
    static let insert = SQL("""
        INSERT INTO idempotency_keys (token, key, fingerprint, status, headers, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        """)
}

/// Idempotency keys are scoped to the token that sent them and kept 24 hours. Call these inside the write
/// transaction of the request, so two retries racing each other see one another's key.
extension Store {
    /// The response first sent for this token and key, with the fingerprint of the request that got it.
    public func idempotentResponse(token: String, key: String) throws -> (fingerprint: String, response: StoredResponse)? {
        try database.withStatement(IdempotencySQL.expire) { try $0.run() }
        return try database.withStatement(IdempotencySQL.find) { statement in
            try statement.bind(1, token)
            try statement.bind(2, key)
            guard try statement.step() else { return nil }
            var headers: [(name: String, value: String)] = []
            for line in statement.text(2).split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...].dropFirst())))
            }
            return (statement.text(0), StoredResponse(status: statement.int(1), headers: headers,
                                                      body: Array(statement.text(3).utf8)))
        }
    }

    public func storeIdempotentResponse(token: String, key: String, fingerprint: String, response: StoredResponse) throws {
        try database.withStatement(IdempotencySQL.insert) { statement in
            try statement.bind(1, token)
            try statement.bind(2, key)
            try statement.bind(3, fingerprint)
            try statement.bind(4, response.status)
            try statement.bind(5, response.headers.map { $0.name + ": " + $0.value }.joined(separator: "\n"))
            try statement.bind(6, String(decoding: response.body, as: UTF8.self))
            try statement.run()
        }
    }
}
