#!/usr/bin/env bash
# Loads Migrations/0001 + 0002 into a temporary SQLite database and checks the
# seed's invariants. bash + sqlite3 CLI only. Exits non-zero on the first failure.
#   usage: Tests/Data/check_seed.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ARTICLE="$ROOT/Docs/article.txt"
SCHEMA="$ROOT/Migrations/0001_schema.sql"
SEED="$ROOT/Migrations/0002_seed_article.sql"
# sha256 of shared/seeds/000_008aa5ddc99383aa.txt (the repo carries a byte-exact copy)
ARTICLE_SHA256="d6ee3de26ab1a8e1df5b017b87d527a7c11aff50fbfee4d297406f342a813d40"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/parley-seed.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
DB="$TMP/seed.db"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok()   { echo "ok:   $*"; }
q()    { sqlite3 -batch "$DB" "$@"; }

# Expect a query to return nothing.
expect_empty() {
    local what="$1" sql="$2" out
    out="$(q "$sql")"
    if [[ -n "$out" ]]; then fail "$what"; printf '%s\n' "$out" | head -20 >&2; else ok "$what"; fi
}
# Expect a query to return exactly a value.
expect_eq() {
    local what="$1" sql="$2" want="$3" got
    got="$(q "$sql")"
    if [[ "$got" != "$want" ]]; then fail "$what (got '$got', want '$want')"; else ok "$what"; fi
}

load() {
    rm -f "$1"
    { echo 'PRAGMA foreign_keys=ON;'; echo 'BEGIN;'; cat "$SCHEMA"; echo 'COMMIT;';
      echo 'BEGIN;'; cat "$SEED"; echo 'COMMIT;'; } | sqlite3 -batch -bail "$1"
}

# --- the article copy ---------------------------------------------------------
sha="$(sha256sum "$ARTICLE" | cut -d' ' -f1)"
[[ "$sha" == "$ARTICLE_SHA256" ]] && ok "Docs/article.txt is the seed article" || fail "Docs/article.txt sha256 $sha"

# --- load (each file in its own transaction, like the migration runner) -------
if load "$DB"; then ok "0001 + 0002 load under foreign_keys=ON"; else echo "FAIL: load" >&2; exit 1; fi
grep -qiE '^[[:space:]]*(BEGIN|COMMIT|END)([[:space:]]|;|$)' "$SEED" && fail "0002 contains BEGIN/COMMIT" || ok "0002 has no BEGIN/COMMIT"

expect_empty "foreign_key_check" "PRAGMA foreign_key_check;"
expect_eq    "integrity_check" "PRAGMA integrity_check;" "ok"

# --- deterministic -------------------------------------------------------------
load "$TMP/again.db"
if [[ "$(sqlite3 "$DB" .dump)" == "$(sqlite3 "$TMP/again.db" .dump)" ]]; then ok "seed is deterministic"; else fail "two loads differ"; fi

# --- paragraphs == non-empty lines of the article, byte-exact ------------------
grep -v '^$' "$ARTICLE" > "$TMP/expected.txt"
q "SELECT text FROM paragraphs WHERE source_id = 'article' ORDER BY number;" > "$TMP/actual.txt"
if cmp -s "$TMP/expected.txt" "$TMP/actual.txt"; then ok "paragraph texts equal the article's lines"; else
    fail "paragraph texts differ from the article"; diff "$TMP/expected.txt" "$TMP/actual.txt" | head -20 >&2 || true; fi
n_lines="$(wc -l < "$TMP/expected.txt" | tr -d ' ')"
expect_eq "paragraph count" "SELECT count(*) FROM paragraphs;" "$n_lines"
expect_eq "paragraphs numbered 1..n" "SELECT min(number) || '-' || max(number) FROM paragraphs;" "1-$n_lines"
expect_eq "one source" "SELECT id || '|' || language || '|' || original_language || '|' || is_translation FROM sources;" "article|en|fi|1"

# --- quotes --------------------------------------------------------------------
expect_empty "every quote's offsets select its text (code points)" "
  SELECT q.id FROM quotes q JOIN paragraphs p ON p.source_id = q.source_id AND p.number = q.paragraph
  WHERE substr(p.text, q.start_offset + 1, q.end_offset - q.start_offset) <> q.text
     OR length(q.text) <> q.end_offset - q.start_offset;"
expect_empty "quote text has no stray leading/trailing space" "SELECT id FROM quotes WHERE text <> trim(text);"
expect_empty "direct/partial quote text does not start with an opening quote mark" \
  "SELECT id FROM quotes WHERE kind IN ('direct','partial') AND (text LIKE '“%' OR text LIKE '”%');"
