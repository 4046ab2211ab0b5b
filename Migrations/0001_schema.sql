-- Parley's schema: the negotiations of January 2022 as one article tells them.
-- Every record traces to paragraphs of a source (record_sources); a field the
-- article does not state itself carries a *_basis of 'inferred'.

CREATE TABLE sources (
    id                TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
    title             TEXT NOT NULL,
    publisher         TEXT,
    language          TEXT NOT NULL,            -- language of the text Parley holds (BCP 47)
    original_language TEXT,                     -- language it was written in, where translated
    is_translation    INTEGER NOT NULL CHECK (is_translation IN (0, 1)),
    translation_note  TEXT,
    published         TEXT,                     -- YYYY-MM-DD or a week, as known
    published_basis   TEXT NOT NULL CHECK (published_basis IN ('stated', 'inferred')),
    file              TEXT NOT NULL             -- where the text came from
);

CREATE TABLE paragraphs (
    source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    number    INTEGER NOT NULL CHECK (number >= 1),
    text      TEXT NOT NULL,
    PRIMARY KEY (source_id, number)
) WITHOUT ROWID;

CREATE TABLE parties (
    id      TEXT PRIMARY KEY CHECK (id NOT GLOB '*[^a-z0-9-]*' AND id <> ''),
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('state', 'alliance', 'organization', 'union', 'group')),
    summary TEXT NOT NULL DEFAULT ''
);

CREATE TABLE party_aliases (
    party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,
    note     TEXT,                              -- e.g. 'article spelling', 'Russian'
    PRIMARY KEY (party_id, alias)
) WITHOUT ROWID;

-- member_id belongs to organization_id (a state in NATO, Ukraine as a NATO aspirant is not a member).
CREATE TABLE memberships (
    member_id       TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
    basis           TEXT NOT NULL CHECK (basis IN ('stated', 'inferred')),
    PRIMARY KEY (member_id, organization_id)
) WITHOUT ROWID;

CREATE TABLE people (
    id      TEXT PRIMARY KEY CHECK (id NOT GLOB '*[^a-z0-9-]*' AND id <> ''),
    name    TEXT NOT NULL,                      -- corrected canonical name
    summary TEXT NOT NULL DEFAULT ''
);

CREATE TABLE person_aliases (
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    note      TEXT,                             -- 'article spelling', 'Russian (Cyrillic)', …
    PRIMARY KEY (person_id, alias)
) WITHOUT ROWID;

CREATE TABLE posts (
    id         INTEGER PRIMARY KEY,
    person_id  TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    party_id   TEXT REFERENCES parties(id),
    start_date TEXT,                            -- YYYY-MM-DD, YYYY-MM or YYYY
    end_date   TEXT,
    basis      TEXT NOT NULL CHECK (basis IN ('stated', 'inferred'))
);
CREATE INDEX posts_person ON posts(person_id);

