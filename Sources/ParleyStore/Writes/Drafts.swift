/// What a write stores: one record with its own rows (aliases, posts, memberships, roles, topics, sources), related
/// records by id only. The API validates a request body into a draft; import does the same with a file's records.
/// A draft of an existing record (for a merge patch) is made from what the read side returns.

/// A party or person at a meeting, with the part it plays there.
public struct RoleDraft: Sendable, Equatable {
    public let id: String
    public let role: String

    public init(id: String, role: String) {
        self.id = id
        self.role = role
    }
}

/// One side of a membership: the other party and whether the article states it.
public struct MembershipDraft: Sendable, Equatable {
    public let id: String
    public let basis: String

    public init(id: String, basis: String) {
        self.id = id
        self.basis = basis
    }
}

public struct PostDraft: Sendable, Equatable {
    public let title: String
    public let party: String?
    public let startDate: String?
    public let endDate: String?
    public let basis: String

    public init(title: String, party: String?, startDate: String?, endDate: String?, basis: String) {
        self.title = title
        self.party = party
        self.startDate = startDate
        self.endDate = endDate
        self.basis = basis
    }
}

public struct TopicDraft: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
    public var sources: [SourceRef]

    public init(id: String, name: String, description: String, sources: [SourceRef]) {
        self.id = id
        self.name = name
        self.description = description
        self.sources = sources
    }

    public init(_ topic: Topic) {
        self.init(id: topic.id, name: topic.name, description: topic.description, sources: topic.sources)
    }
}

public struct PartyDraft: Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: String
    public var summary: String
    public var aliases: [Alias]
    public var memberOf: [MembershipDraft]
    public var members: [MembershipDraft]
    public var sources: [SourceRef]

    public init(id: String, name: String, kind: String, summary: String, aliases: [Alias],
                memberOf: [MembershipDraft], members: [MembershipDraft], sources: [SourceRef]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.summary = summary
        self.aliases = aliases
        self.memberOf = memberOf
        self.members = members
        self.sources = sources
    }

    public init(_ party: Party) {
        self.init(id: party.id, name: party.name, kind: party.kind, summary: party.summary, aliases: party.aliases,
                  memberOf: party.memberOf.map { MembershipDraft(id: $0.id, basis: $0.basis) },
                  members: party.members.map { MembershipDraft(id: $0.id, basis: $0.basis) },
                  sources: party.sources)
    }
}

public struct PersonDraft: Sendable, Equatable {
    public var id: String
    public var name: String
    public var summary: String
    public var aliases: [Alias]
    public var posts: [PostDraft]
    public var sources: [SourceRef]

    public init(id: String, name: String, summary: String, aliases: [Alias], posts: [PostDraft], sources: [SourceRef]) {
        self.id = id
        self.name = name
        self.summary = summary
        self.aliases = aliases
        self.posts = posts
        self.sources = sources
    }

    public init(_ person: Person) {
        self.init(id: person.id, name: person.name, summary: person.summary, aliases: person.aliases,
                  posts: person.posts.map {
                      PostDraft(title: $0.title, party: $0.party?.id, startDate: $0.startDate, endDate: $0.endDate, basis: $0.basis)
                  },
                  sources: person.sources)
    }
}

public struct MeetingDraft: Sendable, Equatable {
    public var id: String
    public var title: String
    public var kind: String
    public var date: String
    public var endDate: String
    public var dateBasis: String
    public var locationCity: String?
    public var locationCountry: String?
    public var locationBasis: String?
    public var status: String
    public var parties: [RoleDraft]
    public var participants: [RoleDraft]
    public var topics: [String]
    public var summary: String
    public var sources: [SourceRef]

    public init(id: String, title: String, kind: String, date: String, endDate: String, dateBasis: String,
                locationCity: String?, locationCountry: String?, locationBasis: String?, status: String,
                parties: [RoleDraft], participants: [RoleDraft], topics: [String], summary: String, sources: [SourceRef]) {
        self.id = id
        self.title = title
        self.kind = kind
        self.date = date
        self.endDate = endDate
        self.dateBasis = dateBasis
        self.locationCity = locationCity
        self.locationCountry = locationCountry
        self.locationBasis = locationBasis
        self.status = status
        self.parties = parties
        self.participants = participants
        self.topics = topics
        self.summary = summary
        self.sources = sources
    }

    public init(_ meeting: Meeting) {
        self.init(id: meeting.id, title: meeting.title, kind: meeting.kind, date: meeting.date, endDate: meeting.endDate,
                  dateBasis: meeting.dateBasis, locationCity: meeting.locationCity, locationCountry: meeting.locationCountry,
                  locationBasis: meeting.locationBasis, status: meeting.status,
                  parties: meeting.parties.map { RoleDraft(id: $0.id, role: $0.role) },
                  participants: meeting.participants.map { RoleDraft(id: $0.id, role: $0.role) },
                  topics: meeting.topics.map(\.id), summary: meeting.summary, sources: meeting.sources)
    }
}

public struct QuoteDraft: Sendable, Equatable {
    public var id: String
    public var text: String
    public var kind: String
    public var speaker: String?
    public var party: String?
    public var date: String?
    public var dateBasis: String?
    public var meeting: String?
    public var topics: [String]
    public var attribution: String
    public var source: QuoteSource?

    public init(id: String, text: String, kind: String, speaker: String?, party: String?, date: String?,
                dateBasis: String?, meeting: String?, topics: [String], attribution: String, source: QuoteSource?) {
        self.id = id
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.party = party
        self.date = date
        self.dateBasis = dateBasis
        self.meeting = meeting
        self.topics = topics
        self.attribution = attribution
        self.source = source
    }

    public init(_ quote: Quote) {
        self.init(id: quote.id, text: quote.text, kind: quote.kind, speaker: quote.speaker?.id, party: quote.party?.id,
                  date: quote.date, dateBasis: quote.dateBasis, meeting: quote.meeting?.id, topics: quote.topics.map(\.id),
                  attribution: quote.attribution, source: quote.source)
    }
}

public struct DemandDraft: Sendable, Equatable {
    public var id: String
    public var text: String
    public var summary: String
    public var party: String
    public var addressees: [String]
    public var meeting: String?
    public var topics: [String]
    public var sources: [SourceRef]

    public init(id: String, text: String, summary: String, party: String, addressees: [String], meeting: String?,
                topics: [String], sources: [SourceRef]) {
        self.id = id
        self.text = text
        self.summary = summary
        self.party = party
        self.addressees = addressees
        self.meeting = meeting
        self.topics = topics
        self.sources = sources
    }

    public init(_ demand: Demand) {
        self.init(id: demand.id, text: demand.text, summary: demand.summary, party: demand.party.id,
                  addressees: demand.addressees.map(\.id), meeting: demand.meeting?.id, topics: demand.topics.map(\.id),
                  sources: demand.sources)
    }
}