expect_empty "direct/partial quotes sit inside quote marks in the paragraph" "
  SELECT q.id FROM quotes q JOIN paragraphs p ON p.source_id = q.source_id AND p.number = q.paragraph
  WHERE q.kind IN ('direct','partial')
    AND (substr(p.text, q.start_offset, 1) <> '“'
         OR substr(trim(substr(p.text, q.end_offset + 1)), 1, 1) <> '”');"
expect_empty "quote dates carry a basis" "SELECT id FROM quotes WHERE (date IS NULL) <> (date_basis IS NULL);"
expect_eq "both crystal-ball quotes (paragraph 1 and 19)" \
  "SELECT group_concat(paragraph) FROM (SELECT paragraph FROM quotes WHERE text LIKE '%crystal ball%' ORDER BY paragraph);" "1,19"
expect_empty "quoted words appear only once per paragraph" "
  SELECT q.id FROM quotes q JOIN paragraphs p ON p.source_id = q.source_id AND p.number = q.paragraph
  WHERE instr(substr(p.text, q.start_offset + 2), q.text) > 0;"
# every “…” in the article is covered by a direct or partial quote
expect_empty "every quotation-mark span in the article is a quote" "
  WITH RECURSIVE spans(num, rest, pos) AS (
    SELECT number, text, 0 FROM paragraphs
    UNION ALL
    SELECT num, substr(rest, instr(rest, '“') + 1), pos + instr(rest, '“') FROM spans WHERE instr(rest, '“') > 0
  )
  SELECT s.num, s.pos FROM spans s WHERE s.pos > 0
    AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.paragraph = s.num AND q.kind IN ('direct','partial') AND q.start_offset = s.pos);"

# quote marks inside reported speech: the marked words are also a partial quote of the same speaker (issue 10)
expect_empty "every “…” inside reported speech is a partial quote of its speaker" "
  SELECT r.id FROM quotes r WHERE r.kind = 'reported' AND instr(r.text, '“') > 0
    AND NOT EXISTS (SELECT 1 FROM quotes p WHERE p.kind = 'partial' AND p.paragraph = r.paragraph
                    AND p.speaker_id IS r.speaker_id AND p.start_offset = r.start_offset + instr(r.text, '“')
                    AND p.end_offset <= r.end_offset);"
expect_eq "the partial quotes" "SELECT group_concat(id || ':' || paragraph || ':' || start_offset || '-' || end_offset, ' ') FROM (SELECT * FROM quotes WHERE kind = 'partial' ORDER BY id);" \
  "grushko-moment-of-truth:5:76-91 sherman-catch-open-door:8:149-178"

# --- records trace to paragraphs -----------------------------------------------
RECORDS="
  SELECT 'demands' AS collection, id FROM demands UNION ALL SELECT 'meetings', id FROM meetings
  UNION ALL SELECT 'parties', id FROM parties UNION ALL SELECT 'people', id FROM people
  UNION ALL SELECT 'quotes', id FROM quotes UNION ALL SELECT 'topics', id FROM topics"
expect_empty "every record has record_sources" "
  SELECT r.collection, r.id FROM ($RECORDS) r
  WHERE NOT EXISTS (SELECT 1 FROM record_sources s WHERE s.collection = r.collection AND s.record_id = r.id);"
expect_empty "every record_sources row names an existing record" "
  SELECT s.collection, s.record_id FROM record_sources s
  WHERE NOT EXISTS (SELECT 1 FROM ($RECORDS) r WHERE r.collection = s.collection AND r.id = s.record_id);"
expect_empty "each quote's record_sources include its own paragraph" "
  SELECT q.id FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM record_sources s
    WHERE s.collection = 'quotes' AND s.record_id = q.id AND s.paragraph = q.paragraph);"

# --- required records ----------------------------------------------------------
for m in us-russia-geneva-2022-01-10 smith-press-webinar-2022-01-11 nato-russia-council-2022-01-12 \
         osce-russia-2022-01-13 russia-demands-2021-12-17 bucharest-summit-2008; do
    expect_eq "meeting $m" "SELECT count(*) FROM meetings WHERE id = '$m';" "1"
done
for p in united-states russia nato osce ukraine georgia european-union turkey estonia latvia lithuania baltic-states; do
    expect_eq "party $p" "SELECT count(*) FROM parties WHERE id = '$p';" "1"
done
for p in julianne-smith wendy-sherman sergei-ryabkov alexander-grushko antony-blinken; do
    expect_eq "person $p" "SELECT count(*) FROM people WHERE id = '$p';" "1"
done
for t in risk-reduction arms-control transparency open-door-policy; do
    expect_eq "topic $t on the NATO–Russia talks" \
      "SELECT count(*) FROM meeting_topics WHERE meeting_id = 'nato-russia-council-2022-01-12' AND topic_id = '$t';" "1"
