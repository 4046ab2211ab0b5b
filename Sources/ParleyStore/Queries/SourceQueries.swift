/// `/sources`: the texts records come from, each with its numbered paragraphs; sorted by id.
enum SourceSQL {
    static let table = ListTable(
        table: "sources", alias: "s",
        columns: """
            s.id, s.title, s.publisher, s.language, s.original_language, s.is_translation, s.translation_note,
            s.published, s.published_basis, s.file
            """,
        joins: "", order: ["s.id"])
    static let paragraphs = PageRelation("x.number, x.text", from: "paragraphs", owner: "source_id", order: "x.number")
}

extension Store {
    public func sources(after cursor: IDCursor?, limit: Int) throws -> Page<Source, IDCursor> {
        try list(SourceSQL.table, [], parameters: ListParameters(), cursor: cursor.map { [.text($0.id)] }, limit: limit,
                 row: { statement in
                     let source = Self.sourceRow(statement)
                     return (source, IDCursor(id: source.id))
                 }, related: loadRelated)
    }

    public func source(id: String) throws -> Source? {
        try one(SourceSQL.table.one, id: id, row: Self.sourceRow, related: loadRelated)
    }

    static func sourceRow(_ s: Statement) -> Source {
        Source(id: s.text(0), title: s.text(1), publisher: s.optionalText(2), language: s.text(3),
               originalLanguage: s.optionalText(4), isTranslation: s.bool(5), translationNote: s.optionalText(6),
               published: s.optionalText(7), publishedBasis: s.text(8), file: s.text(9))
    }

    private func loadRelated(_ sources: inout [Source]) throws {
        sources.attach(try related(SourceSQL.paragraphs, ids: PageIDs(sources.map(\.id))) {
            Paragraph(number: $0.int(1), text: $0.text(2))
        }) { $0.paragraphs = $1 }
    }
}
