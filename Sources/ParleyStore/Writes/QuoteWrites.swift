enum QuoteWriteSQL {
    static let insert = SQL("""
        INSERT INTO quotes (id, text, kind, speaker_id, party_id, date, date_basis, meeting_id, source_id, paragraph,
                            start_offset, end_offset, attribution)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
        """)
    static let update = SQL("""
        UPDATE quotes SET text = ?2, kind = ?3, speaker_id = ?4, party_id = ?5, date = ?6, date_basis = ?7,
                          meeting_id = ?8, source_id = ?9, paragraph = ?10, start_offset = ?11, end_offset = ?12,
                          attribution = ?13
        WHERE id = ?1
        """)
    static let deleteTopics = SQL("DELETE FROM quote_topics WHERE quote_id = ?1")
    /// With the quote's reading order (migration 4), so the topic filter walks `quote_topics` in the list's order.
    static let insertTopic = SQL("""
        INSERT INTO quote_topics (quote_id, topic_id, reading_key) SELECT ?1, ?2, reading_key FROM quotes WHERE id = ?1
        """)
}

/// A quote's source paragraph is stored on the quote (with the offsets, when known) and, like the seed's, as the
/// quote's row in `record_sources`.
extension QuoteDraft: StoredDraft {
    public static let collection = RecordCollection.quotes

    public func save(in store: Store, isNew: Bool) throws {
        try store.run(isNew ? QuoteWriteSQL.insert : QuoteWriteSQL.update, id, .text(text), .text(kind), .text(speaker),
                      .text(party), .text(date), .text(dateBasis), .text(meeting), .text(source?.source),
                      .int(source?.paragraph), .int(source?.start), .int(source?.end), .text(attribution))
        if !isNew { try store.run(QuoteWriteSQL.deleteTopics, id) }
        for topic in topics { try store.run(QuoteWriteSQL.insertTopic, id, .text(topic)) }
        try store.setRecordSources(.quotes, id: id, source.map { [SourceRef(source: $0.source, paragraph: $0.paragraph)] } ?? [], isNew: isNew)
    }
}
