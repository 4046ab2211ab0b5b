/// A subject of the negotiations (risk reduction, arms control, NATO's open door, …).
public struct Topic: Sendable, Equatable {
    public let id: String
    public let name: String
    public let description: String
    public var sources: [SourceRef] = []
}
