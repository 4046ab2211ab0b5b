/// `/sources`: the texts records come from, each with its numbered paragraphs; sorted by id.
enum SourceSQL {
    static let columns = """
        SELECT s.id, s.title, s.publisher, s.language, s.original_language, s.is_translation, s.translation_note,
               s.published, s.published_basis, s.file
        FROM sources s
        """
    static let count = SQL("SELECT count(*) FROM sources s")
    // ?1 cursor id, ?2 limit.
    static let page = SQL(columns + " WHERE (?1 IS NULL OR s.id > ?1) ORDER BY s.id LIMIT ?2")
    static let one = SQL(columns + " WHERE s.id = ?1")
    static let paragraphs = SQL("SELECT number, text FROM paragraphs WHERE source_id = ?1 ORDER BY number")
}

extension Store {
    public func sources(after cursor: IDCursor?, limit: Int) throws -> Page<Source, IDCursor> {
        try list(
            count: SourceSQL.count, page: SourceSQL.page, limit: limit,
            bindFilter: { _ in },
            bindPage: { statement, limit in
                try statement.bind(1, cursor?.id)
                try statement.bind(2, limit)
            },
            row: { statement in
                let source = Self.sourceRow(statement)
                return (source, IDCursor(id: source.id))
            },
            related: loadRelated)
    }

    public func source(id: String) throws -> Source? {
        try one(SourceSQL.one, id: id, row: Self.sourceRow, related: loadRelated)
    }

    static func sourceRow(_ s: Statement) -> Source {
        Source(id: s.text(0), title: s.text(1), publisher: s.optionalText(2), language: s.text(3),
               originalLanguage: s.optionalText(4), isTranslation: s.bool(5), translationNote: s.optionalText(6),
               published: s.optionalText(7), publishedBasis: s.text(8), file: s.text(9))
    }

    private func loadRelated(_ source: inout Source) throws {
        source.paragraphs = try related(SourceSQL.paragraphs, id: source.id) { Paragraph(number: $0.int(0), text: $0.text(1)) }
    }
}
