/// Each collection's tables (`RecordTables.swift`): its row's columns, the rows it owns, and which of their columns
/// refer to other records. The saves (`Writes/*Writes.swift`) bind a draft's values in these orders; the relations
/// the read path attaches (`Queries/*Queries.swift`) are read from the same owned rows.
protocol CollectionTables {
    static var record: RecordTable { get }
    static var owned: [OwnedRows] { get }
}

enum MeetingTables: CollectionTables {
    static let record = RecordTable("meetings", columns: [
        "id", "title", "kind", "date", "end_date", "date_basis", "location_city", "location_country", "location_basis",
        "status", "summary",
    ], nameColumn: "title")
    /// The junction rows carry the meeting's date (migration 4), so a filter through them walks their index in the
    /// list's order.
    static let parties = OwnedRows("meeting_parties", owner: "meeting_id", columns: ["party_id", "role", "meeting_date"],
                                   reference: ReferenceColumn("party_id", to: .parties, field: "parties"))
    static let participants = OwnedRows("meeting_participants", owner: "meeting_id",
                                        columns: ["person_id", "role", "meeting_date"],
                                        reference: ReferenceColumn("person_id", to: .people, field: "participants"))
    static let topics = OwnedRows("meeting_topics", owner: "meeting_id", columns: ["topic_id", "meeting_date"],
                                  reference: ReferenceColumn("topic_id", to: .topics, field: "topics"))
    static let owned = [parties, participants, topics]
}

enum PartyTables: CollectionTables {
    static let record = RecordTable("parties", columns: ["id", "name", "kind", "summary"], nameColumn: "name",
                                    nameIndex: "parties_id_name")
    static let aliases = OwnedRows("party_aliases", owner: "party_id", columns: ["alias", "note"])
    /// A membership is one row seen from both parties: the member owns it as `member_of`, the organization as `members`.
    static let memberOf = OwnedRows("memberships", owner: "member_id", columns: ["organization_id", "basis"],
                                    reference: ReferenceColumn("organization_id", to: .parties, field: "member_of"))
    static let members = OwnedRows("memberships", owner: "organization_id", columns: ["member_id", "basis"],
                                   reference: ReferenceColumn("member_id", to: .parties, field: "members"))
    static let owned = [aliases, members, memberOf]
}

enum PersonTables: CollectionTables {
    static let record = RecordTable("people", columns: ["id", "name", "summary"], nameColumn: "name",
                                    nameIndex: "people_id_name")
    static let aliases = OwnedRows("person_aliases", owner: "person_id", columns: ["alias", "note"])
    static let posts = OwnedRows("posts", owner: "person_id", columns: ["title", "party_id", "start_date", "end_date", "basis"],
                                 reference: ReferenceColumn("party_id", to: .parties, field: "posts"))
    static let owned = [aliases, posts]
}

enum QuoteTables: CollectionTables {
    /// The source paragraph is stored on the quote (with the offsets, when known) and, like every record's, in
    /// `record_sources`.
    static let record = RecordTable("quotes", columns: [
        "id", "text", "kind", "speaker_id", "party_id", "date", "date_basis", "meeting_id", "source_id", "paragraph",
        "start_offset", "end_offset", "attribution",
    ], references: [
        ReferenceColumn("speaker_id", to: .people, field: "speaker"),
        ReferenceColumn("party_id", to: .parties, field: "party"),
        ReferenceColumn("meeting_id", to: .meetings, field: "meeting"),
    ])
    /// With the quote's reading order (migration 4), copied from its row, so the topic filter walks `quote_topics`
    /// in the list's order.
    static let topics = OwnedRows("quote_topics", owner: "quote_id", columns: ["topic_id"],
                                  reference: ReferenceColumn("topic_id", to: .topics, field: "topics"),
                                  insert: "INSERT INTO quote_topics (quote_id, topic_id, reading_key) SELECT ?1, ?2, reading_key FROM quotes WHERE id = ?1")
    static let owned = [topics]
}

enum TopicTables: CollectionTables {
    static let record = RecordTable("topics", columns: ["id", "name", "description"], nameColumn: "name",
                                    nameIndex: "topics_id_name")
    static let owned: [OwnedRows] = []
}

enum DemandTables: CollectionTables {
    static let record = RecordTable("demands", columns: ["id", "text", "summary", "party_id", "meeting_id"], references: [
        ReferenceColumn("party_id", to: .parties, field: "party"),
        ReferenceColumn("meeting_id", to: .meetings, field: "meeting"),
    ])
    static let addressees = OwnedRows("demand_addressees", owner: "demand_id", columns: ["party_id"],
                                      reference: ReferenceColumn("party_id", to: .parties, field: "addressees"))
    static let topics = OwnedRows("demand_topics", owner: "demand_id", columns: ["topic_id"],
                                  reference: ReferenceColumn("topic_id", to: .topics, field: "topics"))
    static let owned = [addressees, topics]
}

extension RecordCollection {
    /// How the collection's records are stored.
    var tables: any CollectionTables.Type {
        switch self {
        case .meetings: MeetingTables.self
        case .parties: PartyTables.self
        case .people: PersonTables.self
        case .quotes: QuoteTables.self
        case .topics: TopicTables.self
        case .demands: DemandTables.self
        }
    }

    /// The collection's own row.
    var record: RecordTable { tables.record }

    /// The rows its records own.
    var owned: [OwnedRows] { tables.owned }

    /// (collection, id, field) of the records referring to ?1, at most ?2 of them, or nil when no column refers to
    /// this collection: one arm per referring column, derived from the descriptions. Each arm is one index range;
    /// no arm yields what another does, so UNION ALL needs no sort to deduplicate.
    var referencesSQL: SQL? { Self.referenceQueries[self] }

    private static let referenceQueries: [RecordCollection: SQL] = Dictionary(uniqueKeysWithValues: allCases.map { target in
        var arms: [String] = []
        for referrer in allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
            for reference in referrer.record.references where reference.target == target {
                arms.append("SELECT '\(referrer.rawValue)', id, '\(reference.field)' FROM \(referrer.record.table) WHERE \(reference.column) = ?1")
            }
            for rows in referrer.owned {
                guard let reference = rows.reference, reference.target == target else { continue }
                arms.append("SELECT '\(referrer.rawValue)', \(rows.owner), '\(reference.field)' FROM \(rows.table) WHERE \(reference.column) = ?1")
            }
        }
        return (target, arms.isEmpty ? nil : SQL(arms.joined(separator: "\nUNION ALL ") + "\nLIMIT ?2"))
    }).compactMapValues { $0 }
}
