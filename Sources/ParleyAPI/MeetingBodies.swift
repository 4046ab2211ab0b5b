import HTTPServer
import ParleyStore

/// Renders meetings' stored bodies for the store (`BodyRenderer`, migration 9): a meeting's canonical JSON
/// (`RecordETag.canonical`), the bytes a list writes for it. An uncached list of meetings copies them into its page
/// instead of reading four relations and encoding every field.
public struct MeetingBodies: BodyRenderer {
    public static let shared = MeetingBodies()

    /// The digest of two samples' bodies, one with every field set (and text to escape), one with none: a binary whose
    /// encoder writes a meeting differently has another format, and renders the bodies again on opening the file.
    public let format: Int

    init() {
        var digest: [UInt8] = []
        for sample in Self.samples { digest += SHA256.hash(RecordETag.canonical(MeetingsResource.self, sample)) }
        format = SHA256.hash(digest).prefix(7).reduce(0) { $0 << 8 | Int($1) }
    }

    public func body(of meeting: Meeting) -> [UInt8] {
        RecordETag.canonical(MeetingsResource.self, meeting)
    }

    static let samples = [
        Meeting(id: "sample", title: "Title \"quoted\" \\ – é 😀\n", kind: "kind", date: "2022-01-10", endDate: "2022-01-11",
                dateBasis: "stated", locationCity: "City", locationCountry: "Country", locationBasis: "stated",
                status: "held", summary: "Summary\t\u{1}\u{2028}",
                parties: [RoleRef(id: "a", name: "A", role: "host"), RoleRef(id: "b", name: "B", role: "subject")],
                participants: [RoleRef(id: "p", name: "P", role: "speaker")],
                topics: [RecordRef(id: "t", name: "T")], sources: [SourceRef(source: "article", paragraph: 1)]),
        Meeting(id: "empty", title: "", kind: "", date: "", endDate: "", dateBasis: "", locationCity: nil,
                locationCountry: nil, locationBasis: nil, status: "", summary: ""),
    ]
}
