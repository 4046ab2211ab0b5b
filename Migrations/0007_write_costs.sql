-- Cheaper rows to write (issue 9: imports at 20,000 records/s). Three tables are rebuilt, their rows kept as they
-- are; only what SQLite computes for each row changes, not what it stores or answers.
--
-- * CHECK (x IN ('a', 'b', 'c')): with more than two constants SQLite evaluates IN by building an ephemeral
--   B-tree of them, once per execution of the statement. A write inserts one row per execution, so every quote,
--   record source and meeting party paid for a table built and thrown away (about a third of an import's insert
--   time). The same constraint as comparisons costs nothing; two constants are compared anyway, so those stay.
--   (changes.operation and parties.kind keep their IN: the feed is written one statement per write, a bulk load's
--   with one statement in all, and parties are few.)
-- * quotes.reading_key becomes STORED: as VIRTUAL its printf ran for every index entry built from it, six
--   indexes and the search keys, which at 400,000 quotes was most of an import's index time. Stored, it is
--   formatted once per write. The expression is migration 4's; replication leaves generated columns out either way.
--
-- * The search tables keep their text in their keys tables (FTS5 external content), written once: with its own
--   content FTS5 stored every record's text again, and a rebuild computed each text in the same statement that
--   tokenized it. Now a rebuild fills the keys with their texts, in list order, and FTS5's 'rebuild' tokenizes
--   them in key order; a record's text stays in its key's row until it is reindexed, which is what FTS5 needs to
--   take a record's old words out of the index (SearchIndex.swift). No column sizes: Parley never ranks by bm25,
--   matches come in the list's order. Derived data: SearchIndex.rebuild fills them in this transaction.
--
-- Dropping quotes (foreign keys on) cascades to quote_topics, which is saved and restored, as in migration 3.
-- Dropping a table drops its indexes and triggers; they are created again as they were (migrations 4 and 5).

CREATE TEMP TABLE saved_quote_topics AS SELECT quote_id, topic_id, reading_key FROM quote_topics;

CREATE TABLE quotes_rebuilt (
    id           TEXT PRIMARY KEY CHECK (id NOT GLOB '*[^a-z0-9-]*' AND id <> ''),
    text         TEXT NOT NULL,                 -- exactly as the source prints it
    kind         TEXT NOT NULL CHECK (kind = 'direct' OR kind = 'partial' OR kind = 'reported'),
    speaker_id   TEXT REFERENCES people(id),
    party_id     TEXT REFERENCES parties(id),
    date         TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    date_basis   TEXT CHECK (date_basis IN ('stated', 'inferred')),
    meeting_id   TEXT REFERENCES meetings(id),
    source_id    TEXT REFERENCES sources(id),   -- NULL: not from a source Parley holds
    paragraph    INTEGER,
    start_offset INTEGER,                       -- Unicode code points into the paragraph; NULL when not known
    end_offset   INTEGER,                       -- exclusive
    attribution  TEXT NOT NULL DEFAULT '',
    reading_key  TEXT GENERATED ALWAYS AS (
        printf('%s%s%010d%s%010d%s%s', coalesce(source_id, '~'), char(1), coalesce(paragraph, 0), char(1),
               coalesce(start_offset, -1) + 1, char(1), id)) STORED,
    CHECK ((source_id IS NULL) = (paragraph IS NULL)),
    CHECK ((start_offset IS NULL) = (end_offset IS NULL)),
    CHECK (start_offset IS NULL OR (paragraph IS NOT NULL AND start_offset >= 0 AND end_offset > start_offset)),
    FOREIGN KEY (source_id, paragraph) REFERENCES paragraphs(source_id, number)
);
-- Rowids kept: they are the order records were created in (a bulk load logs its creates in that order).
INSERT INTO quotes_rebuilt (rowid, id, text, kind, speaker_id, party_id, date, date_basis, meeting_id, source_id,
                            paragraph, start_offset, end_offset, attribution)
SELECT rowid, id, text, kind, speaker_id, party_id, date, date_basis, meeting_id, source_id, paragraph,
       start_offset, end_offset, attribution
