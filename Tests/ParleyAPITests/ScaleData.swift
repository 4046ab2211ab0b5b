@testable import ParleyStore

/// Synthetic meetings far beyond the seed, for the tests that must see big data: the query plans and the results
/// at size. Each meeting has 2–3 parties, 1–2 topics, one participant and 4 quotes (one in 5,000 says "crystal",
/// half say "dialogue"); a tenth last up to a year, the rest one to four days, spread over forty years. Written with
/// plain SQL in one transaction (as a bulk load would), then the search index is rebuilt and a change appended,
/// so servers see a new data version.
enum ScaleData {
    static func fill(_ database: Database, meetings count: Int) throws {
        try database.transaction(immediate: true) {
            try database.execute("""
                CREATE TEMP TABLE pick_party AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM parties;
                CREATE TEMP TABLE pick_person AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM people;
                CREATE TEMP TABLE pick_topic AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM topics;
                CREATE TEMP TABLE synthetic AS
                WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < \(count))
                SELECT i, printf('synthetic-%07d', i) AS id,
                       date('1990-01-01', '+' || (i * 7919 % 14600) || ' days') AS date,
                       date('1990-01-01', '+' || (i * 7919 % 14600 + CASE WHEN i % 10 = 0 THEN i % 366 ELSE i % 4 END) || ' days') AS end_date
                FROM seq;
                INSERT INTO meetings (id, title, kind, date, end_date, date_basis, status, summary)
                SELECT id, 'Synthetic talks ' || i,
                       CASE i % 3 WHEN 0 THEN 'bilateral-talks' WHEN 1 THEN 'multilateral-talks' ELSE 'press-briefing' END,
                       date, end_date, 'stated', 'held',
                       CASE WHEN i % 2 = 0 THEN 'A round of dialogue.' ELSE 'A round of talks.' END
                       || CASE WHEN i % 5000 = 0 THEN ' Crystal clear.' ELSE '' END
                FROM synthetic;
                INSERT INTO meeting_parties (meeting_id, party_id, role, meeting_date)
                SELECT s.id, p.id, 'negotiating-side', s.date FROM synthetic s JOIN pick_party p
                  ON p.n IN (s.i % (SELECT count(*) FROM pick_party), (s.i + 1) % (SELECT count(*) FROM pick_party),
                             CASE WHEN s.i % 2 = 0 THEN (s.i + 2) % (SELECT count(*) FROM pick_party) ELSE -1 END);
                INSERT INTO meeting_topics (meeting_id, topic_id, meeting_date)
                SELECT s.id, t.id, s.date FROM synthetic s JOIN pick_topic t
                  ON t.n IN (s.i % (SELECT count(*) FROM pick_topic),
                             CASE WHEN s.i % 3 = 0 THEN (s.i + 1) % (SELECT count(*) FROM pick_topic) ELSE -1 END);
                INSERT INTO meeting_participants (meeting_id, person_id, role, meeting_date)
                SELECT s.id, p.id, '', s.date FROM synthetic s JOIN pick_person p ON p.n = s.i % (SELECT count(*) FROM pick_person);
                INSERT INTO quotes (id, text, kind, speaker_id, party_id, date, date_basis, meeting_id, attribution)
                SELECT s.id || '-q' || k.k,
                       CASE WHEN (s.i + k.k) % 2 = 0 THEN 'We want dialogue.' ELSE 'We want talks.' END
                       || CASE WHEN (s.i * 4 + k.k) % 5000 = 0 THEN ' A crystal ball.' ELSE '' END,
                       CASE k.k WHEN 1 THEN 'direct' WHEN 2 THEN 'reported' ELSE 'partial' END,
                       (SELECT id FROM pick_person WHERE n = (s.i + k.k) % (SELECT count(*) FROM pick_person)),
                       (SELECT id FROM pick_party WHERE n = (s.i + k.k) % (SELECT count(*) FROM pick_party)),
                       s.date, 'stated', s.id, 'said'
                FROM synthetic s, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k;
                INSERT INTO quote_topics (quote_id, topic_id, reading_key)
                SELECT q.id, t.id, q.reading_key FROM quotes q JOIN synthetic s ON q.meeting_id = s.id
                JOIN pick_topic t ON t.n = (s.i + length(q.id)) % (SELECT count(*) FROM pick_topic);
                DROP TABLE synthetic; DROP TABLE pick_party; DROP TABLE pick_person; DROP TABLE pick_topic;
                INSERT INTO changes (collection, record_id, operation, actor) VALUES ('meetings', 'synthetic-0000001', 'create', 'synthetic');
                """)
            try SearchIndex.rebuild(in: database)
        }
    }
}
