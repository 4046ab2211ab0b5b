-- Writes (issue 6): API tokens, idempotency keys, and quotes that need not come from a source paragraph.
--
-- Runs inside the migration runner's transaction under PRAGMA foreign_keys=ON and defer_foreign_keys=ON.

-- API tokens. Only a SHA-256 hash of each token is kept; the token itself is shown once, by
-- `parley token create`. A revoked token keeps its row (and its name) so the change feed's actors stay unique.
CREATE TABLE tokens (
    name       TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64 AND name NOT GLOB '*[^A-Za-z0-9._-]*'),
    hash       TEXT NOT NULL UNIQUE CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    revoked_at TEXT
) WITHOUT ROWID;

-- The first successful response to a POST that carried an Idempotency-Key, per token and key, so a retry
-- gets it again instead of creating a second record. `fingerprint` is the SHA-256 of method, path and body:
-- the same key with another request is refused. Kept for 24 hours.
CREATE TABLE idempotency_keys (
    token       TEXT NOT NULL REFERENCES tokens(name) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status      INTEGER NOT NULL,
    headers     TEXT NOT NULL,                  -- "Name: value" lines, LF-separated
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (token, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);

-- quotes: a quote written through the API may have no source paragraph (the next round of talks is not in
-- the article) and, when it has one, no character offsets. SQLite cannot relax NOT NULL in place, so the
-- table is rebuilt. Dropping it (foreign keys on) cascades to quote_topics, which is saved and restored.
CREATE TEMP TABLE saved_quote_topics AS SELECT quote_id, topic_id FROM quote_topics;

CREATE TABLE quotes_rebuilt (
    id           TEXT PRIMARY KEY CHECK (id NOT GLOB '*[^a-z0-9-]*' AND id <> ''),
    text         TEXT NOT NULL,                 -- exactly as the source prints it
    kind         TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'reported')),
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
    CHECK ((source_id IS NULL) = (paragraph IS NULL)),
    CHECK ((start_offset IS NULL) = (end_offset IS NULL)),
    CHECK (start_offset IS NULL OR (paragraph IS NOT NULL AND start_offset >= 0 AND end_offset > start_offset)),
    FOREIGN KEY (source_id, paragraph) REFERENCES paragraphs(source_id, number)
);
INSERT INTO quotes_rebuilt (id, text, kind, speaker_id, party_id, date, date_basis, meeting_id, source_id, paragraph,
                            start_offset, end_offset, attribution)
SELECT id, text, kind, speaker_id, party_id, date, date_basis, meeting_id, source_id, paragraph,
       start_offset, end_offset, attribution
FROM quotes;
DROP TABLE quotes;
ALTER TABLE quotes_rebuilt RENAME TO quotes;
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX quotes_meeting ON quotes(meeting_id);
CREATE INDEX quotes_party ON quotes(party_id);

INSERT INTO quote_topics (quote_id, topic_id) SELECT quote_id, topic_id FROM saved_quote_topics;
DROP TABLE saved_quote_topics;

-- What the write API looks up to refuse deleting a record others still reference.
CREATE INDEX demands_meeting ON demands(meeting_id);
CREATE INDEX demands_party ON demands(party_id);
CREATE INDEX demand_addressees_party ON demand_addressees(party_id);
CREATE INDEX demand_topics_topic ON demand_topics(topic_id);
CREATE INDEX quote_topics_topic ON quote_topics(topic_id);
CREATE INDEX posts_party ON posts(party_id);
CREATE INDEX memberships_organization ON memberships(organization_id);
