import ParleyCluster
import ParleyStore

/// `parley token create --name NAME | list | revoke NAME [--database PATH]`.
enum TokenCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        guard let action = arguments.first else {
            throw Arguments.UsageError(description: "token needs an action: create, list or revoke; see 'parley --help'")
        }
        let options = try Arguments(Array(arguments.dropFirst()), valued: ["database", "name", "cluster"], flags: [])
        let path = options.string("database", environment: "PARLEY_DATABASE", default: "./parley.sqlite")
        // With --cluster, on a copy of the cluster's database whose writes go to the cluster (ClusterSnapshot).
        var snapshot: ClusterSnapshot?
        func open() throws -> Store {
            if let members = try ClusterAccess.members(options) {
                snapshot = try ClusterSnapshot(members: members, searchable: false)
                if let snapshot { return snapshot.store }
            }
            return try Store.open(path: path, mode: .existing)
        }
        defer { withExtendedLifetime(snapshot) {} }
        // The arguments are checked before the database is opened, and it is never created: a token written to a
        // mistyped path would be unknown to the server.
        switch action {
        case "create":
            guard options.positional.isEmpty else { throw unexpected(options.positional[0]) }
            guard let name = options.optionalString("name") else {
                throw Arguments.UsageError(description: "token create needs --name NAME")
            }
            let token = try open().createToken(name: name)
            // The token on stdout alone (so `$(parley token create …)` captures it); the advice on stderr.
            print(token)
            ParleyCommand.printError("token '\(name)' created; it is shown this once and stored only as a hash. Send it as: Authorization: Bearer <token>")
            return 0
        case "list":
            guard options.positional.isEmpty else { throw unexpected(options.positional[0]) }
            guard options.optionalString("name") == nil else { throw Arguments.UsageError(description: "token list takes no --name") }
            let tokens = try open().tokens()
            if tokens.isEmpty {
                print("no tokens; create one with: parley token create --name NAME")
                return 0
            }
            let width = max(4, tokens.map(\.name.count).max() ?? 0)
            print(pad("NAME", width) + "  " + pad("CREATED", 24) + "  REVOKED")
            for token in tokens {
                print(pad(token.name, width) + "  " + pad(token.createdAt, 24) + "  " + (token.revokedAt ?? "-"))
            }
            return 0
        case "revoke":
            guard options.optionalString("name") == nil else { throw Arguments.UsageError(description: "token revoke takes the name as an argument: parley token revoke NAME") }
            guard options.positional.count == 1 else {
                throw Arguments.UsageError(description: options.positional.isEmpty ? "token revoke needs a NAME" : "token revoke takes one NAME")
            }
            let name = options.positional[0]
            let revoked = try open().revokeToken(name: name)
            print(revoked ? "token '\(name)' revoked" : "token '\(name)' was already revoked")
            return 0
        default:
            throw Arguments.UsageError(description: "unknown token action '\(action)'; use create, list or revoke")
        }
    }

    private static func unexpected(_ argument: String) -> Arguments.UsageError {
        Arguments.UsageError(description: "unexpected argument '\(argument)'")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
