import Glibc

/// Flags as `--name value`, `--name=value` or bare `--switch`; anything unexpected is a usage error.
struct Arguments {
    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    private var values: [String: String] = [:]
    private var switches: Set<String> = []
    private(set) var positional: [String] = []

    /// `valued` are flags that take a value; `flags` are switches.
    init(_ arguments: [String], valued: Set<String>, flags: Set<String>) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--") else {
                positional.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var inline: String?
            if let equals = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if valued.contains(name) {
                if let inline {
                    values[name] = inline
                } else if index < arguments.count {
                    values[name] = arguments[index]
                    index += 1
                } else {
                    throw UsageError(description: "--\(name) needs a value")
                }
            } else if flags.contains(name) {
                guard inline == nil else { throw UsageError(description: "--\(name) takes no value") }
                switches.insert(name)
            } else {
                throw UsageError(description: "unknown option '--\(name)'")
            }
        }
    }

    func has(_ name: String) -> Bool { switches.contains(name) }

    func string(_ name: String, environment: String? = nil, default fallback: String) -> String {
        if let value = values[name] { return value }
        if let environment, let value = getenv(environment) { return String(cString: value) }
        return fallback
    }

    func optionalString(_ name: String) -> String? { values[name] }

    /// An integer within `range`, from the flag, then the environment variable, then the default.
    func int(_ name: String, environment: String? = nil, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        let text: String
        let origin: String
        if let value = values[name] {
            text = value
            origin = "--\(name)"
        } else if let environment, let value = getenv(environment) {
            text = String(cString: value)
            origin = environment
        } else {
            return fallback
        }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(description: "\(origin) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return number
    }
}
