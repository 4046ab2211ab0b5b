-- Counts that writes maintain (issue 9): the total of a list filtered by one value (a party, a person, a topic, a
-- kind, a speaker, a meeting) or by dates alone is read in O(log n), exactly, however many records match, instead
-- of counting matches up to a cap.
--
-- Derived data, like the search tables: the triggers below keep it in step with every write, from the API, an
-- import or a cluster's follower, and ListCounts.rebuild refills it from the records inside every migration's
-- transaction (and after a bulk load, which drops the triggers while it inserts). Not replicated: each node's
-- triggers derive their own.

-- Records per filter value: ('meetings', 'party', 'nato', 1234). 'all' with value '' counts the whole list (and
-- ('changes', 'all', '') the feed, whose seq is then known to be gapless when it equals max(seq) - min(seq) + 1).
CREATE TABLE list_counts (
    list    TEXT NOT NULL,
    filter  TEXT NOT NULL,
    value   TEXT NOT NULL,
    matches INTEGER NOT NULL,
    PRIMARY KEY (list, filter, value)
) WITHOUT ROWID;

-- Dates as prefix sums. A date's key is its digits as a number (2022-01-12 is 20220112: the order of the text, and
-- under 2^27). Block b at shift s counts the keys in [b << s, (b + 1) << s), for shifts 0, 4, …, 24; a write adds
-- 1 to the seven blocks holding its key, and the count of keys below x is at most 15 blocks per shift (those
-- before x's own block within its parent). `starts` counts a meeting's first day or a quote's date, `ends` a
-- meeting's last day: meetings in progress on D are those started by D minus those ended before D.
CREATE TABLE date_counts (
    list   TEXT NOT NULL,
    shift  INTEGER NOT NULL,
    block  INTEGER NOT NULL,
    starts INTEGER NOT NULL,
    ends   INTEGER NOT NULL,
    PRIMARY KEY (list, shift, block)
) WITHOUT ROWID;

-- Meetings: all, kind, first and last days.
CREATE TRIGGER meetings_count_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO list_counts VALUES ('meetings', 'all', '', 1), ('meetings', 'kind', NEW.kind, 1)
        ON CONFLICT DO UPDATE SET matches = matches + 1;
    INSERT INTO date_counts (list, shift, block, starts, ends)
        SELECT 'meetings', s.value, d.key >> s.value, d.starts, d.ends
        FROM (SELECT CAST(replace(NEW.date, '-', '') AS INTEGER) AS key, 1 AS starts, 0 AS ends
              UNION ALL SELECT CAST(replace(NEW.end_date, '-', '') AS INTEGER), 0, 1) d,
             json_each('[0,4,8,12,16,20,24]') s
        WHERE true
        ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, ends = ends + excluded.ends;
END;
CREATE TRIGGER meetings_count_delete AFTER DELETE ON meetings BEGIN
    -- One statement per row: SQLite would read an OR of keys as a scan of the list's rows.
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'meetings' AND filter = 'all' AND value = '';
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'meetings' AND filter = 'kind' AND value = OLD.kind;
    INSERT INTO date_counts (list, shift, block, starts, ends)
        SELECT 'meetings', s.value, d.key >> s.value, d.starts, d.ends
        FROM (SELECT CAST(replace(OLD.date, '-', '') AS INTEGER) AS key, -1 AS starts, 0 AS ends
              UNION ALL SELECT CAST(replace(OLD.end_date, '-', '') AS INTEGER), 0, -1) d,
             json_each('[0,4,8,12,16,20,24]') s
        WHERE true
        ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, ends = ends + excluded.ends;
END;
CREATE TRIGGER meetings_count_update AFTER UPDATE OF kind, date, end_date ON meetings BEGIN
    UPDATE list_counts SET matches = matches - 1
        WHERE list = 'meetings' AND filter = 'kind' AND value = OLD.kind AND OLD.kind IS NOT NEW.kind;
    INSERT INTO list_counts SELECT 'meetings', 'kind', NEW.kind, 1 WHERE OLD.kind IS NOT NEW.kind
        ON CONFLICT DO UPDATE SET matches = matches + 1;
    INSERT INTO date_counts (list, shift, block, starts, ends)
        SELECT 'meetings', s.value, d.key >> s.value, d.starts, d.ends
        FROM (SELECT CAST(replace(OLD.date, '-', '') AS INTEGER) AS key, -1 AS starts, 0 AS ends
              UNION ALL SELECT CAST(replace(OLD.end_date, '-', '') AS INTEGER), 0, -1
              UNION ALL SELECT CAST(replace(NEW.date, '-', '') AS INTEGER), 1, 0
              UNION ALL SELECT CAST(replace(NEW.end_date, '-', '') AS INTEGER), 0, 1) d,
             json_each('[0,4,8,12,16,20,24]') s
        WHERE OLD.date IS NOT NEW.date OR OLD.end_date IS NOT NEW.end_date
        ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, ends = ends + excluded.ends;
END;

-- Quotes: all, kind, speaker, party, meeting, date (a quote without one has no date to count).
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

-- Junctions: a meeting's parties, participants and topics, a quote's topics. Rows are inserted and deleted (also by
-- ON DELETE CASCADE, which fires these triggers), and their value column is never updated in place; the update
-- triggers are there so that it would stay right if it were.
CREATE TRIGGER meeting_parties_count_insert AFTER INSERT ON meeting_parties BEGIN
    INSERT INTO list_counts VALUES ('meetings', 'party', NEW.party_id, 1) ON CONFLICT DO UPDATE SET matches = matches + 1;
END;
CREATE TRIGGER meeting_parties_count_delete AFTER DELETE ON meeting_parties BEGIN
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'meetings' AND filter = 'party' AND value = OLD.party_id;
END;
CREATE TRIGGER meeting_parties_count_update AFTER UPDATE OF party_id ON meeting_parties BEGIN
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'meetings' AND filter = 'party' AND value = OLD.party_id;
    INSERT INTO list_counts VALUES ('meetings', 'party', NEW.party_id, 1) ON CONFLICT DO UPDATE SET matches = matches + 1;
END;
CREATE TRIGGER meeting_participants_count_insert AFTER INSERT ON meeting_participants BEGIN
    INSERT INTO list_counts VALUES ('meetings', 'person', NEW.person_id, 1) ON CONFLICT DO UPDATE SET matches = matches + 1;
END;
CREATE TRIGGER meeting_participants_count_delete AFTER DELETE ON meeting_participants BEGIN
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'meetings' AND filter = 'person' AND value = OLD.person_id;
END;
CREATE TRIGGER meeting_participants_count_update AFTER UPDATE OF person_id ON meeting_participants BEGIN
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'meetings' AND filter = 'person' AND value = OLD.person_id;
    INSERT INTO list_counts VALUES ('meetings', 'person', NEW.person_id, 1) ON CONFLICT DO UPDATE SET matches = matches + 1;
END;
CREATE TRIGGER meeting_topics_count_insert AFTER INSERT ON meeting_topics BEGIN
    INSERT INTO list_counts VALUES ('meetings', 'topic', NEW.topic_id, 1) ON CONFLICT DO UPDATE SET matches = matches + 1;
END;
CREATE TRIGGER meeting_topics_count_delete AFTER DELETE ON meeting_topics BEGIN
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'meetings' AND filter = 'topic' AND value = OLD.topic_id;
END;
CREATE TRIGGER meeting_topics_count_update AFTER UPDATE OF topic_id ON meeting_topics BEGIN
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'meetings' AND filter = 'topic' AND value = OLD.topic_id;
    INSERT INTO list_counts VALUES ('meetings', 'topic', NEW.topic_id, 1) ON CONFLICT DO UPDATE SET matches = matches + 1;
END;
CREATE TRIGGER quote_topics_count_insert AFTER INSERT ON quote_topics BEGIN
    INSERT INTO list_counts VALUES ('quotes', 'topic', NEW.topic_id, 1) ON CONFLICT DO UPDATE SET matches = matches + 1;
END;
CREATE TRIGGER quote_topics_count_delete AFTER DELETE ON quote_topics BEGIN
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'quotes' AND filter = 'topic' AND value = OLD.topic_id;
END;
CREATE TRIGGER quote_topics_count_update AFTER UPDATE OF topic_id ON quote_topics BEGIN
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'quotes' AND filter = 'topic' AND value = OLD.topic_id;
    INSERT INTO list_counts VALUES ('quotes', 'topic', NEW.topic_id, 1) ON CONFLICT DO UPDATE SET matches = matches + 1;
END;

-- The change feed: appended to, never deleted from (the delete trigger keeps the count right if it ever were).
CREATE TRIGGER changes_count_insert AFTER INSERT ON changes BEGIN
    INSERT INTO list_counts VALUES ('changes', 'all', '', 1) ON CONFLICT DO UPDATE SET matches = matches + 1;
END;
CREATE TRIGGER changes_count_delete AFTER DELETE ON changes BEGIN
    UPDATE list_counts SET matches = matches - 1 WHERE list = 'changes' AND filter = 'all' AND value = '';
END;