FROM quotes ORDER BY rowid;
DROP TABLE quotes;
ALTER TABLE quotes_rebuilt RENAME TO quotes;
CREATE INDEX quotes_date ON quotes(date, reading_key);
CREATE INDEX quotes_kind ON quotes(kind, reading_key);
CREATE INDEX quotes_meeting ON quotes(meeting_id, reading_key);
CREATE INDEX quotes_party ON quotes(party_id, reading_key);
CREATE INDEX quotes_reading ON quotes(reading_key);
CREATE INDEX quotes_speaker ON quotes(speaker_id, reading_key);
CREATE TRIGGER quotes_count_delete AFTER DELETE ON quotes BEGIN
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'quotes' AND filter = 'all' AND value = '';
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'quotes' AND filter = 'kind' AND value = OLD.kind;
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'quotes' AND filter = 'speaker' AND value = OLD.speaker_id;
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'quotes' AND filter = 'party' AND value = OLD.party_id;
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'quotes' AND filter = 'meeting' AND value = OLD.meeting_id;
    INSERT INTO date_counts (list, shift, block, starts, ends)
        SELECT 'quotes', s.value, CAST(replace(OLD.date, '-', '') AS INTEGER) >> s.value, -1, 0
        FROM json_each('[0,4,8,12,16,20,24]') s
        WHERE OLD.date IS NOT NULL
        ON CONFLICT DO UPDATE SET starts = starts + excluded.starts;
END;
CREATE TRIGGER quotes_count_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO list_counts
        SELECT 'quotes', f.filter, f.value, 1
        FROM (SELECT 'all' AS filter, '' AS value UNION ALL SELECT 'kind', NEW.kind
              UNION ALL SELECT 'speaker', NEW.speaker_id UNION ALL SELECT 'party', NEW.party_id
              UNION ALL SELECT 'meeting', NEW.meeting_id) f
        WHERE f.value IS NOT NULL
        ON CONFLICT DO UPDATE SET matches = matches + 1;
    INSERT INTO date_counts (list, shift, block, starts, ends)
        SELECT 'quotes', s.value, CAST(replace(NEW.date, '-', '') AS INTEGER) >> s.value, 1, 0
        FROM json_each('[0,4,8,12,16,20,24]') s
        WHERE NEW.date IS NOT NULL
        ON CONFLICT DO UPDATE SET starts = starts + excluded.starts;
END;
CREATE TRIGGER quotes_count_update AFTER UPDATE OF kind, speaker_id, party_id, meeting_id, date ON quotes BEGIN
    UPDATE list_counts SET matches = matches - 1
        WHERE list = 'quotes' AND filter = 'kind' AND value = OLD.kind AND OLD.kind IS NOT NEW.kind;
    UPDATE list_counts SET matches = matches - 1
        WHERE list = 'quotes' AND filter = 'speaker' AND value = OLD.speaker_id AND OLD.speaker_id IS NOT NEW.speaker_id;
    UPDATE list_counts SET matches = matches - 1
        WHERE list = 'quotes' AND filter = 'party' AND value = OLD.party_id AND OLD.party_id IS NOT NEW.party_id;
    UPDATE list_counts SET matches = matches - 1
        WHERE list = 'quotes' AND filter = 'meeting' AND value = OLD.meeting_id AND OLD.meeting_id IS NOT NEW.meeting_id;
    INSERT INTO list_counts
        SELECT 'quotes', f.filter, f.value, 1
        FROM (SELECT 'kind' AS filter, NEW.kind AS value, OLD.kind AS old
              UNION ALL SELECT 'speaker', NEW.speaker_id, OLD.speaker_id
              UNION ALL SELECT 'party', NEW.party_id, OLD.party_id
              UNION ALL SELECT 'meeting', NEW.meeting_id, OLD.meeting_id) f
        WHERE f.value IS NOT NULL AND f.value IS NOT f.old
        ON CONFLICT DO UPDATE SET matches = matches + 1;
    INSERT INTO date_counts (list, shift, block, starts, ends)
        SELECT 'quotes', s.value, d.key >> s.value, d.starts, 0
        FROM (SELECT CAST(replace(OLD.date, '-', '') AS INTEGER) AS key, -1 AS starts WHERE OLD.date IS NOT NULL
              UNION ALL SELECT CAST(replace(NEW.date, '-', '') AS INTEGER), 1 WHERE NEW.date IS NOT NULL) d,
             json_each('[0,4,8,12,16,20,24]') s
        WHERE OLD.date IS NOT NEW.date
        ON CONFLICT DO UPDATE SET starts = starts + excluded.starts;
