/// Turns what a user typed into an FTS5 query that cannot be read as FTS5 syntax.
///
/// The text is split into terms (runs of letters, digits and combining marks) and every term is written
/// as an FTS5 string, `"term"`, so `AND`, `NEAR(`, `*`, `"` or `)` are words to look for, never operators.
/// Terms are ANDed (FTS5's implicit operator). Diacritics are folded by the index's tokenizer
/// (`unicode61 remove_diacritics 2`), so `grusko` finds Gruško. Text without any term (`"`, `*`)
/// searches for nothing and finds nothing: `isEmpty`, and no expression to run.
public struct SearchQuery: Sendable, Equatable {
    /// The FTS5 expression, safe to bind to `MATCH ?`.
    public let expression: String
    public let terms: [String]

    public static let maximumLength = 200

    public init(_ userText: String) throws {
        guard userText.unicodeScalars.count <= Self.maximumLength else {
            throw StoreError.invalidSearch("q is longer than \(Self.maximumLength) characters")
        }
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            if !current.isEmpty { terms.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in userText.unicodeScalars {
            if Self.isTermScalar(scalar) { current.append(scalar) } else { finish() }
        }
        finish()
        guard !userText.isEmpty else {
            throw StoreError.invalidSearch("q must not be empty")
        }
        self.terms = terms
        // Terms hold no quote marks by construction; doubling them anyway keeps the quoting correct on its own.
        expression = terms.map { "\"" + $0.replacing("\"", with: "\"\"") + "\"" }.joined(separator: " ")
    }

    /// True when the text held no letter or digit: nothing can match.
    public var isEmpty: Bool { terms.isEmpty }

    /// Letters, digits and combining marks: what unicode61 keeps inside a token.
    static func isTermScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .nonspacingMark, .spacingMark, .enclosingMark, .privateUse:
            return true
        default:
            return false
        }
    }
}
