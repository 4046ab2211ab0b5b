/// Writes a record's JSON body: the API's encoder, handed to the store (`Store.open(bodies:)`), which keeps the bytes
/// and never reads into them. A meeting's body is exactly what a list or an item writes for it without `fields=`.
public protocol BodyRenderer: Sendable {
    /// Names the encoding (a digest of a sample's body): a body of another format is never served, and a store opened
    /// with a renderer of another format renders every body again.
    var format: Int { get }
    func body(of meeting: Meeting) -> [UInt8]
}

/// Stored bodies (migration 9): derived data, kept exact by triggers (which delete a stale body and queue its id in
/// `stale_bodies`) and by `Store.write`, which renders what its write queued before committing. A page of meetings
/// whose bodies are all current needs neither its relations nor its encoding (`Store.meetingBodies`).
enum StoredBodies {
    static let tables = ["record_bodies", "stale_bodies"]
    /// The migration that made them (a store opened with an older list of migrations has none).
    static let firstVersion = 9

    static let stale = SQL("SELECT record_id FROM stale_bodies WHERE collection = 'meetings' ORDER BY record_id LIMIT ?1")
    static let unqueue = SQL("DELETE FROM stale_bodies WHERE collection = 'meetings' AND record_id = ?1")
    static let store = SQL("INSERT OR REPLACE INTO record_bodies (collection, record_id, format, body) VALUES ('meetings', ?1, ?2, ?3)")
    /// The body formats of the first and the last meeting in the list's order (NULL for none): every body is rendered
    /// in one transaction, so these two tell whether they were, and with which encoder, without reading the others.
    static let sampledFormats = SQL("""
        SELECT (SELECT b.format FROM record_bodies b WHERE b.collection = 'meetings' AND b.record_id = m.id)
        FROM (SELECT * FROM (SELECT id FROM meetings INDEXED BY meetings_order ORDER BY date, id LIMIT 1)
              UNION ALL SELECT * FROM (SELECT id FROM meetings INDEXED BY meetings_order ORDER BY date DESC, id DESC LIMIT 1)) m
        """)
    static let one = SQL("SELECT format, body FROM record_bodies WHERE collection = 'meetings' AND record_id = ?1")
    static let anyStale = SQL("SELECT EXISTS (SELECT 1 FROM stale_bodies)")

    /// After a bulk load, which stored bodies only for the meetings it created: whether it stored one for each.
    static func everyMeetingHasOne(in database: Database) throws -> Bool {
        guard try database.hasTable("record_bodies") else { return false }
        let statement = try database.prepare("""
            SELECT (SELECT count(*) FROM meetings) = (SELECT count(*) FROM record_bodies WHERE collection = 'meetings')
            """)
        return try statement.step() && statement.bool(0)
    }

    /// Rendered per batch: a rename may mark a party's every meeting.
    static let batch = 500

    static func clear(in database: Database) throws {
        guard try database.hasTable("record_bodies") else { return }
        try database.execute("DELETE FROM record_bodies")
        try database.execute("DELETE FROM stale_bodies")
    }
}

extension Store {
    /// Renders the bodies the current write transaction made stale (its triggers queued them). Without a renderer
    /// they stay queued: their bodies are gone, so lists encode those meetings until a store that renders writes.
    func renderStaleBodies() throws {
        guard let renderer = bodyRenderer else { return }
        while true {
            let ids = try database.withStatement(StoredBodies.stale) { statement in
                try statement.bind(1, StoredBodies.batch)
                var ids: [String] = []
                while try statement.step() { ids.append(statement.text(0)) }
                return ids
            }
            if ids.isEmpty { return }
            for meeting in try meetings(ids: ids) { try storeBody(of: meeting, renderer) }
            for id in ids { try run(StoredBodies.unqueue, id) }  // a deleted meeting's id leaves no body
        }
    }

    /// Renders every meeting's body again (after a bulk load, a migration, or under a renderer of another format),
    /// a page at a time in id order, its relations read per page.
    func renderAllBodies() throws {
        guard let renderer = bodyRenderer else { return }
        try StoredBodies.clear(in: database)
        var last = ""
        while true {
            let page = try meetings(afterID: last, limit: StoredBodies.batch)
            for meeting in page { try storeBody(of: meeting, renderer) }
            guard let next = page.last?.id else { return }
            last = next
        }
    }

    /// On opening with a renderer: renders every body when the sampled ones are missing or of another format, else
    /// only what is queued. Two lookups when all is current, so a start reads nothing in proportion to the data; the
    /// write lock only when there is something to render (decided again under it: loops open the file at once).
    func refreshBodies() throws {
        guard bodyRenderer != nil, !database.isImmutable, database.mode != .readOnly else { return }
        guard try bodiesToRender() != nil else { return }
        try database.transaction(immediate: true) {
            switch try bodiesToRender() {
            case .all?: try renderAllBodies()
            case .queued?: try renderStaleBodies()
            case nil: break
            }
        }
    }

    private enum BodiesToRender { case all, queued }

    private func bodiesToRender() throws -> BodiesToRender? {
        let formats = try database.withStatement(StoredBodies.sampledFormats) { statement in
            var formats: [Int?] = []
            while try statement.step() { formats.append(statement.optionalInt(0)) }
            return formats
        }
        if !formats.allSatisfy({ $0 == bodyRenderer?.format }) { return .all }
        return try database.withStatement(StoredBodies.anyStale) { try $0.step() && $0.bool(0) } ? .queued : nil
    }

    /// Stores the body of a meeting a bulk load creates, rendered by its loader with `bodyRenderer` (an import renders
    /// them on its validating thread, from the drafts: `Meeting(saved:name:)`). A load that stores one for every
    /// meeting it creates renders none at its end.
    public func storeLoadedBody(meetingID: String, _ body: [UInt8]) throws {
        precondition(isBulkLoading, "only a bulk load's loader stores bodies it rendered")
        guard let renderer = bodyRenderer else { return }
        try storeBody(id: meetingID, format: renderer.format, body)
    }

    private func storeBody(of meeting: Meeting, _ renderer: any BodyRenderer) throws {
        try storeBody(id: meeting.id, format: renderer.format, renderer.body(of: meeting))
    }

    private func storeBody(id: String, format: Int, _ body: [UInt8]) throws {
        try database.withStatement(StoredBodies.store) { statement in
            try statement.bind(1, id)
            try statement.bind(2, format)
            try statement.bind(3, utf8: body)
            try statement.run()
        }
    }
}