END;

INSERT INTO quote_topics (quote_id, topic_id, reading_key) SELECT quote_id, topic_id, reading_key FROM saved_quote_topics;
DROP TABLE saved_quote_topics;

CREATE TABLE meeting_parties_rebuilt (
    meeting_id   TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    party_id     TEXT NOT NULL REFERENCES parties(id),
    role         TEXT NOT NULL CHECK (role = 'host' OR role = 'negotiating-side' OR role = 'subject'
                                      OR role = 'consulted' OR role = 'addressee' OR role = 'author'),
    meeting_date TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, party_id)
) WITHOUT ROWID;
INSERT INTO meeting_parties_rebuilt (meeting_id, party_id, role, meeting_date)
SELECT meeting_id, party_id, role, meeting_date FROM meeting_parties;
DROP TABLE meeting_parties;
ALTER TABLE meeting_parties_rebuilt RENAME TO meeting_parties;
CREATE INDEX meeting_parties_party ON meeting_parties(party_id, meeting_date, meeting_id);
CREATE TRIGGER meeting_parties_count_delete AFTER DELETE ON meeting_parties BEGIN
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'meetings' AND filter = 'party' AND value = OLD.party_id;
END;
CREATE TRIGGER meeting_parties_count_insert AFTER INSERT ON meeting_parties BEGIN
    INSERT INTO list_counts VALUES ('meetings', 'party', NEW.party_id, 1) ON CONFLICT DO UPDATE SET matches = matches + 1;
END;
CREATE TRIGGER meeting_parties_count_update AFTER UPDATE OF party_id ON meeting_parties BEGIN
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'meetings' AND filter = 'party' AND value = OLD.party_id;
    INSERT INTO list_counts VALUES ('meetings', 'party', NEW.party_id, 1) ON CONFLICT DO UPDATE SET matches = matches + 1;
END;

CREATE TABLE record_sources_rebuilt (
    collection TEXT NOT NULL CHECK (collection = 'meetings' OR collection = 'parties' OR collection = 'people'
                                    OR collection = 'quotes' OR collection = 'topics' OR collection = 'demands'),
    record_id  TEXT NOT NULL,
    source_id  TEXT NOT NULL REFERENCES sources(id),
    paragraph  INTEGER NOT NULL,
    PRIMARY KEY (collection, record_id, source_id, paragraph),
    FOREIGN KEY (source_id, paragraph) REFERENCES paragraphs(source_id, number)
) WITHOUT ROWID;
INSERT INTO record_sources_rebuilt SELECT collection, record_id, source_id, paragraph FROM record_sources;
DROP TABLE record_sources;
ALTER TABLE record_sources_rebuilt RENAME TO record_sources;

DROP TABLE quotes_search;
DROP TABLE meetings_search;
DROP TABLE people_search;
DROP TABLE quotes_search_keys;
DROP TABLE meetings_search_keys;
DROP TABLE people_search_keys;
CREATE TABLE quotes_search_keys (key INTEGER PRIMARY KEY, record_id TEXT NOT NULL UNIQUE, body TEXT NOT NULL);
CREATE TABLE meetings_search_keys (key INTEGER PRIMARY KEY, record_id TEXT NOT NULL UNIQUE, body TEXT NOT NULL);
CREATE TABLE people_search_keys (key INTEGER PRIMARY KEY, record_id TEXT NOT NULL UNIQUE, body TEXT NOT NULL);
CREATE VIRTUAL TABLE quotes_search USING fts5(body, content = 'quotes_search_keys', content_rowid = 'key',
                                              columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE meetings_search USING fts5(body, content = 'meetings_search_keys', content_rowid = 'key',
                                                columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE people_search USING fts5(body, content = 'people_search_keys', content_rowid = 'key',
                                              columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
