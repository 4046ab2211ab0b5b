import Glibc

/// The methods RFC 9110 defines plus PATCH (RFC 5789) and QUERY (the safe method with a body).
/// A route that does not take one of these answers 405; any other token is answered 501 by the engine.
public enum HTTPMethod: String, Sendable, CaseIterable {
    case get = "GET", head = "HEAD", post = "POST", put = "PUT", patch = "PATCH"
    case delete = "DELETE", options = "OPTIONS", trace = "TRACE", connect = "CONNECT", query = "QUERY"

    init?(bytes: UnsafeBufferPointer<UInt8>) {
        // Matched on bytes so the hot path allocates no String for the method.
        switch bytes.count {
        case 3:
            if Self.equal(bytes, "GET") { self = .get } else if Self.equal(bytes, "PUT") { self = .put } else { return nil }
        case 4:
            if Self.equal(bytes, "HEAD") { self = .head } else if Self.equal(bytes, "POST") { self = .post } else { return nil }
        case 5:
            if Self.equal(bytes, "PATCH") { self = .patch } else if Self.equal(bytes, "TRACE") { self = .trace }
            else if Self.equal(bytes, "QUERY") { self = .query } else { return nil }
        case 6:
            if Self.equal(bytes, "DELETE") { self = .delete } else { return nil }
        case 7:
            if Self.equal(bytes, "OPTIONS") { self = .options } else if Self.equal(bytes, "CONNECT") { self = .connect } else { return nil }
        default:
            return nil
        }
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { lit in
            lit.count == bytes.count && memcmp(lit.baseAddress!, bytes.baseAddress!, lit.count) == 0
        }
    }
}

public enum HTTPVersion: Sendable, Equatable {
    case http10, http11

    public var text: String { self == .http10 ? "HTTP/1.0" : "HTTP/1.1" }
}
