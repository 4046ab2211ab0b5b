enum PersonWriteSQL {
    static let insert = SQL("INSERT INTO people (id, name, summary) VALUES (?1, ?2, ?3)")
    static let update = SQL("UPDATE people SET name = ?2, summary = ?3 WHERE id = ?1")
    static let deleteAliases = SQL("DELETE FROM person_aliases WHERE person_id = ?1")
    static let insertAlias = SQL("INSERT INTO person_aliases (person_id, alias, note) VALUES (?1, ?2, ?3)")
    static let deletePosts = SQL("DELETE FROM posts WHERE person_id = ?1")
    static let insertPost = SQL("""
        INSERT INTO posts (person_id, title, party_id, start_date, end_date, basis) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        """)
}

extension PersonDraft: StoredDraft {
    public static let collection = RecordCollection.people

    public func save(in store: Store, isNew: Bool) throws {
        try store.run(isNew ? PersonWriteSQL.insert : PersonWriteSQL.update, id, .text(name), .text(summary))
        if !isNew { try store.run(PersonWriteSQL.deleteAliases, id) }
        for alias in aliases { try store.run(PersonWriteSQL.insertAlias, id, .text(alias.name), .text(alias.note)) }
        if !isNew { try store.run(PersonWriteSQL.deletePosts, id) }
        for post in posts {
            try store.run(PersonWriteSQL.insertPost, id, .text(post.title), .text(post.party), .text(post.startDate),
                          .text(post.endDate), .text(post.basis))
        }
        try store.setRecordSources(.people, id: id, sources, isNew: isNew)
    }
}