done
expect_eq "meeting dates" "SELECT group_concat(id || '=' || date || '/' || end_date || '/' || date_basis || '/' || status, ' ') FROM (SELECT * FROM meetings ORDER BY id);" \
  "bucharest-summit-2008=2008-04-02/2008-04-04/inferred/held nato-russia-council-2022-01-12=2022-01-12/2022-01-12/inferred/scheduled osce-russia-2022-01-13=2022-01-13/2022-01-13/inferred/scheduled russia-demands-2021-12-17=2021-12-17/2021-12-17/inferred/held smith-press-webinar-2022-01-11=2022-01-11/2022-01-11/inferred/held us-russia-geneva-2022-01-10=2022-01-10/2022-01-10/inferred/held"
expect_empty "a meeting location has a basis" "SELECT id FROM meetings WHERE (location_city IS NOT NULL OR location_country IS NOT NULL) AND location_basis IS NULL;"
expect_eq "30 NATO members, all states" \
  "SELECT count(*) FROM memberships m JOIN parties p ON p.id = m.member_id WHERE m.organization_id = 'nato' AND p.kind = 'state';" "30"
expect_eq "NATO memberships the article states" \
  "SELECT group_concat(member_id, ',') FROM (SELECT member_id FROM memberships WHERE organization_id = 'nato' AND basis = 'stated' ORDER BY member_id);" \
  "estonia,latvia,lithuania,turkey,united-states"
expect_eq "Ukraine is not a member of anything" "SELECT count(*) FROM memberships WHERE member_id = 'ukraine';" "0"
expect_eq "person aliases" "SELECT count(*) FROM person_aliases WHERE alias IN
  ('Gruško','Alexander Gruško','Александр Грушко','Сергей Рябков','Sergey Ryabkov','Anthony Blinkenin','Blinkenin','Smithin');" "8"
expect_eq "every demand is Russia's and has an addressee" \
  "SELECT count(*) FROM demands d WHERE party_id = 'russia' AND EXISTS (SELECT 1 FROM demand_addressees a WHERE a.demand_id = d.id);" \
  "$(q 'SELECT count(*) FROM demands;')"

# --- changes -------------------------------------------------------------------
n_records="$(q "SELECT count(*) FROM ($RECORDS);")"
expect_eq "one create change per record" "SELECT count(*) FROM changes WHERE operation = 'create' AND actor = 'seed' AND at = '2022-01-14T00:00:00.000Z';" "$n_records"
expect_eq "changes cover every record once" "SELECT count(DISTINCT collection || '/' || record_id) FROM changes;" "$n_records"
expect_empty "changes ordered by collection then id" "
  SELECT a.seq FROM changes a JOIN changes b ON b.seq = a.seq + 1
  WHERE (b.collection, b.record_id) < (a.collection, a.record_id);"
expect_eq "changes seq starts at 1, no gaps" "SELECT min(seq) || '-' || max(seq) FROM changes;" "1-$n_records"

# --- full-text search ----------------------------------------------------------
expect_eq "search_index covers quotes, meetings, people" "SELECT count(*) FROM search_index;" \
  "$(q 'SELECT (SELECT count(*) FROM quotes) + (SELECT count(*) FROM meetings) + (SELECT count(*) FROM people);')"
expect_empty "search_index rows name existing records" "
  SELECT collection, record_id FROM search_index
  WHERE NOT EXISTS (SELECT 1 FROM ($RECORDS) r WHERE r.collection = search_index.collection AND r.id = search_index.record_id)
     OR collection NOT IN ('quotes','meetings','people');"
search_has() {
    local query="$1" want="$2" got
    got="$(q "SELECT collection || '/' || record_id FROM search_index WHERE search_index MATCH '$query';")"
    if grep -qxF "$want" <<<"$got"; then ok "MATCH '$query' finds $want"; else fail "MATCH '$query' does not find $want"; fi
}
search_has 'grusko'       people/alexander-grushko
search_has 'grusko'       quotes/grushko-moment-of-truth
search_has 'Gruško'       people/alexander-grushko
search_has 'Грушко'       people/alexander-grushko
search_has 'Рябков'       people/sergei-ryabkov
search_has 'blinkenin'    people/antony-blinken
search_has 'smithin'      people/julianne-smith
search_has 'geneva'       meetings/us-russia-geneva-2022-01-10
search_has 'sherman'      meetings/us-russia-geneva-2022-01-10
search_has '"crystal ball"' quotes/smith-crystal-ball-p1
search_has '"crystal ball"' quotes/smith-crystal-ball-p19

if (( failures > 0 )); then echo "$failures check(s) failed" >&2; exit 1; fi
echo "all seed checks passed"
