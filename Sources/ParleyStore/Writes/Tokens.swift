/// API tokens: created by `parley token create`, shown once, stored as their SHA-256 only.
public struct TokenInfo: Sendable, Equatable {
    public let name: String
    public let createdAt: String
    public let revokedAt: String?
}

/// What a presented token turned out to be.
public enum TokenCheck: Sendable, Equatable {
    case valid(name: String)
    case revoked(name: String)
    case unknown
}

public enum Tokens {
    /// Every token starts with this, so one pasted somewhere it should not be is easy to spot (and to scan for).
    public static let prefix = "parley_"
    /// Random bytes in a token: 256 bits, hex-encoded after the prefix.
    public static let randomBytes = 32
    /// Actors the change feed uses for itself; no token may take these names.
    public static let reservedNames: Set<String> = ["seed", "import"]

    /// A new token: the prefix and 32 bytes from the system's secure generator (getrandom on Linux), in hex.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(randomBytes)
        while bytes.count < randomBytes {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) where bytes.count < randomBytes {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return prefix + hex(bytes)
    }

    /// The stored form of a token: the SHA-256 of its UTF-8 bytes, in hex.
    public static func hash(_ token: String) -> String {
        SHA256.hex(Array(token.utf8))
    }

    /// Token names: 1–64 ASCII letters, digits, `.`, `_` or `-`, and not a reserved actor name.
    public static func checkName(_ name: String) throws {
        let utf8 = name.utf8
        guard !utf8.isEmpty, utf8.count <= 64, utf8.allSatisfy({
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39)
                || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D
        }) else {
            throw StoreError.invalidToken("a token name is 1 to 64 letters, digits, '.', '_' or '-'; got '\(name)'")
        }
        guard !reservedNames.contains(name) else {
            throw StoreError.invalidToken("'\(name)' is reserved for the change feed; choose another name")
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

enum TokenSQL {
    static let insert = SQL("INSERT INTO tokens (name, hash) VALUES (?1, ?2)")
    static let exists = SQL("SELECT revoked_at IS NOT NULL FROM tokens WHERE name = ?1")
    static let all = SQL("SELECT name, created_at, revoked_at FROM tokens ORDER BY created_at, name")
    static let hashes = SQL("SELECT name, hash, revoked_at IS NOT NULL FROM tokens")
    static let revoke = SQL("UPDATE tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE name = ?1 AND revoked_at IS NULL")
}

extension Store {
    /// Creates a token named `name` and returns it; only its hash is stored, so this is the one time it is seen.
    public func createToken(name: String) throws -> String {
        try Tokens.checkName(name)
        let token = Tokens.generate()
        try write {
            if try database.withStatement(TokenSQL.exists, { try $0.bind(1, name); return try $0.step() }) {
                throw StoreError.invalidToken("a token named '\(name)' already exists (names are never reused, even once revoked)")
            }
            try database.withStatement(TokenSQL.insert) { statement in
                try statement.bind(1, name)
                try statement.bind(2, Tokens.hash(token))
                try statement.run()
            }
        }
        return token
    }

    /// Every token's name, creation and revocation time, oldest first. Never the tokens.
    public func tokens() throws -> [TokenInfo] {
        try read {
            try database.withStatement(TokenSQL.all) { statement in
                var tokens: [TokenInfo] = []
                while try statement.step() {
                    tokens.append(TokenInfo(name: statement.text(0), createdAt: statement.text(1),
                                            revokedAt: statement.optionalText(2)))
                }
                return tokens
            }
        }
    }

    /// Revokes the token named `name`; false when it was already revoked. Unknown names throw.
    @discardableResult
    public func revokeToken(name: String) throws -> Bool {
        try write {
            let revoked = try database.withStatement(TokenSQL.exists) { statement -> Bool? in
                try statement.bind(1, name)
                return try statement.step() ? statement.bool(0) : nil
            }
            guard let revoked else { throw StoreError.invalidToken("no token named '\(name)'") }
            if revoked { return false }
            try database.withStatement(TokenSQL.revoke) { statement in
                try statement.bind(1, name)
                try statement.run()
            }
            return true
        }
    }

    /// Checks a presented token against every stored hash, each compared in constant time and all of them compared
    /// whatever matches, so neither timing nor the number of tokens tells anything about the token.
    public func authenticate(_ token: String) throws -> TokenCheck {
        let presented = Array(Tokens.hash(token).utf8)
        return try database.withStatement(TokenSQL.hashes) { statement in
            var result = TokenCheck.unknown
            while try statement.step() {
                let stored = Array(statement.text(1).utf8)
                if constantTimeEqual(presented, stored) {
                    result = statement.bool(2) ? .revoked(name: statement.text(0)) : .valid(name: statement.text(0))
                }
            }
            return result
        }
    }
}
