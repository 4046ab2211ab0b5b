/// `--cluster A:P[,A:P]` on the commands that read or write a database: any members of a running cluster.
enum ClusterAccess {
    static func members(_ options: Arguments) throws -> [String]? {
        guard let list = options.optionalString("cluster") else { return nil }
        if options.optionalString("database") != nil {
            throw Arguments.UsageError(description: "--cluster and --database exclude each other: the cluster's database is its own")
        }
        let members = try NodeAddress.list(list)
        guard !members.isEmpty else { throw Arguments.UsageError(description: "--cluster needs at least one node address") }
        return members
    }
}

/// A dqlite node's address as Parley takes it: a.b.c.d:port or localhost:port (no DNS).
enum NodeAddress {
    /// Comma-separated addresses (`--join`, `--cluster`), each checked.
    static func list(_ text: String) throws -> [String] {
        let addresses = text.split(separator: ",").map(String.init).filter { !$0.isEmpty }
        for address in addresses where !isValid(address) {
            throw Arguments.UsageError(description: "'\(address)' is not a node address: expected a.b.c.d:port")
        }
        return addresses
    }

    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let port = Int(parts[1]), (1...65535).contains(port) else { return false }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        return parts[0] == "localhost" || (octets.count == 4 && octets.allSatisfy { UInt8($0) != nil })
    }
}
