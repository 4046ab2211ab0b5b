import ParleyCluster

/// `parley cluster members --cluster A:P[,A:P]` and `parley cluster remove ADDRESS --cluster A:P[,A:P]`.
enum ClusterCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        guard let action = arguments.first else {
            throw Arguments.UsageError(description: "cluster needs an action: members or remove; see 'parley cluster --help'")
        }
        let options = try Arguments(Array(arguments.dropFirst()), valued: ["cluster"], flags: [])
        guard let members = try ClusterAccess.members(options) else {
            throw Arguments.UsageError(description: "cluster \(action) needs --cluster A:P[,A:P] (any members' node addresses)")
        }
        switch action {
        case "members":
            guard options.positional.isEmpty else { throw Arguments.UsageError(description: "unexpected argument '\(options.positional[0])'") }
            for member in try ClusterAdmin.members(through: members) {
                print("\(member.id)  \(member.address)  \(member.role)")
            }
            return 0
        case "remove":
            guard options.positional.count == 1, NodeAddress.isValid(options.positional[0]) else {
                throw Arguments.UsageError(description: "cluster remove takes one member's node address (a.b.c.d:port)")
            }
            let id = try ClusterAdmin.remove(options.positional[0], through: members)
            print("removed node \(id) at \(options.positional[0]) from the cluster")
            return 0
        default:
            throw Arguments.UsageError(description: "unknown cluster action '\(action)'; use members or remove")
        }
    }
}
