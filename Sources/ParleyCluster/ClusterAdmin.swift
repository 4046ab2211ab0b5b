import DqliteClient
import ParleyAPI
import ParleyStore

/// `parley cluster members|remove`: a running cluster's membership, changed through its leader.
public enum ClusterAdmin {
    /// The members as the leader knows them (the same shape `/healthz` shows).
    public static func members(through addresses: [String]) throws -> [ClusterHealth.Member] {
        try ClusterReplication(members: addresses).onLeader { connection, _ in try connection.cluster().map(ClusterHealth.Member.init) }
    }

    /// Removes the member at `address` from the Raft configuration, so the quorum no longer counts it (a stopped node
    /// stays a voter until removed). Returns its id. A removed node that starts again on its old Raft data is not a
    /// member: give it a new --node-dir and --join to bring it back.
    @discardableResult
    public static func remove(_ address: String, through addresses: [String]) throws -> UInt64 {
        try ClusterReplication(members: addresses).onLeader { connection, _ in
            guard let member = try connection.cluster().first(where: { $0.address == address }) else {
                throw StoreError.clusterUnavailable("no member of the cluster has the address \(address)")
            }
            try connection.remove(id: member.id)
            return member.id
        }
    }
}
