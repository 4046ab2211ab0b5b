-- Scale (issue 9): every list filter and its order served by an index, day containment by length classes,
-- and a search index per collection maintained by key.
--
-- Runs inside the migration runner's transaction under PRAGMA foreign_keys=ON and defer_foreign_keys=ON.
-- The search tables are derived data: SearchIndex.rebuild fills them in the same transaction.

-- Search: one FTS5 table per collection, so a people search does not pay for every quote. FTS5 cannot index
-- an UNINDEXED column, so the record a row belongs to is found through its rowid: `<collection>_search_keys` maps
-- it to the record's id, and reindexing or deleting one record touches O(log n) rows. The keys follow the list's
-- order (a meeting's date and id, a quote's reading order, a person's id), with gaps for the records written
-- later (SearchIndex.swift), so FTS5, which yields matches in rowid order, yields them in the list's order: a
-- search walks its matches under the page's LIMIT and sorts nothing. An INTEGER PRIMARY KEY, unlike the implicit
-- rowid of the record tables, survives VACUUM.
DROP TABLE search_index;
CREATE TABLE quotes_search_keys (key INTEGER PRIMARY KEY, record_id TEXT NOT NULL UNIQUE);
CREATE TABLE meetings_search_keys (key INTEGER PRIMARY KEY, record_id TEXT NOT NULL UNIQUE);
CREATE TABLE people_search_keys (key INTEGER PRIMARY KEY, record_id TEXT NOT NULL UNIQUE);
CREATE VIRTUAL TABLE quotes_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE meetings_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE people_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');

-- Meetings in progress on a day, in (date, id) order, without sorting them: a meeting's length class is the
-- bit length of its length in days (0 for one day, 1 for two, 2 for three or four, …, 16 past 65,535). A
-- meeting of class c in progress on day D began at most 2^c - 1 days before D, so for each class the
-- candidates are one range of (span_class, date) and all of them but at most about half are answers. The
-- store merges the classes' ranges (UNION ALL under ORDER BY: SQLite merges ordered arms) and stops at the
-- page's end: O(log n) per class plus the rows of the page, whatever the meetings' lengths.
ALTER TABLE meetings ADD COLUMN span_class INTEGER GENERATED ALWAYS AS (
    CASE
        WHEN julianday(end_date) - julianday(date) < 1 THEN 0
        WHEN julianday(end_date) - julianday(date) < 2 THEN 1
        WHEN julianday(end_date) - julianday(date) < 4 THEN 2
        WHEN julianday(end_date) - julianday(date) < 8 THEN 3
        WHEN julianday(end_date) - julianday(date) < 16 THEN 4
        WHEN julianday(end_date) - julianday(date) < 32 THEN 5
        WHEN julianday(end_date) - julianday(date) < 64 THEN 6
        WHEN julianday(end_date) - julianday(date) < 128 THEN 7
        WHEN julianday(end_date) - julianday(date) < 256 THEN 8
        WHEN julianday(end_date) - julianday(date) < 512 THEN 9
        WHEN julianday(end_date) - julianday(date) < 1024 THEN 10
        WHEN julianday(end_date) - julianday(date) < 2048 THEN 11
        WHEN julianday(end_date) - julianday(date) < 4096 THEN 12
        WHEN julianday(end_date) - julianday(date) < 8192 THEN 13
        WHEN julianday(end_date) - julianday(date) < 16384 THEN 14
        WHEN julianday(end_date) - julianday(date) < 32768 THEN 15
        WHEN julianday(end_date) - julianday(date) < 65536 THEN 16
        ELSE 17
    END) VIRTUAL;
DROP INDEX meetings_dates;
CREATE INDEX meetings_order ON meetings(date, id);
CREATE INDEX meetings_span ON meetings(span_class, date, id, end_date);
CREATE INDEX meetings_kind ON meetings(kind, date, id);

-- A filter through a junction table walks that table's index in the list's order: the meeting's date is
-- copied into each junction row (written with it, in the same statement, by every save).
ALTER TABLE meeting_parties ADD COLUMN meeting_date TEXT NOT NULL DEFAULT '';
UPDATE meeting_parties SET meeting_date = (SELECT date FROM meetings WHERE id = meeting_id);
DROP INDEX meeting_parties_party;
CREATE INDEX meeting_parties_party ON meeting_parties(party_id, meeting_date, meeting_id);

ALTER TABLE meeting_participants ADD COLUMN meeting_date TEXT NOT NULL DEFAULT '';
UPDATE meeting_participants SET meeting_date = (SELECT date FROM meetings WHERE id = meeting_id);
DROP INDEX meeting_participants_person;
CREATE INDEX meeting_participants_person ON meeting_participants(person_id, meeting_date, meeting_id);

ALTER TABLE meeting_topics ADD COLUMN meeting_date TEXT NOT NULL DEFAULT '';
UPDATE meeting_topics SET meeting_date = (SELECT date FROM meetings WHERE id = meeting_id);
DROP INDEX meeting_topics_topic;
CREATE INDEX meeting_topics_topic ON meeting_topics(topic_id, meeting_date, meeting_id);

-- Quotes in reading order (source, paragraph, offset, id) as one sortable text, so each filter's index ends
-- in it. char(1) separates the parts: it sorts below every character an id or a number may hold, so the
-- text sorts as the tuple does. A quote without a source sorts last ('~'), one without offsets first in its
-- paragraph (-1, stored as 0). QuoteSQL.readingKey builds the same text from a cursor.
ALTER TABLE quotes ADD COLUMN reading_key TEXT GENERATED ALWAYS AS (
    printf('%s%s%010d%s%010d%s%s', coalesce(source_id, '~'), char(1), coalesce(paragraph, 0), char(1),
           coalesce(start_offset, -1) + 1, char(1), id)) VIRTUAL;
CREATE INDEX quotes_reading ON quotes(reading_key);
DROP INDEX quotes_speaker;
CREATE INDEX quotes_speaker ON quotes(speaker_id, reading_key);
DROP INDEX quotes_party;
CREATE INDEX quotes_party ON quotes(party_id, reading_key);
DROP INDEX quotes_meeting;
CREATE INDEX quotes_meeting ON quotes(meeting_id, reading_key);
CREATE INDEX quotes_kind ON quotes(kind, reading_key);
CREATE INDEX quotes_date ON quotes(date, reading_key);

ALTER TABLE quote_topics ADD COLUMN reading_key TEXT NOT NULL DEFAULT '';
UPDATE quote_topics SET reading_key = (SELECT reading_key FROM quotes WHERE id = quote_id);
DROP INDEX quote_topics_topic;
CREATE INDEX quote_topics_topic ON quote_topics(topic_id, reading_key);

-- The small collections, sorted by id, get the same treatment: each filter's index ends in the id.
CREATE INDEX parties_kind ON parties(kind, id);
DROP INDEX posts_party;
CREATE INDEX posts_party_person ON posts(party_id, person_id);
DROP INDEX demands_party;
CREATE INDEX demands_party ON demands(party_id, id);
DROP INDEX demands_meeting;
CREATE INDEX demands_meeting ON demands(meeting_id, id);
