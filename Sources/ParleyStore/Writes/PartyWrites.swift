enum PartyWriteSQL {
    static let insert = SQL("INSERT INTO parties (id, name, kind, summary) VALUES (?1, ?2, ?3, ?4)")
    static let update = SQL("UPDATE parties SET name = ?2, kind = ?3, summary = ?4 WHERE id = ?1")
    static let deleteAliases = SQL("DELETE FROM party_aliases WHERE party_id = ?1")
    static let insertAlias = SQL("INSERT INTO party_aliases (party_id, alias, note) VALUES (?1, ?2, ?3)")
    static let deleteMemberOf = SQL("DELETE FROM memberships WHERE member_id = ?1")
    static let insertMemberOf = SQL("INSERT INTO memberships (member_id, organization_id, basis) VALUES (?1, ?2, ?3)")
    static let deleteMembers = SQL("DELETE FROM memberships WHERE organization_id = ?1")
    static let insertMember = SQL("INSERT INTO memberships (organization_id, member_id, basis) VALUES (?1, ?2, ?3)")
}

/// A party's memberships are written from either side: `member_of` replaces the organizations it belongs to,
/// `members` replaces the parties that belong to it.
extension PartyDraft: StoredDraft {
    public static let collection = RecordCollection.parties

    public func save(in store: Store, isNew: Bool) throws {
        try store.run(isNew ? PartyWriteSQL.insert : PartyWriteSQL.update, id, .text(name), .text(kind), .text(summary))
        try store.run(PartyWriteSQL.deleteAliases, id)
        for alias in aliases { try store.run(PartyWriteSQL.insertAlias, id, .text(alias.name), .text(alias.note)) }
        try store.run(PartyWriteSQL.deleteMemberOf, id)
        for membership in memberOf { try store.run(PartyWriteSQL.insertMemberOf, id, .text(membership.id), .text(membership.basis)) }
        try store.run(PartyWriteSQL.deleteMembers, id)
        for membership in members { try store.run(PartyWriteSQL.insertMember, id, .text(membership.id), .text(membership.basis)) }
        try store.setRecordSources(.parties, id: id, sources, isNew: isNew)
    }
}
