import HTTPServer

/// `/`: what Parley is and where everything is.
enum RootDocument {
    static let description = "Parley serves the January 2022 negotiations between Russia and the United States, NATO and the OSCE "
        + "(Geneva 10 January, NATO 12 January, OSCE 13 January) as one news article tells them: "
        + "meetings, parties, people, quotes, topics and Russia's demands, each traced to the article's paragraphs. "
        + "Fields Parley infers rather than reads are marked with a basis of \"inferred\": among them, that the NATO–Russia talks "
        + "of 12 January sit in Brussels, and their name \"NATO–Russia Council\" (the article says only \"negotiations with NATO\"). "
        + "Reads are public; services holding a token add and correct records, and /changes lists every change in commit order."

    static func encode(pretty: Bool) -> [UInt8] {
        var json = JSONWriter(capacity: 1024, pretty: pretty)
        json.beginObject()
        json.field("name", "Parley")
        json.field("description", description)
        json.key("links")
        json.beginObject()
        json.field("self", "/")
        for kind in ResourceKind.allCases { json.field(kind.rawValue, "/" + kind.rawValue) }
        json.field("changes", "/changes")
        json.field("openapi", "/openapi.json")
        json.field("health", "/healthz")
        json.field("example", "/meetings?date=2022-01-12")
        json.endObject()
        json.endObject()
        return json.bytes
    }
}

/// `/healthz`: the database answers, and at which data and schema versions; in a cluster, this node's place in it.
enum HealthDocument {
    static func encode(dataVersion: Int, schemaVersion: Int, cluster: ClusterHealth?, pretty: Bool) -> [UInt8] {
        var json = JSONWriter(capacity: 128, pretty: pretty)
        json.beginObject()
        json.field("status", "ok")
        json.field("data_version", dataVersion)
        json.field("schema_version", schemaVersion)
        if let cluster {
            json.key("cluster")
            json.beginObject()
            json.field("node_id", String(cluster.nodeID))
            json.field("address", cluster.address)
            json.field("role", cluster.role)
            json.key("leader")
            json.string(cluster.leader)
            json.key("members")
            json.beginArray()
            for member in cluster.members {
                json.beginObject()
                json.field("id", String(member.id))
                json.field("address", member.address)
                json.field("role", member.role)
                json.endObject()
            }
            json.endArray()
            json.field("applied_entry", cluster.appliedEntry)
            json.key("following_error")
            json.string(cluster.followingError)
            json.endObject()
        }
        json.endObject()
        return json.bytes
    }
}

/// A cluster node's state as `/healthz` shows it (issue 11), so a lagging or cut-off node is visible.
public struct ClusterHealth: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var id: UInt64
        public var address: String
        /// voter, standby or spare.
        public var role: String

        public init(id: UInt64, address: String, role: String) {
            self.id = id
            self.address = address
            self.role = role
        }
    }

    public var nodeID: UInt64
    public var address: String
    /// leader, follower, or unknown while no leader answers.
    public var role: String
    public var leader: String?
    public var members: [Member]
    /// The last entry of the cluster's log applied to this node's file.
    public var appliedEntry: Int
    /// Why the last attempt to follow the leader failed; nil while following.
    public var followingError: String?

    public init(nodeID: UInt64, address: String, role: String, leader: String?, members: [Member], appliedEntry: Int, followingError: String?) {
        self.nodeID = nodeID
        self.address = address
        self.role = role
        self.leader = leader
        self.members = members
        self.appliedEntry = appliedEntry
        self.followingError = followingError
    }
}
