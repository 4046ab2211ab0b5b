/// A fixed statement text. Statements are cached per connection by the identity of their `SQL`
/// object, so a lookup hashes a pointer, not the text. Only code builds these: never user input.
public final class SQL: Sendable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }
}
