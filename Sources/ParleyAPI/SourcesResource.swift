import ParleyStore

/// `/sources`: the article itself, its language, that it is a translation, and its numbered paragraphs,
/// so every `sources` reference elsewhere resolves.
enum SourcesResource: Resource {
    static let name = "sources"
    static let fields = [
        FieldSpec("id"), FieldSpec("title"), FieldSpec("publisher"), FieldSpec("language"),
        FieldSpec("original_language"), FieldSpec("is_translation"), FieldSpec("translation_note"),
        FieldSpec("published"), FieldSpec("published_basis"), FieldSpec("file"), FieldSpec("paragraphs"),
    ]
    static let filters: [String] = []

    static func list(_ store: Store, _ query: QueryParameters, after cursor: IDCursor?, limit: Int) throws
        -> Page<Source, IDCursor> {
        try store.sources(after: cursor, limit: limit)
    }

    static func item(_ store: Store, id: String) throws -> Source? {
        try store.source(id: id)
    }

    static func encode<Sink: RecordSink>(_ source: Source, into sink: inout Sink) {
        sink.beginObject()
        sink.field("id", source.id)
        sink.field("title", source.title)
        sink.field("publisher", source.publisher)
        sink.field("language", source.language)
        sink.field("original_language", source.originalLanguage)
        sink.field("is_translation", source.isTranslation)
        sink.field("translation_note", source.translationNote)
        sink.field("published", source.published)
        sink.field("published_basis", source.publishedBasis)
        sink.field("file", source.file)
        sink.objects("paragraphs", source.paragraphs) { $0.field("number", $1.number); $0.field("text", $1.text) }
        sink.endObject()
    }
}
