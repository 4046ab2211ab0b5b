/// A text Parley's records come from (the article), with its paragraphs numbered from 1.
public struct Source: Sendable, Equatable {
    public let id: String
    public let title: String
    public let publisher: String?
    public let language: String
    public let originalLanguage: String?
    public let isTranslation: Bool
    public let translationNote: String?
    public let published: String?
    public let publishedBasis: String
    public let file: String
    public var paragraphs: [Paragraph] = []
}

public struct Paragraph: Sendable, Equatable {
    public let number: Int
    public let text: String
}
