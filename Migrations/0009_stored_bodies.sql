-- A meeting's JSON as the API writes it, stored (issue 9, item 7). An uncached page of meetings otherwise costs
-- four statements for its relations and the encoding of every field: about 200,000 instructions for the headline,
-- where a stored body is one more seek in the page's statement and a copy. The API renders the bodies
-- (`BodyRenderer`) and the store keeps them, derived data like the search index: each node of a cluster renders
-- its own, none is exported.
--
-- `format` names the encoder that wrote a body: a body of another format is never served (a new binary may encode
-- differently), and opening the file with a renderer of another format renders every body again. TEXT, not a
-- WITHOUT ROWID table: a body of 1.6 KB would overflow such a table's cells.
CREATE TABLE record_bodies (
    collection TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    format     INTEGER NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (collection, record_id)
);

-- The records whose body a write made stale, rendered again before the write commits (`Store.write`). A trigger
-- deletes the stale body at once, so a connection without a renderer never serves it: the list falls back to
-- encoding the record, and the id waits here for a connection that renders.
CREATE TABLE stale_bodies (
    collection TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    PRIMARY KEY (collection, record_id)
) WITHOUT ROWID;

-- What a meeting's body shows: its row, its parties, participants, topics and sources, and the names of the
-- parties, people and topics it names. Each change to one of them marks the meetings it shows in.
CREATE TRIGGER meetings_body_insert AFTER INSERT ON meetings BEGIN
    INSERT OR IGNORE INTO stale_bodies VALUES ('meetings', NEW.id);
END;
CREATE TRIGGER meetings_body_update AFTER UPDATE ON meetings BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings' AND record_id IN (OLD.id, NEW.id);
    INSERT OR IGNORE INTO stale_bodies VALUES ('meetings', OLD.id), ('meetings', NEW.id);
END;
CREATE TRIGGER meetings_body_delete AFTER DELETE ON meetings BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings' AND record_id = OLD.id;
END;

CREATE TRIGGER meeting_parties_body_insert AFTER INSERT ON meeting_parties BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings' AND record_id = NEW.meeting_id;
    INSERT OR IGNORE INTO stale_bodies VALUES ('meetings', NEW.meeting_id);
END;
CREATE TRIGGER meeting_parties_body_delete AFTER DELETE ON meeting_parties BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings' AND record_id = OLD.meeting_id;
    INSERT OR IGNORE INTO stale_bodies VALUES ('meetings', OLD.meeting_id);
END;
CREATE TRIGGER meeting_parties_body_update AFTER UPDATE ON meeting_parties BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings' AND record_id IN (OLD.meeting_id, NEW.meeting_id);
    INSERT OR IGNORE INTO stale_bodies VALUES ('meetings', OLD.meeting_id), ('meetings', NEW.meeting_id);
END;

CREATE TRIGGER meeting_participants_body_insert AFTER INSERT ON meeting_participants BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings' AND record_id = NEW.meeting_id;
    INSERT OR IGNORE INTO stale_bodies VALUES ('meetings', NEW.meeting_id);
END;
CREATE TRIGGER meeting_participants_body_delete AFTER DELETE ON meeting_participants BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings' AND record_id = OLD.meeting_id;
    INSERT OR IGNORE INTO stale_bodies VALUES ('meetings', OLD.meeting_id);
END;
CREATE TRIGGER meeting_participants_body_update AFTER UPDATE ON meeting_participants BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings' AND record_id IN (OLD.meeting_id, NEW.meeting_id);
    INSERT OR IGNORE INTO stale_bodies VALUES ('meetings', OLD.meeting_id), ('meetings', NEW.meeting_id);
END;

CREATE TRIGGER meeting_topics_body_insert AFTER INSERT ON meeting_topics BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings' AND record_id = NEW.meeting_id;
    INSERT OR IGNORE INTO stale_bodies VALUES ('meetings', NEW.meeting_id);
END;
CREATE TRIGGER meeting_topics_body_delete AFTER DELETE ON meeting_topics BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings' AND record_id = OLD.meeting_id;
    INSERT OR IGNORE INTO stale_bodies VALUES ('meetings', OLD.meeting_id);
END;
CREATE TRIGGER meeting_topics_body_update AFTER UPDATE ON meeting_topics BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings' AND record_id IN (OLD.meeting_id, NEW.meeting_id);
    INSERT OR IGNORE INTO stale_bodies VALUES ('meetings', OLD.meeting_id), ('meetings', NEW.meeting_id);
END;

CREATE TRIGGER record_sources_body_insert AFTER INSERT ON record_sources WHEN NEW.collection = 'meetings' BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings' AND record_id = NEW.record_id;
    INSERT OR IGNORE INTO stale_bodies VALUES ('meetings', NEW.record_id);
END;
CREATE TRIGGER record_sources_body_delete AFTER DELETE ON record_sources WHEN OLD.collection = 'meetings' BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings' AND record_id = OLD.record_id;
    INSERT OR IGNORE INTO stale_bodies VALUES ('meetings', OLD.record_id);
END;

-- A rename marks every meeting that shows the name, found through the junction's index on the named id.
CREATE TRIGGER parties_body_rename AFTER UPDATE OF name ON parties WHEN OLD.name IS NOT NEW.name BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings'
        AND record_id IN (SELECT meeting_id FROM meeting_parties WHERE party_id = NEW.id);
    INSERT OR IGNORE INTO stale_bodies SELECT 'meetings', meeting_id FROM meeting_parties WHERE party_id = NEW.id;
END;
CREATE TRIGGER people_body_rename AFTER UPDATE OF name ON people WHEN OLD.name IS NOT NEW.name BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings'
        AND record_id IN (SELECT meeting_id FROM meeting_participants WHERE person_id = NEW.id);
    INSERT OR IGNORE INTO stale_bodies SELECT 'meetings', meeting_id FROM meeting_participants WHERE person_id = NEW.id;
END;
CREATE TRIGGER topics_body_rename AFTER UPDATE OF name ON topics WHEN OLD.name IS NOT NEW.name BEGIN
    DELETE FROM record_bodies WHERE collection = 'meetings'
        AND record_id IN (SELECT meeting_id FROM meeting_topics WHERE topic_id = NEW.id);
    INSERT OR IGNORE INTO stale_bodies SELECT 'meetings', meeting_id FROM meeting_topics WHERE topic_id = NEW.id;
END;