CREATE TABLE topics (
    id          TEXT PRIMARY KEY CHECK (id NOT GLOB '*[^a-z0-9-]*' AND id <> ''),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE meetings (
    id               TEXT PRIMARY KEY CHECK (id NOT GLOB '*[^a-z0-9-]*' AND id <> ''),
    title            TEXT NOT NULL,
    kind             TEXT NOT NULL,             -- bilateral-talks, multilateral-talks, press-briefing, demands, summit
    date             TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    end_date         TEXT NOT NULL CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND end_date >= date),
    date_basis       TEXT NOT NULL CHECK (date_basis IN ('stated', 'inferred')),
    location_city    TEXT,
    location_country TEXT,
    location_basis   TEXT CHECK (location_basis IN ('stated', 'inferred')),
    status           TEXT NOT NULL CHECK (status IN ('held', 'scheduled')),
    summary          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meetings_dates ON meetings(date, end_date);

CREATE TABLE meeting_parties (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    party_id   TEXT NOT NULL REFERENCES parties(id),
    role       TEXT NOT NULL CHECK (role IN ('host', 'negotiating-side', 'subject', 'consulted', 'addressee', 'author')),
    PRIMARY KEY (meeting_id, party_id)
) WITHOUT ROWID;
CREATE INDEX meeting_parties_party ON meeting_parties(party_id);

CREATE TABLE meeting_participants (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES people(id),
    role       TEXT NOT NULL DEFAULT '',        -- e.g. 'head of the US delegation'
    PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID;
CREATE INDEX meeting_participants_person ON meeting_participants(person_id);

CREATE TABLE meeting_topics (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    topic_id   TEXT NOT NULL REFERENCES topics(id),
    PRIMARY KEY (meeting_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX meeting_topics_topic ON meeting_topics(topic_id);

CREATE TABLE quotes (
    id           TEXT PRIMARY KEY CHECK (id NOT GLOB '*[^a-z0-9-]*' AND id <> ''),
    text         TEXT NOT NULL,                 -- exactly as the article prints it
    kind         TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'reported')),
    speaker_id   TEXT REFERENCES people(id),
    party_id     TEXT REFERENCES parties(id),
    date         TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    date_basis   TEXT CHECK (date_basis IN ('stated', 'inferred')),
    meeting_id   TEXT REFERENCES meetings(id),
    source_id    TEXT NOT NULL REFERENCES sources(id),
    paragraph    INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,              -- Unicode code points into the paragraph
    end_offset   INTEGER NOT NULL,              -- exclusive
    attribution  TEXT NOT NULL DEFAULT '',      -- how the article attributes it ('says', 'according to Smith', …)
    CHECK (end_offset > start_offset AND start_offset >= 0),
    FOREIGN KEY (source_id, paragraph) REFERENCES paragraphs(source_id, number)
);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX quotes_meeting ON quotes(meeting_id);

CREATE TABLE quote_topics (
    quote_id TEXT NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    topic_id TEXT NOT NULL REFERENCES topics(id),
    PRIMARY KEY (quote_id, topic_id)
) WITHOUT ROWID;

CREATE TABLE demands (
    id          TEXT PRIMARY KEY CHECK (id NOT GLOB '*[^a-z0-9-]*' AND id <> ''),
    party_id    TEXT NOT NULL REFERENCES parties(id),      -- who demands
    addressee   TEXT NOT NULL DEFAULT '',                  -- comma-free list is in demand_addressees
    text        TEXT NOT NULL,                             -- the demand as the article words it
    meeting_id  TEXT REFERENCES meetings(id),              -- where it was presented
    summary     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE demand_addressees (
    demand_id TEXT NOT NULL REFERENCES demands(id) ON DELETE CASCADE,
    party_id  TEXT NOT NULL REFERENCES parties(id),
    PRIMARY KEY (demand_id, party_id)
) WITHOUT ROWID;

CREATE TABLE demand_topics (
    demand_id TEXT NOT NULL REFERENCES demands(id) ON DELETE CASCADE,
    topic_id  TEXT NOT NULL REFERENCES topics(id),
    PRIMARY KEY (demand_id, topic_id)
) WITHOUT ROWID;

-- Where each record comes from. collection is the API collection name.
CREATE TABLE record_sources (
    collection TEXT NOT NULL CHECK (collection IN ('meetings', 'parties', 'people', 'quotes', 'topics', 'demands')),
    record_id  TEXT NOT NULL,
    source_id  TEXT NOT NULL REFERENCES sources(id),
    paragraph  INTEGER NOT NULL,
    PRIMARY KEY (collection, record_id, source_id, paragraph),
    FOREIGN KEY (source_id, paragraph) REFERENCES paragraphs(source_id, number)
) WITHOUT ROWID;

-- Every change in commit order; the seed's records are the first changes.
-- max(seq) is the data version that ETags and the response cache key on.
CREATE TABLE changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    collection TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    operation  TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
    actor      TEXT NOT NULL
);

-- Full-text search over quotes, meetings and people, diacritics folded (Gruško matches grusko).
CREATE VIRTUAL TABLE search_index USING fts5(
    collection UNINDEXED,
    record_id UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
