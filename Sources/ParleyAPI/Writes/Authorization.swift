import HTTPServer
import ParleyStore

/// Bearer tokens (RFC 6750) on writes. Reads stay public. Tokens are never logged: the access log holds the target
/// only, and no message here repeats what the client sent.
enum Authorization {
    static let realm = "parley"

    /// The token of an `Authorization: Bearer <token>` header, nil when there is none or it is another scheme.
    static func bearerToken(_ request: HTTPRequest) -> Substring? {
        guard let header = request.headers["Authorization"] else { return nil }
        let value = Substring(header).trimmingASCIISpaces()
        guard value.utf8.count > 7, HTTPHeaders.sameName(value.prefix(6), "Bearer"),
              value.dropFirst(6).first == " " else { return nil }
        return value.dropFirst(7).trimmingASCIISpaces()
    }

    /// The name of the token the request carries, or a 401 to send.
    static func authenticate(_ request: HTTPRequest, in store: Store) throws -> Result<String, WriteAnswer> {
        guard let token = bearerToken(request) else {
            return .failure(unauthorized("this operation needs a token: send Authorization: Bearer <token> (see parley token create)",
                                         challenge: "Bearer realm=\"\(realm)\""))
        }
        switch try store.authenticate(String(token)) {
        case let .valid(name):
            return .success(name)
        case .revoked:
            return .failure(unauthorized("the token was revoked",
                                         challenge: "Bearer realm=\"\(realm)\", error=\"invalid_token\", error_description=\"the token was revoked\""))
        case .unknown:
            return .failure(unauthorized("the token is not known",
                                         challenge: "Bearer realm=\"\(realm)\", error=\"invalid_token\", error_description=\"the token is not known\""))
        }
    }

    private static func unauthorized(_ detail: String, challenge: String) -> WriteAnswer {
        WriteAnswer(WriteProblem.response(401, detail, headers: [("WWW-Authenticate", challenge)]))
    }
}
