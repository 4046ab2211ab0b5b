import Testing

/// A raw request for parameterised tests, shown in test output by a short label, not its bytes.
struct RawRequest: CustomTestStringConvertible, Sendable {
    let text: String
    let status: Int

    init(_ text: String, _ status: Int) {
        self.text = text
        self.status = status
    }

    var testDescription: String {
        let line = text.prefix { $0 != "\r" && $0 != "\n" }
        let shown = line.count > 40 ? line.prefix(40) + "…(\(text.utf8.count) bytes)" : Substring(text.debugDescription.prefix(90))
        return "\(status) ← \(shown)"
    }
}
