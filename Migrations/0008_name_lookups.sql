-- A related record's id and name in one seek (issue 9, item 7). A page's relations join each junction row to the
-- record it names (a meeting's parties, participants and topics; a quote's and a demand's topics; a party's
-- memberships; a person's posts): through the primary key's index that is two seeks a row, the index and then the
-- table by rowid, about 750 instructions for each of the uncached headline's 9 joined rows. An index on (id, name)
-- holds both; the relations name it (`INDEXED BY`), since the planner keeps the primary key's index for `id = ?`.
-- Parties, people and topics are what junction rows name; they are small next to what names them.
CREATE INDEX parties_id_name ON parties(id, name);
CREATE INDEX people_id_name ON people(id, name);
CREATE INDEX topics_id_name ON topics(id, name);
