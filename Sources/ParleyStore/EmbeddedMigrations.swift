// Generated from Migrations/*.sql by `PARLEY_REGENERATE=1 swift test --filter EmbeddedResourceTests`.
// Do not edit: EmbeddedResourceTests fails when this differs from Migrations/.

/// The migrations carried in the binary, so `parley` runs from any directory.
enum EmbeddedMigrations {
    static let all: [Migration] = [
        Migration(version: 1, name: "0001_schema.sql", sql: #"""
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

"""#),
        Migration(version: 2, name: "0002_seed_article.sql", sql: #"""
-- Parley seed: the January 2022 negotiations between Russia and the United States,
-- NATO and the OSCE, as told by ONE article (Docs/article.txt, a byte-exact copy of
-- shared/seeds/000_008aa5ddc99383aa.txt). See Docs/DATA.md for where every record
-- comes from, the corrections made to the machine-translated text and what is inferred.
--
-- Runs inside the migration runner's transaction (no BEGIN/COMMIT here) and under
-- PRAGMA foreign_keys=ON. Quote offsets are Unicode code points, end exclusive:
--   substr(paragraphs.text, start_offset + 1, end_offset - start_offset) = quotes.text
-- After any edit re-run Tests/Data/check_seed.sh (it re-checks every quote offset).

-- sources: the one article. published = Monday of the week of publication (inferred).
INSERT INTO sources (id, title, publisher, language, original_language, is_translation, translation_note, published, published_basis, file) VALUES
  ('article', 'Negotiations with Russia: NATO envoy Julianne Smith on the talks of 10–13 January 2022 [title supplied by Parley]', NULL, 'en', 'fi', 1, 'Machine translation from Finnish; the article carries no headline or publisher, so the title is Parley’s own. Translation slips are listed in Docs/DATA.md; paragraph and quote text is kept exactly as printed.', '2022-01-10', 'inferred', 'shared/seeds/000_008aa5ddc99383aa.txt');

-- paragraphs: the non-empty lines of the article, numbered from 1, byte-exact.
INSERT INTO paragraphs (source_id, number, text) VALUES
  ('article', 1, 'No one knows for sure what will happen in the negotiations with Russia. “We don’t have a crystal ball,” says U.S. NATO envoy Julianne Smith.'),
  ('article', 2, 'Russia has created tensions in the geopolitical situation in Europe, which are now being addressed through high – level negotiations.'),
  ('article', 3, 'Negotiations were concluded when Russia presented a detailed list of demands to the United States and NATO in December. Possibly in order to make its demands more effective, Russia has brought its armed forces close to Ukraine’s borders. Russia insists that NATO should not consider Ukraine’s membership, and that it should not expand geographically, at least geographically, to Russia.'),
  ('article', 4, 'Russia negotiated with the United States on Monday. Negotiations with NATO are scheduled for Wednesday and with the Organization for Security and Cooperation in Europe (OSCE) on Thursday.'),
  ('article', 5, 'Deputy Minister of Foreign Affairs of Russia Alexander Gruško spoke at the “moment of truth” about the forthcoming NATO talks on Wednesday, according to AFP news agency.'),
  ('article', 6, 'Deputy Secretary of State Wendy Sherman and Russian Deputy Foreign Minister Sergei Ryabkov opened a negotiating pipeline this week in Geneva, Switzerland.'),
  ('article', 7, 'The most important step in the negotiations was the continuation of the negotiations.'),
  ('article', 8, 'Military alliance NATO rose to the center of talks as early as Monday. The U.S. Sherman stressed that he made it clear that no one has the right to “catch NATO’s open door policy”. At the same time, Russia’s Ryabkov demanded that the negotiations need a response – some kind of step – from NATO.'),
  ('article', 9, '“The demand for flexibility in NATO’s open door policy is a company doomed to failure, nonstarter. All 30 NATO members have a common line on this, ”says the US Permanent Representative to NATO Julianne Smith.'),
  ('article', 10, '“It is crystal clear that no member state is ready to negotiate a restriction on membership applications.”'),
  ('article', 11, 'Julianne Smith is the United States Permanent Representative to NATO. He took up the post in November. Prior to that, he served as U.S. Secretary of State from January 2021 Anthony Blinkenin as an advisor.'),
  ('article', 12, 'US NATO Representative Julianne Smith.'),
  ('article', 13, 'Smith spoke to journalists at a webinar in Brussels on Tuesday night Finnish time.'),
  ('article', 14, 'Russia has called on NATO to withdraw its promise in its 2008 Bucharest resolution that Ukraine and Georgia are welcome to join NATO.'),
  ('article', 15, 'According to Smith, it is clear that NATO countries will not agree to negotiate with Russia on Wednesday. That would be a restriction on open door policy.'),
  ('article', 16, '“We are all committed to dialogue and to meeting this challenge together,” Smith referred to the United States’ NATO partners, stressing that no one would agree without consulting them – Ukraine, the EU or even smaller NATO members such as the Baltics.'),
  ('article', 17, 'Where from on Wednesday then negotiating? Russia has presented a multi-point list of its demands. Among them is the demand that NATO should not bring its armaments close enough to Russia’s borders and conduct exercises close to Russia’s borders.'),
  ('article', 18, 'According to Smith, NATO negotiators are in a wait-and-see attitude. Let’s see what the Russians say when they sit down at the negotiating table, Smith puts it.'),
  ('article', 19, '“No one knows for sure. We don’t have a crystal ball. But we are prepared. ”'),
  ('article', 20, 'According to Smith, member states in different NATO positions do not have different lines for negotiations. There is therefore no real divide between, for example, NATO and EU members and, for example, NATO member Turkey.'),
  ('article', 21, '“Of course, whenever there are 30 member countries, there are also slightly different perspectives. But they are not about disagreements. We have a broad consensus. ”'),
  ('article', 22, 'Smithin According to Russia, there are three overarching themes in the negotiations between Russia and NATO: risk reduction, arms control and transparency. Especially in reducing risks, it is possible to move forward with Russia, Smith estimates. However, it is not certain.'),
  ('article', 23, '“We try to stay accurate. We are not very optimistic, but we are not really pessimistic either. ”');

-- topics
INSERT INTO topics (id, name, description) VALUES
  ('alliance-unity', 'Allied unity', 'Whether NATO’s 30 members share one line towards Russia; Smith says there is a broad consensus and no real divide.'),
  ('arms-control', 'Arms control', 'One of the three overarching themes Smith names for the NATO–Russia talks.'),
  ('dialogue', 'Dialogue and continued negotiation', 'Keeping talks going: the continuation of negotiations as the most important step, commitment to dialogue, Russia’s demand for a response.'),
  ('european-security', 'European security', 'Tensions Russia has created in the geopolitical situation in Europe, addressed through high-level negotiations.'),
  ('georgia-membership', 'Georgia’s NATO membership', 'NATO’s 2008 Bucharest promise that Georgia (with Ukraine) is welcome to join, which Russia wants withdrawn.'),
  ('military-exercises', 'Military exercises near Russia', 'Russia’s demand that NATO not conduct exercises close to Russia’s borders.'),
  ('nato-armaments-near-russia', 'NATO armaments near Russia’s borders', 'Russia’s demand that NATO not bring its armaments close to Russia’s borders.'),
  ('nato-enlargement', 'NATO enlargement', 'Geographic expansion of NATO towards Russia and new members; Russia demands NATO not expand, NATO members refuse to restrict membership applications.'),
  ('negotiation-outlook', 'Outlook for the talks', 'Expectations for the negotiations: no crystal ball, wait-and-see, neither very optimistic nor pessimistic.'),
  ('open-door-policy', 'NATO open door policy', 'NATO’s policy of being open to new members; the allies refuse to negotiate restrictions on it.'),
  ('risk-reduction', 'Risk reduction', 'Reducing risks; one of the three overarching themes, and the one where, according to Smith, it is especially possible to move forward with Russia.'),
  ('russian-forces-near-ukraine', 'Russian forces near Ukraine', 'Russia has brought its armed forces close to Ukraine’s borders, possibly to make its demands more effective.'),
  ('transparency', 'Transparency', 'One of the three overarching themes Smith names for the NATO–Russia talks.'),
  ('ukraine-membership', 'Ukraine’s NATO membership', 'Russia insists NATO should not consider Ukraine’s membership and wants the 2008 Bucharest promise withdrawn.');

-- parties
INSERT INTO parties (id, name, kind, summary) VALUES
  ('russia', 'Russia', 'state', 'Presented a detailed list of demands to the United States and NATO in December 2021 and brought its armed forces close to Ukraine’s borders; negotiates with the United States (10 January 2022), NATO (12 January) and the OSCE (13 January).'),
  ('nato', 'NATO', 'alliance', 'Military alliance of 30 member countries; its open door policy was at the centre of the talks. Negotiates with Russia on Wednesday 12 January 2022.'),
  ('osce', 'Organization for Security and Co-operation in Europe', 'organization', 'Negotiates with Russia on Thursday 13 January 2022.'),
  ('ukraine', 'Ukraine', 'state', 'Not a NATO member. Russia insists NATO should not consider Ukraine’s membership and has brought forces close to its borders; Smith says no one would agree without consulting Ukraine.'),
  ('georgia', 'Georgia', 'state', 'Named with Ukraine in NATO’s 2008 Bucharest resolution as welcome to join NATO; Russia wants that promise withdrawn.'),
  ('european-union', 'European Union', 'union', 'Smith says no one would agree without consulting the EU; no real divide between NATO and EU members and NATO member Turkey.'),
  ('baltic-states', 'Baltic states', 'group', 'Estonia, Latvia and Lithuania; called “smaller NATO members such as the Baltics” in the article.'),
  ('albania', 'Albania', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('belgium', 'Belgium', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('bulgaria', 'Bulgaria', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('canada', 'Canada', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('croatia', 'Croatia', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('czech-republic', 'Czech Republic', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('denmark', 'Denmark', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('estonia', 'Estonia', 'state', 'Baltic state; one of “the Baltics”, which the article calls smaller NATO members Smith says would be consulted.'),
  ('france', 'France', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('germany', 'Germany', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('greece', 'Greece', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('hungary', 'Hungary', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('iceland', 'Iceland', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('italy', 'Italy', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('latvia', 'Latvia', 'state', 'Baltic state; one of “the Baltics”, which the article calls smaller NATO members Smith says would be consulted.'),
  ('lithuania', 'Lithuania', 'state', 'Baltic state; one of “the Baltics”, which the article calls smaller NATO members Smith says would be consulted.'),
  ('luxembourg', 'Luxembourg', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('montenegro', 'Montenegro', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('netherlands', 'Netherlands', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('north-macedonia', 'North Macedonia', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('norway', 'Norway', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('poland', 'Poland', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('portugal', 'Portugal', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('romania', 'Romania', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('slovakia', 'Slovakia', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('slovenia', 'Slovenia', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('spain', 'Spain', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('turkey', 'Turkey', 'state', 'NATO member (“NATO member Turkey”); according to Smith there is no real divide between it and the NATO and EU members.'),
  ('united-kingdom', 'United Kingdom', 'state', 'NATO member state (one of the 30 members in January 2022); not named in the article.'),
  ('united-states', 'United States', 'state', 'NATO member; negotiated with Russia in Geneva on Monday 10 January 2022 (Wendy Sherman). Addressee, with NATO, of Russia’s December 2021 list of demands. Julianne Smith is its Permanent Representative to NATO.');

-- party_aliases
INSERT INTO party_aliases (party_id, alias, note) VALUES
  ('russia', 'Russian Federation', 'official name'),
  ('russia', 'Россия', 'Russian'),
  ('nato', 'North Atlantic Treaty Organization', 'full name'),
  ('nato', 'military alliance NATO', 'article spelling'),
  ('osce', 'OSCE', 'article spelling'),
  ('osce', 'Organization for Security and Cooperation in Europe', 'article spelling'),
  ('ukraine', 'Україна', 'Ukrainian'),
  ('georgia', 'საქართველო', 'Georgian'),
  ('european-union', 'EU', 'article spelling'),
  ('baltic-states', 'the Baltics', 'article spelling'),
  ('baltic-states', 'Baltics', 'article spelling'),
  ('czech-republic', 'Czechia', 'short name'),
  ('netherlands', 'the Netherlands', 'usual form'),
  ('turkey', 'Türkiye', 'official English name since 2022'),
  ('united-kingdom', 'UK', 'abbreviation'),
  ('united-states', 'US', 'article spelling'),
  ('united-states', 'U.S.', 'article spelling'),
  ('united-states', 'the United States', 'article spelling'),
  ('united-states', 'United States of America', 'official name');

-- memberships: the 30 NATO members of January 2022; stated where the article calls them members
INSERT INTO memberships (member_id, organization_id, basis) VALUES
  ('albania', 'nato', 'inferred'),
  ('belgium', 'nato', 'inferred'),
  ('bulgaria', 'nato', 'inferred'),
  ('canada', 'nato', 'inferred'),
  ('croatia', 'nato', 'inferred'),
  ('czech-republic', 'nato', 'inferred'),
  ('denmark', 'nato', 'inferred'),
  ('estonia', 'nato', 'stated'),
  ('france', 'nato', 'inferred'),
  ('germany', 'nato', 'inferred'),
  ('greece', 'nato', 'inferred'),
  ('hungary', 'nato', 'inferred'),
  ('iceland', 'nato', 'inferred'),
  ('italy', 'nato', 'inferred'),
  ('latvia', 'nato', 'stated'),
  ('lithuania', 'nato', 'stated'),
  ('luxembourg', 'nato', 'inferred'),
  ('montenegro', 'nato', 'inferred'),
  ('netherlands', 'nato', 'inferred'),
  ('north-macedonia', 'nato', 'inferred'),
  ('norway', 'nato', 'inferred'),
  ('poland', 'nato', 'inferred'),
  ('portugal', 'nato', 'inferred'),
  ('romania', 'nato', 'inferred'),
  ('slovakia', 'nato', 'inferred'),
  ('slovenia', 'nato', 'inferred'),
  ('spain', 'nato', 'inferred'),
  ('turkey', 'nato', 'stated'),
  ('united-kingdom', 'nato', 'inferred'),
  ('united-states', 'nato', 'stated'),
  ('estonia', 'baltic-states', 'inferred'),
  ('latvia', 'baltic-states', 'inferred'),
  ('lithuania', 'baltic-states', 'inferred');

-- people (canonical, corrected names)
INSERT INTO people (id, name, summary) VALUES
  ('alexander-grushko', 'Alexander Grushko', 'Russian Deputy Minister of Foreign Affairs; according to AFP he called the forthcoming NATO–Russia talks of Wednesday 12 January 2022 the “moment of truth”.'),
  ('antony-blinken', 'Antony Blinken', 'US Secretary of State; Julianne Smith served as his advisor from January 2021.'),
  ('julianne-smith', 'Julianne Smith', 'United States Permanent Representative to NATO since November 2021, before that an advisor to Secretary of State Antony Blinken from January 2021. Spoke to journalists at a webinar in Brussels on Tuesday 11 January 2022.'),
  ('sergei-ryabkov', 'Sergei Ryabkov', 'Russian Deputy Foreign Minister; opened the negotiations with Wendy Sherman in Geneva on Monday 10 January 2022 and demanded a response from NATO.'),
  ('wendy-sherman', 'Wendy Sherman', 'US Deputy Secretary of State; opened the negotiations with Sergei Ryabkov in Geneva on Monday 10 January 2022 and said no one has the right to “catch” (close) NATO’s open door policy.');

-- person_aliases: article spellings, own script, Latin alternatives
INSERT INTO person_aliases (person_id, alias, note) VALUES
  ('alexander-grushko', 'Alexander Gruško', 'article spelling'),
  ('alexander-grushko', 'Gruško', 'article spelling'),
  ('alexander-grushko', 'Grushko', 'surname'),
  ('alexander-grushko', 'Aleksandr Grushko', 'Latin alternative'),
  ('alexander-grushko', 'Aleksandr Gruško', 'Finnish transliteration'),
  ('alexander-grushko', 'Александр Грушко', 'Russian (Cyrillic)'),
  ('antony-blinken', 'Anthony Blinkenin', 'article spelling (Finnish genitive, misspelt first name)'),
  ('antony-blinken', 'Blinkenin', 'article spelling (Finnish genitive)'),
  ('antony-blinken', 'Blinken', 'surname'),
  ('julianne-smith', 'Smith', 'surname'),
  ('julianne-smith', 'Smithin', 'article spelling (Finnish genitive)'),
  ('sergei-ryabkov', 'Ryabkov', 'surname'),
  ('sergei-ryabkov', 'Sergey Ryabkov', 'Latin alternative'),
  ('sergei-ryabkov', 'Sergei Rjabkov', 'Finnish transliteration'),
  ('sergei-ryabkov', 'Сергей Рябков', 'Russian (Cyrillic)'),
  ('wendy-sherman', 'Sherman', 'surname');

-- posts
INSERT INTO posts (id, person_id, title, party_id, start_date, end_date, basis) VALUES
  (1, 'julianne-smith', 'United States Permanent Representative to NATO', 'united-states', '2021-11', NULL, 'inferred'),
  (2, 'julianne-smith', 'Advisor to US Secretary of State Antony Blinken', 'united-states', '2021-01', '2021-11', 'inferred'),
  (3, 'wendy-sherman', 'US Deputy Secretary of State', 'united-states', NULL, NULL, 'stated'),
  (4, 'sergei-ryabkov', 'Deputy Foreign Minister of Russia', 'russia', NULL, NULL, 'stated'),
  (5, 'alexander-grushko', 'Deputy Minister of Foreign Affairs of Russia', 'russia', NULL, NULL, 'stated'),
  (6, 'antony-blinken', 'US Secretary of State', 'united-states', NULL, NULL, 'stated');

-- meetings
INSERT INTO meetings (id, title, kind, date, end_date, date_basis, location_city, location_country, location_basis, status, summary) VALUES
  ('us-russia-geneva-2022-01-10', 'US–Russia talks in Geneva', 'bilateral-talks', '2022-01-10', '2022-01-10', 'inferred', 'Geneva', 'Switzerland', 'stated', 'held', 'Russia negotiated with the United States on Monday. US Deputy Secretary of State Wendy Sherman and Russian Deputy Foreign Minister Sergei Ryabkov opened the negotiations in Geneva. NATO was at the centre of the talks: Sherman said no one has the right to close (“catch”) NATO’s open door policy, while Ryabkov demanded a response – some kind of step – from NATO. The most important step was the continuation of the negotiations.'),
  ('smith-press-webinar-2022-01-11', 'Julianne Smith’s press webinar from Brussels', 'press-briefing', '2022-01-11', '2022-01-11', 'inferred', 'Brussels', 'Belgium', 'stated', 'held', 'Julianne Smith, the US Permanent Representative to NATO, spoke to journalists at a webinar in Brussels on Tuesday night Finnish time, ahead of the NATO–Russia talks. She called the demand for flexibility in NATO’s open door policy doomed to failure, said all 30 members share a common line and no one would agree without consulting Ukraine, the EU or smaller members such as the Baltics, and named risk reduction, arms control and transparency as the three overarching themes, risk reduction being where it is especially possible to move forward with Russia.'),
  ('nato-russia-council-2022-01-12', 'NATO–Russia talks', 'multilateral-talks', '2022-01-12', '2022-01-12', 'inferred', 'Brussels', 'Belgium', 'inferred', 'scheduled', 'Negotiations between NATO and Russia scheduled for Wednesday. Russian Deputy Foreign Minister Alexander Grushko spoke of them as the “moment of truth” (AFP). According to Julianne Smith, NATO countries will not agree to negotiate restrictions on the open door policy; the three overarching themes are risk reduction, arms control and transparency. Russia’s demands on armaments and exercises near its borders are on the table. The article does not say where the talks take place.'),
  ('osce-russia-2022-01-13', 'Russia–OSCE talks', 'multilateral-talks', '2022-01-13', '2022-01-13', 'inferred', 'Vienna', 'Austria', 'inferred', 'scheduled', 'Negotiations between Russia and the Organization for Security and Co-operation in Europe (OSCE) scheduled for Thursday. The article gives no further details and does not say where the talks take place.'),
  ('russia-demands-2021-12-17', 'Russia presents its list of demands to the United States and NATO', 'demands', '2021-12-17', '2021-12-17', 'inferred', 'Moscow', 'Russia', 'inferred', 'held', 'In December Russia presented a detailed, multi-point list of demands to the United States and NATO, which set the negotiations going: NATO should not consider Ukraine’s membership, should not expand geographically towards Russia, should not bring its armaments close to Russia’s borders and should not conduct exercises close to them. Russia has also called on NATO to withdraw its 2008 Bucharest promise that Ukraine and Georgia are welcome to join.'),
  ('bucharest-summit-2008', 'NATO Bucharest summit', 'summit', '2008-04-02', '2008-04-04', 'inferred', 'Bucharest', 'Romania', 'inferred', 'held', 'NATO’s 2008 summit, whose Bucharest resolution says Ukraine and Georgia are welcome to join NATO. Russia has called on NATO to withdraw that promise.');

-- meeting_parties
INSERT INTO meeting_parties (meeting_id, party_id, role) VALUES
  ('us-russia-geneva-2022-01-10', 'united-states', 'negotiating-side'),
  ('us-russia-geneva-2022-01-10', 'russia', 'negotiating-side'),
  ('us-russia-geneva-2022-01-10', 'nato', 'subject'),
  ('us-russia-geneva-2022-01-10', 'ukraine', 'subject'),
  ('us-russia-geneva-2022-01-10', 'european-union', 'consulted'),
  ('us-russia-geneva-2022-01-10', 'baltic-states', 'consulted'),
  ('smith-press-webinar-2022-01-11', 'united-states', 'host'),
  ('smith-press-webinar-2022-01-11', 'nato', 'subject'),
  ('smith-press-webinar-2022-01-11', 'russia', 'subject'),
  ('nato-russia-council-2022-01-12', 'nato', 'negotiating-side'),
  ('nato-russia-council-2022-01-12', 'russia', 'negotiating-side'),
  ('nato-russia-council-2022-01-12', 'ukraine', 'subject'),
  ('osce-russia-2022-01-13', 'osce', 'negotiating-side'),
  ('osce-russia-2022-01-13', 'russia', 'negotiating-side'),
  ('russia-demands-2021-12-17', 'russia', 'author'),
  ('russia-demands-2021-12-17', 'united-states', 'addressee'),
  ('russia-demands-2021-12-17', 'nato', 'addressee'),
  ('russia-demands-2021-12-17', 'ukraine', 'subject'),
  ('russia-demands-2021-12-17', 'georgia', 'subject'),
  ('bucharest-summit-2008', 'nato', 'host'),
  ('bucharest-summit-2008', 'ukraine', 'subject'),
  ('bucharest-summit-2008', 'georgia', 'subject');

-- meeting_participants
INSERT INTO meeting_participants (meeting_id, person_id, role) VALUES
  ('us-russia-geneva-2022-01-10', 'wendy-sherman', 'US Deputy Secretary of State'),
  ('us-russia-geneva-2022-01-10', 'sergei-ryabkov', 'Russian Deputy Foreign Minister'),
  ('smith-press-webinar-2022-01-11', 'julianne-smith', 'speaker; US Permanent Representative to NATO');

-- meeting_topics
INSERT INTO meeting_topics (meeting_id, topic_id) VALUES
  ('us-russia-geneva-2022-01-10', 'dialogue'),
  ('us-russia-geneva-2022-01-10', 'nato-enlargement'),
  ('us-russia-geneva-2022-01-10', 'open-door-policy'),
  ('smith-press-webinar-2022-01-11', 'alliance-unity'),
  ('smith-press-webinar-2022-01-11', 'arms-control'),
  ('smith-press-webinar-2022-01-11', 'dialogue'),
  ('smith-press-webinar-2022-01-11', 'negotiation-outlook'),
  ('smith-press-webinar-2022-01-11', 'open-door-policy'),
  ('smith-press-webinar-2022-01-11', 'risk-reduction'),
  ('smith-press-webinar-2022-01-11', 'transparency'),
  ('nato-russia-council-2022-01-12', 'arms-control'),
  ('nato-russia-council-2022-01-12', 'military-exercises'),
  ('nato-russia-council-2022-01-12', 'nato-armaments-near-russia'),
  ('nato-russia-council-2022-01-12', 'open-door-policy'),
  ('nato-russia-council-2022-01-12', 'risk-reduction'),
  ('nato-russia-council-2022-01-12', 'transparency'),
  ('osce-russia-2022-01-13', 'european-security'),
  ('russia-demands-2021-12-17', 'georgia-membership'),
  ('russia-demands-2021-12-17', 'military-exercises'),
  ('russia-demands-2021-12-17', 'nato-armaments-near-russia'),
  ('russia-demands-2021-12-17', 'nato-enlargement'),
  ('russia-demands-2021-12-17', 'russian-forces-near-ukraine'),
  ('russia-demands-2021-12-17', 'ukraine-membership'),
  ('bucharest-summit-2008', 'georgia-membership'),
  ('bucharest-summit-2008', 'nato-enlargement'),
  ('bucharest-summit-2008', 'open-door-policy'),
  ('bucharest-summit-2008', 'ukraine-membership');

-- quotes: text exactly as printed; offsets in Unicode code points, end exclusive
INSERT INTO quotes (id, text, kind, speaker_id, party_id, date, date_basis, meeting_id, source_id, paragraph, start_offset, end_offset, attribution) VALUES
  ('smith-crystal-ball-p1', 'We don’t have a crystal ball,', 'direct', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 1, 73, 102, 'says U.S. NATO envoy Julianne Smith'),
  ('russia-insists-no-ukraine-membership', 'NATO should not consider Ukraine’s membership, and that it should not expand geographically, at least geographically, to Russia', 'reported', NULL, 'russia', NULL, NULL, 'russia-demands-2021-12-17', 'article', 3, 258, 385, 'Russia insists that'),
  ('grushko-moment-of-truth', 'moment of truth', 'partial', 'alexander-grushko', 'russia', NULL, NULL, 'nato-russia-council-2022-01-12', 'article', 5, 76, 91, 'Deputy Minister of Foreign Affairs of Russia Alexander Gruško spoke at the … about the forthcoming NATO talks on Wednesday, according to AFP news agency'),
  ('sherman-catch-open-door', 'catch NATO’s open door policy', 'partial', 'wendy-sherman', 'united-states', '2022-01-10', 'inferred', 'us-russia-geneva-2022-01-10', 'article', 8, 149, 178, 'The U.S. Sherman stressed that he made it clear that no one has the right to'),
  ('sherman-no-right-open-door', 'no one has the right to “catch NATO’s open door policy”', 'reported', 'wendy-sherman', 'united-states', '2022-01-10', 'inferred', 'us-russia-geneva-2022-01-10', 'article', 8, 124, 179, 'The U.S. Sherman stressed that he made it clear that'),
  ('ryabkov-response-from-nato', 'the negotiations need a response – some kind of step – from NATO', 'reported', 'sergei-ryabkov', 'russia', '2022-01-10', 'inferred', 'us-russia-geneva-2022-01-10', 'article', 8, 230, 294, 'Russia’s Ryabkov demanded that'),
  ('smith-open-door-nonstarter', 'The demand for flexibility in NATO’s open door policy is a company doomed to failure, nonstarter. All 30 NATO members have a common line on this,', 'direct', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 9, 1, 146, 'says the US Permanent Representative to NATO Julianne Smith'),
  ('smith-crystal-clear-membership', 'It is crystal clear that no member state is ready to negotiate a restriction on membership applications.', 'direct', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 10, 1, 105, 'no attribution in its paragraph; continues Smith’s quotation in paragraph 9'),
  ('russia-withdraw-bucharest-promise', 'to withdraw its promise in its 2008 Bucharest resolution that Ukraine and Georgia are welcome to join NATO', 'reported', NULL, 'russia', NULL, NULL, 'russia-demands-2021-12-17', 'article', 14, 26, 132, 'Russia has called on NATO'),
  ('smith-no-agreement-wednesday', 'it is clear that NATO countries will not agree to negotiate with Russia on Wednesday. That would be a restriction on open door policy', 'reported', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 15, 20, 153, 'According to Smith'),
  ('smith-committed-to-dialogue', 'We are all committed to dialogue and to meeting this challenge together,', 'direct', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 16, 1, 73, 'Smith referred to the United States’ NATO partners'),
  ('smith-no-agreement-without-consulting', 'no one would agree without consulting them – Ukraine, the EU or even smaller NATO members such as the Baltics', 'reported', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 16, 142, 251, 'stressing that'),
  ('smith-wait-and-see', 'NATO negotiators are in a wait-and-see attitude', 'reported', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 18, 20, 67, 'According to Smith'),
  ('smith-lets-see', 'Let’s see what the Russians say when they sit down at the negotiating table', 'reported', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 18, 69, 144, 'Smith puts it'),
  ('smith-crystal-ball-p19', 'No one knows for sure. We don’t have a crystal ball. But we are prepared.', 'direct', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 19, 1, 74, 'no attribution in its paragraph; follows “Smith puts it” in paragraph 18'),
  ('smith-no-different-lines', 'member states in different NATO positions do not have different lines for negotiations. There is therefore no real divide between, for example, NATO and EU members and, for example, NATO member Turkey', 'reported', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 20, 20, 220, 'According to Smith'),
  ('smith-broad-consensus', 'Of course, whenever there are 30 member countries, there are also slightly different perspectives. But they are not about disagreements. We have a broad consensus.', 'direct', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 21, 1, 164, 'no attribution in its paragraph; follows “According to Smith” in paragraph 20'),
  ('smith-three-themes', 'there are three overarching themes in the negotiations between Russia and NATO: risk reduction, arms control and transparency', 'reported', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 22, 29, 154, 'Smithin According to Russia (garbled “According to Smith, with Russia”)'),
  ('smith-risk-reduction-progress', 'Especially in reducing risks, it is possible to move forward with Russia', 'reported', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 22, 156, 228, 'Smith estimates'),
  ('smith-not-optimistic-not-pessimistic', 'We try to stay accurate. We are not very optimistic, but we are not really pessimistic either.', 'direct', 'julianne-smith', 'united-states', '2022-01-11', 'inferred', 'smith-press-webinar-2022-01-11', 'article', 23, 1, 95, 'no attribution in its paragraph; follows “Smith estimates” in paragraph 22');

-- quote_topics
INSERT INTO quote_topics (quote_id, topic_id) VALUES
  ('smith-crystal-ball-p1', 'negotiation-outlook'),
  ('russia-insists-no-ukraine-membership', 'nato-enlargement'),
  ('russia-insists-no-ukraine-membership', 'ukraine-membership'),
  ('grushko-moment-of-truth', 'negotiation-outlook'),
  ('sherman-catch-open-door', 'open-door-policy'),
  ('sherman-no-right-open-door', 'nato-enlargement'),
  ('sherman-no-right-open-door', 'open-door-policy'),
  ('ryabkov-response-from-nato', 'dialogue'),
  ('smith-open-door-nonstarter', 'alliance-unity'),
  ('smith-open-door-nonstarter', 'open-door-policy'),
  ('smith-crystal-clear-membership', 'alliance-unity'),
  ('smith-crystal-clear-membership', 'nato-enlargement'),
  ('smith-crystal-clear-membership', 'open-door-policy'),
  ('russia-withdraw-bucharest-promise', 'georgia-membership'),
  ('russia-withdraw-bucharest-promise', 'nato-enlargement'),
  ('russia-withdraw-bucharest-promise', 'ukraine-membership'),
  ('smith-no-agreement-wednesday', 'open-door-policy'),
  ('smith-committed-to-dialogue', 'alliance-unity'),
  ('smith-committed-to-dialogue', 'dialogue'),
  ('smith-no-agreement-without-consulting', 'alliance-unity'),
  ('smith-wait-and-see', 'negotiation-outlook'),
  ('smith-lets-see', 'negotiation-outlook'),
  ('smith-crystal-ball-p19', 'negotiation-outlook'),
  ('smith-no-different-lines', 'alliance-unity'),
  ('smith-broad-consensus', 'alliance-unity'),
  ('smith-three-themes', 'arms-control'),
  ('smith-three-themes', 'risk-reduction'),
  ('smith-three-themes', 'transparency'),
  ('smith-risk-reduction-progress', 'negotiation-outlook'),
  ('smith-risk-reduction-progress', 'risk-reduction'),
  ('smith-not-optimistic-not-pessimistic', 'negotiation-outlook');

-- demands: text = the article's wording, summary = normalised reading
INSERT INTO demands (id, party_id, addressee, text, meeting_id, summary) VALUES
  ('no-ukraine-membership', 'russia', 'NATO and the United States', 'NATO should not consider Ukraine’s membership', 'russia-demands-2021-12-17', 'NATO should not consider Ukraine’s membership.'),
  ('no-expansion-towards-russia', 'russia', 'NATO and the United States', 'it should not expand geographically, at least geographically, to Russia', 'russia-demands-2021-12-17', 'NATO should not expand geographically towards Russia.'),
  ('no-armaments-near-russia', 'russia', 'NATO and the United States', 'NATO should not bring its armaments close enough to Russia’s borders', 'russia-demands-2021-12-17', 'NATO should not bring its armaments close to Russia’s borders.'),
  ('no-exercises-near-russia', 'russia', 'NATO and the United States', 'conduct exercises close to Russia’s borders', 'russia-demands-2021-12-17', 'NATO should not conduct exercises close to Russia’s borders (the article’s sentence drops the negation: “should not bring its armaments … and conduct exercises”).'),
  ('withdraw-bucharest-promise', 'russia', 'NATO', 'to withdraw its promise in its 2008 Bucharest resolution that Ukraine and Georgia are welcome to join NATO', 'russia-demands-2021-12-17', 'NATO should withdraw the promise of its 2008 Bucharest resolution that Ukraine and Georgia are welcome to join NATO.'),
  ('nato-response', 'russia', 'NATO', 'the negotiations need a response – some kind of step – from NATO', 'us-russia-geneva-2022-01-10', 'Ryabkov, in Geneva on Monday, demanded a response – some kind of step – from NATO.');

-- demand_addressees
INSERT INTO demand_addressees (demand_id, party_id) VALUES
  ('no-ukraine-membership', 'nato'),
  ('no-ukraine-membership', 'united-states'),
  ('no-expansion-towards-russia', 'nato'),
  ('no-expansion-towards-russia', 'united-states'),
  ('no-armaments-near-russia', 'nato'),
  ('no-armaments-near-russia', 'united-states'),
  ('no-exercises-near-russia', 'nato'),
  ('no-exercises-near-russia', 'united-states'),
  ('withdraw-bucharest-promise', 'nato'),
  ('nato-response', 'nato');

-- demand_topics
INSERT INTO demand_topics (demand_id, topic_id) VALUES
  ('no-ukraine-membership', 'nato-enlargement'),
  ('no-ukraine-membership', 'ukraine-membership'),
  ('no-expansion-towards-russia', 'nato-enlargement'),
  ('no-armaments-near-russia', 'nato-armaments-near-russia'),
  ('no-exercises-near-russia', 'military-exercises'),
  ('withdraw-bucharest-promise', 'georgia-membership'),
  ('withdraw-bucharest-promise', 'nato-enlargement'),
  ('withdraw-bucharest-promise', 'ukraine-membership'),
  ('nato-response', 'dialogue');

-- record_sources: the paragraphs that support each record
INSERT INTO record_sources (collection, record_id, source_id, paragraph) VALUES
  ('demands', 'nato-response', 'article', 8),
  ('demands', 'no-armaments-near-russia', 'article', 3),
  ('demands', 'no-armaments-near-russia', 'article', 17),
  ('demands', 'no-exercises-near-russia', 'article', 3),
  ('demands', 'no-exercises-near-russia', 'article', 17),
  ('demands', 'no-expansion-towards-russia', 'article', 3),
  ('demands', 'no-ukraine-membership', 'article', 3),
  ('demands', 'withdraw-bucharest-promise', 'article', 14),
  ('meetings', 'bucharest-summit-2008', 'article', 14),
  ('meetings', 'nato-russia-council-2022-01-12', 'article', 4),
  ('meetings', 'nato-russia-council-2022-01-12', 'article', 5),
  ('meetings', 'nato-russia-council-2022-01-12', 'article', 15),
  ('meetings', 'nato-russia-council-2022-01-12', 'article', 17),
  ('meetings', 'nato-russia-council-2022-01-12', 'article', 22),
  ('meetings', 'osce-russia-2022-01-13', 'article', 2),
  ('meetings', 'osce-russia-2022-01-13', 'article', 4),
  ('meetings', 'russia-demands-2021-12-17', 'article', 3),
  ('meetings', 'russia-demands-2021-12-17', 'article', 14),
  ('meetings', 'russia-demands-2021-12-17', 'article', 17),
  ('meetings', 'smith-press-webinar-2022-01-11', 'article', 1),
  ('meetings', 'smith-press-webinar-2022-01-11', 'article', 9),
  ('meetings', 'smith-press-webinar-2022-01-11', 'article', 10),
  ('meetings', 'smith-press-webinar-2022-01-11', 'article', 13),
  ('meetings', 'smith-press-webinar-2022-01-11', 'article', 15),
  ('meetings', 'smith-press-webinar-2022-01-11', 'article', 16),
  ('meetings', 'smith-press-webinar-2022-01-11', 'article', 18),
  ('meetings', 'smith-press-webinar-2022-01-11', 'article', 19),
  ('meetings', 'smith-press-webinar-2022-01-11', 'article', 20),
  ('meetings', 'smith-press-webinar-2022-01-11', 'article', 21),
  ('meetings', 'smith-press-webinar-2022-01-11', 'article', 22),
  ('meetings', 'smith-press-webinar-2022-01-11', 'article', 23),
  ('meetings', 'us-russia-geneva-2022-01-10', 'article', 4),
  ('meetings', 'us-russia-geneva-2022-01-10', 'article', 6),
  ('meetings', 'us-russia-geneva-2022-01-10', 'article', 7),
  ('meetings', 'us-russia-geneva-2022-01-10', 'article', 8),
  ('meetings', 'us-russia-geneva-2022-01-10', 'article', 16),
  ('parties', 'albania', 'article', 9),
  ('parties', 'baltic-states', 'article', 16),
  ('parties', 'belgium', 'article', 9),
  ('parties', 'bulgaria', 'article', 9),
  ('parties', 'canada', 'article', 9),
  ('parties', 'croatia', 'article', 9),
  ('parties', 'czech-republic', 'article', 9),
  ('parties', 'denmark', 'article', 9),
  ('parties', 'estonia', 'article', 16),
  ('parties', 'european-union', 'article', 16),
  ('parties', 'european-union', 'article', 20),
  ('parties', 'france', 'article', 9),
  ('parties', 'georgia', 'article', 14),
  ('parties', 'germany', 'article', 9),
  ('parties', 'greece', 'article', 9),
  ('parties', 'hungary', 'article', 9),
  ('parties', 'iceland', 'article', 9),
  ('parties', 'italy', 'article', 9),
  ('parties', 'latvia', 'article', 16),
  ('parties', 'lithuania', 'article', 16),
  ('parties', 'luxembourg', 'article', 9),
  ('parties', 'montenegro', 'article', 9),
  ('parties', 'nato', 'article', 3),
  ('parties', 'nato', 'article', 4),
  ('parties', 'nato', 'article', 5),
  ('parties', 'nato', 'article', 8),
  ('parties', 'nato', 'article', 9),
  ('parties', 'nato', 'article', 14),
  ('parties', 'nato', 'article', 15),
  ('parties', 'nato', 'article', 16),
  ('parties', 'nato', 'article', 17),
  ('parties', 'nato', 'article', 20),
  ('parties', 'nato', 'article', 21),
  ('parties', 'nato', 'article', 22),
  ('parties', 'netherlands', 'article', 9),
  ('parties', 'north-macedonia', 'article', 9),
  ('parties', 'norway', 'article', 9),
  ('parties', 'osce', 'article', 4),
  ('parties', 'poland', 'article', 9),
  ('parties', 'portugal', 'article', 9),
  ('parties', 'romania', 'article', 9),
  ('parties', 'russia', 'article', 2),
  ('parties', 'russia', 'article', 3),
  ('parties', 'russia', 'article', 4),
  ('parties', 'russia', 'article', 5),
  ('parties', 'russia', 'article', 6),
  ('parties', 'russia', 'article', 8),
  ('parties', 'russia', 'article', 14),
  ('parties', 'russia', 'article', 17),
  ('parties', 'russia', 'article', 22),
  ('parties', 'slovakia', 'article', 9),
  ('parties', 'slovenia', 'article', 9),
  ('parties', 'spain', 'article', 9),
  ('parties', 'turkey', 'article', 20),
  ('parties', 'ukraine', 'article', 3),
  ('parties', 'ukraine', 'article', 14),
  ('parties', 'ukraine', 'article', 16),
  ('parties', 'united-kingdom', 'article', 9),
  ('parties', 'united-states', 'article', 1),
  ('parties', 'united-states', 'article', 3),
  ('parties', 'united-states', 'article', 4),
  ('parties', 'united-states', 'article', 6),
  ('parties', 'united-states', 'article', 8),
  ('parties', 'united-states', 'article', 9),
  ('parties', 'united-states', 'article', 11),
  ('parties', 'united-states', 'article', 16),
  ('people', 'alexander-grushko', 'article', 5),
  ('people', 'antony-blinken', 'article', 11),
  ('people', 'julianne-smith', 'article', 1),
  ('people', 'julianne-smith', 'article', 9),
  ('people', 'julianne-smith', 'article', 11),
  ('people', 'julianne-smith', 'article', 12),
  ('people', 'julianne-smith', 'article', 13),
  ('people', 'julianne-smith', 'article', 15),
  ('people', 'julianne-smith', 'article', 16),
  ('people', 'julianne-smith', 'article', 18),
  ('people', 'julianne-smith', 'article', 20),
  ('people', 'julianne-smith', 'article', 22),
  ('people', 'sergei-ryabkov', 'article', 6),
  ('people', 'sergei-ryabkov', 'article', 8),
  ('people', 'wendy-sherman', 'article', 6),
  ('people', 'wendy-sherman', 'article', 8),
  ('quotes', 'grushko-moment-of-truth', 'article', 5),
  ('quotes', 'russia-insists-no-ukraine-membership', 'article', 3),
  ('quotes', 'russia-withdraw-bucharest-promise', 'article', 14),
  ('quotes', 'ryabkov-response-from-nato', 'article', 8),
  ('quotes', 'sherman-catch-open-door', 'article', 8),
  ('quotes', 'sherman-no-right-open-door', 'article', 8),
  ('quotes', 'smith-broad-consensus', 'article', 21),
  ('quotes', 'smith-committed-to-dialogue', 'article', 16),
  ('quotes', 'smith-crystal-ball-p1', 'article', 1),
  ('quotes', 'smith-crystal-ball-p19', 'article', 19),
  ('quotes', 'smith-crystal-clear-membership', 'article', 10),
  ('quotes', 'smith-lets-see', 'article', 18),
  ('quotes', 'smith-no-agreement-wednesday', 'article', 15),
  ('quotes', 'smith-no-agreement-without-consulting', 'article', 16),
  ('quotes', 'smith-no-different-lines', 'article', 20),
  ('quotes', 'smith-not-optimistic-not-pessimistic', 'article', 23),
  ('quotes', 'smith-open-door-nonstarter', 'article', 9),
  ('quotes', 'smith-risk-reduction-progress', 'article', 22),
  ('quotes', 'smith-three-themes', 'article', 22),
  ('quotes', 'smith-wait-and-see', 'article', 18),
  ('topics', 'alliance-unity', 'article', 9),
  ('topics', 'alliance-unity', 'article', 16),
  ('topics', 'alliance-unity', 'article', 20),
  ('topics', 'alliance-unity', 'article', 21),
  ('topics', 'arms-control', 'article', 22),
  ('topics', 'dialogue', 'article', 7),
  ('topics', 'dialogue', 'article', 8),
  ('topics', 'dialogue', 'article', 16),
  ('topics', 'european-security', 'article', 2),
  ('topics', 'georgia-membership', 'article', 14),
  ('topics', 'military-exercises', 'article', 17),
  ('topics', 'nato-armaments-near-russia', 'article', 17),
  ('topics', 'nato-enlargement', 'article', 3),
  ('topics', 'nato-enlargement', 'article', 10),
  ('topics', 'nato-enlargement', 'article', 14),
  ('topics', 'negotiation-outlook', 'article', 1),
  ('topics', 'negotiation-outlook', 'article', 18),
  ('topics', 'negotiation-outlook', 'article', 19),
  ('topics', 'negotiation-outlook', 'article', 22),
  ('topics', 'negotiation-outlook', 'article', 23),
  ('topics', 'open-door-policy', 'article', 8),
  ('topics', 'open-door-policy', 'article', 9),
  ('topics', 'open-door-policy', 'article', 15),
  ('topics', 'risk-reduction', 'article', 22),
  ('topics', 'russian-forces-near-ukraine', 'article', 3),
  ('topics', 'transparency', 'article', 22),
  ('topics', 'ukraine-membership', 'article', 3),
  ('topics', 'ukraine-membership', 'article', 14);

-- changes: one 'create' per seeded record, collection then id, fixed timestamp.
INSERT INTO changes (at, collection, record_id, operation, actor)
SELECT '2022-01-14T00:00:00.000Z', collection, record_id, 'create', 'seed'
FROM (
          SELECT 'demands'  AS collection, id AS record_id FROM demands
UNION ALL SELECT 'meetings', id FROM meetings
UNION ALL SELECT 'parties',  id FROM parties
UNION ALL SELECT 'people',   id FROM people
UNION ALL SELECT 'quotes',   id FROM quotes
UNION ALL SELECT 'topics',   id FROM topics
)
ORDER BY collection, record_id;

-- search_index: quotes = text + speaker name + attribution;
-- meetings = title + summary + location + participant names (ordered by person id);
-- people = name + aliases (ordered by alias) + summary. Parts joined with one space.
INSERT INTO search_index (collection, record_id, body)
SELECT 'meetings', m.id,
       m.title || ' ' || m.summary
       || ' ' || coalesce(m.location_city, '') || ' ' || coalesce(m.location_country, '')
       || ' ' || coalesce((SELECT group_concat(name, ' ') FROM (
              SELECT pe.name FROM meeting_participants mp JOIN people pe ON pe.id = mp.person_id
              WHERE mp.meeting_id = m.id ORDER BY pe.id)), '')
FROM meetings m ORDER BY m.id;

INSERT INTO search_index (collection, record_id, body)
SELECT 'people', p.id,
       p.name
       || ' ' || coalesce((SELECT group_concat(alias, ' ') FROM (
              SELECT alias FROM person_aliases WHERE person_id = p.id ORDER BY alias)), '')
       || ' ' || p.summary
FROM people p ORDER BY p.id;

INSERT INTO search_index (collection, record_id, body)
SELECT 'quotes', q.id,
       q.text || ' ' || coalesce(pe.name, '') || ' ' || q.attribution
FROM quotes q LEFT JOIN people pe ON pe.id = q.speaker_id ORDER BY q.id;

"""#),
        Migration(version: 3, name: "0003_writes.sql", sql: #"""
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

"""#),
    ]
}
