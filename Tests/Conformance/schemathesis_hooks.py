"""The rules of Parley's contract that OpenAPI 3.1 cannot state, told to schemathesis's generator.

A document constrains each value on its own; some of Parley's rules relate values to each other or to the
data, so schemathesis would generate cases that break them as *valid* data and count the server's correct
refusal as a wrong one. These hooks keep generated cases within what the document means. They disable no
check: every check still runs on every case that is generated, and Parley's own Swift tests cover each rule's
refusal (WriteValidationTests, WriteOperationTests, ErrorTests).

Every rewrite turns a schema-valid value into another schema-valid value and leaves anything else alone, so a
negative case (schemathesis's schema-violating data) stays exactly as wrong as it was generated; list items are
dropped (to keep references distinct) only from positive cases, whose items are all valid.

* `from` after `to` is a 400 (issue 3).
* Writes (issue 6):
  - references must name records that exist: `{"id": …}` of a party, person, topic or meeting, and
    `{"source", "paragraph"}` of a paragraph, are pointed at records of the seed, distinct within a list, and never
    at the record itself (a party is not its own member). Those seed records are never the target of a generated
    DELETE, so they exist for the whole run.
  - `end_date` is not before `date`; a quote's `date` and `date_basis` are set or null together; a location with
    a city or a country has a basis and one without has none; a post does not end before it starts, and a partial
    date names a real month and day; a quote's offsets must point at exactly its text in the paragraph (generated
    offsets cannot, so they are left out: both null), and a new text on a quote whose stored offsets point at the
    old one needs new sources (the patch drops them).
  - A merge patch's `id` is read-only (the record's own, when sent at all). schemathesis 4.32's coverage phase still
    builds some cases it labels valid, such as "missing Authorization" or "only required properties", on a template
    body carrying one (even "0.5", which the documented pattern forbids); in a case labelled valid it is left out.
  - `If-Match` is an ETag the client read: a generated string is a stale tag, so it becomes `*` (any current
    record). `Idempotency-Key` is unique per request: a generated (valid) key becomes a fresh UUID.
  - In a merge patch, `{}` for a reference merges into the current one, so it is valid only where the record has
    one: a valid patch's reference object gets an id.
"""
import calendar
import re
import uuid

import schemathesis

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG = re.compile(r"^[a-z0-9-]{1,100}$")
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Seed records the run refers to (never deleted by it: see filter_case).
POOL = {
    "parties": ["nato", "russia", "united-states", "ukraine"],
    "people": ["julianne-smith", "sergei-ryabkov", "wendy-sherman"],
    "topics": ["risk-reduction", "arms-control", "transparency"],
    "meetings": ["nato-russia-council-2022-01-12", "us-russia-geneva-2022-01-10"],
}
PARAGRAPHS = 23  # of the seed's one source, "article"

# Per collection: field -> (referenced collection, is a list).
REFERENCES = {
    "meetings": {"parties": ("parties", True), "participants": ("people", True), "topics": ("topics", True)},
    "parties": {"member_of": ("parties", True), "members": ("parties", True)},
    "people": {},
    "quotes": {"speaker": ("people", False), "party": ("parties", False), "meeting": ("meetings", False),
               "topics": ("topics", True)},
    "topics": {},
    "demands": {"party": ("parties", False), "addressees": ("parties", True), "meeting": ("meetings", False),
                "topics": ("topics", True)},
}


@schemathesis.hook
def filter_query(ctx, query):
    if not query:
        return True
    start, end = query.get("from"), query.get("to")
    if isinstance(start, str) and isinstance(end, str) and DATE.match(start) and DATE.match(end):
        return start <= end
    return True


# Only writes need these (and a case hook on every operation slows the generation of all of them).
WRITES = {"method": ["POST", "PATCH", "DELETE"]}


@schemathesis.hook.apply_to(**WRITES)
def filter_case(ctx, case):
    # The records references point at stay: a generated DELETE of one is not generated.
    collection = case.path.strip("/").split("/")[0]
    record = (case.path_parameters or {}).get("id")
    return not (case.method.upper() == "DELETE" and record in POOL.get(collection, []))


def positive(case):
    meta = case.meta
    return meta is not None and meta.generation.mode.is_positive


@schemathesis.hook.apply_to(**WRITES)
def map_case(ctx, case):
    method = case.method.upper()
    parts = case.path.strip("/").split("/")
    collection = parts[0]
    if method not in ("POST", "PATCH", "DELETE") or collection not in REFERENCES:
        return case
    headers = case.headers
    if headers:
        for name in list(headers):
            if name.lower() == "if-match" and isinstance(headers[name], str):
                headers[name] = "*"
            elif name.lower() == "idempotency-key" and isinstance(headers[name], str) \
                    and re.fullmatch(r"[!-~]{1,255}", headers[name]):
                headers[name] = str(uuid.uuid4())
    body = case.body
    if method == "DELETE" or not isinstance(body, dict):
        return case
    own_id = (case.path_parameters or {}).get("id") if method == "PATCH" else body.get("id")
    valid = positive(case)
    if method == "PATCH" and valid and "id" in body:
        del body["id"]
    for field, (target, is_list) in REFERENCES[collection].items():
        if field not in body:
            continue
        if is_list:
            if isinstance(body[field], list):
                body[field] = references(body[field], target, own_id if target == collection else None, valid)
        else:
            if valid and method == "PATCH" and isinstance(body[field], dict) and "id" not in body[field]:
                # `{}` merges into the current reference; a record that has none needs an id.
                body[field]["id"] = POOL[target][0]
            reference(body[field], POOL[target][0])
    if isinstance(body.get("sources"), list):
        body["sources"] = sources(body["sources"], collection == "quotes", valid)
    if collection == "meetings":
        dates(body)
        if isinstance(body.get("location"), dict):
            location(body["location"])
    elif collection == "quotes":
        quote_date(body)
        if isinstance(body.get("text"), str) and method == "PATCH" and "sources" not in body:
            body["sources"] = None  # the stored offsets point at the old text
    elif collection == "people" and isinstance(body.get("posts"), list):
        for post in body["posts"]:
            if isinstance(post, dict):
                if isinstance(post.get("party"), dict):
                    reference(post["party"], POOL["parties"][0])
                partial_dates(post)
    if valid and isinstance(body.get("aliases"), list):
        seen = set()
        body["aliases"] = [a for a in body["aliases"]
                           if not (isinstance(a, dict) and isinstance(a.get("name"), str)
                                   and (a["name"] in seen or seen.add(a["name"])))]
    return case


def reference(value, target_id):
    """A valid `{"id": slug, ...}` points at `target_id`. (Its inline name is read-only in the document, so only
    negative cases carry one, and it stays: the server refuses a name that is not the record's own.)"""
    if isinstance(value, dict) and isinstance(value.get("id"), str) and SLUG.match(value["id"]):
        value["id"] = target_id


def references(items, target, own_id, valid):
    """Each valid reference of a list at a distinct pooled record (never `own_id`); a valid list longer than the pool
    is cut (an invalid one keeps its extra items: they only add to what is wrong with it)."""
    pool = [record for record in POOL[target] if record != own_id]
    out, used = [], 0
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("id"), str) and SLUG.match(item["id"]) and used < len(pool):
            reference(item, pool[used])
            used += 1
        elif valid and used == len(pool):
            continue
        out.append(item)
    return out


def sources(items, quote, valid):
    """Each valid source reference at a distinct paragraph of the seed's article; a quote's offsets left out."""
    out, paragraph = [], 0
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("source"), str) and SLUG.match(item["source"]) \
                and is_integer(item.get("paragraph"), 1):
            if paragraph == PARAGRAPHS:
                if not valid:
                    out.append(item)
                continue
            paragraph += 1
            item["source"], item["paragraph"] = "article", paragraph
            if quote and (is_integer(item.get("start"), 0) or item.get("start") is None) \
                    and (is_integer(item.get("end"), 1) or item.get("end") is None):
                item["start"] = item["end"] = None
        out.append(item)
    return out


def is_integer(value, minimum):
    """What JSON Schema calls an integer (a number with no fractional part: 7 or 7.0) within the document's bounds."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer() \
        and minimum <= value <= 2147483647


def dates(body):
    date, end = body.get("date"), body.get("end_date")
    valid = lambda v: isinstance(v, str) and DATE.match(v)
    if valid(date) and valid(end) and end < date:
        body["date"], body["end_date"] = end, date
    elif valid(date) and "end_date" not in body:
        body["end_date"] = None  # the default: the new date (a stored end_date may be earlier)
    elif valid(end) and "date" not in body:
        body["date"] = end


def location(value):
    city, country, basis = value.get("city"), value.get("country"), value.get("basis")
    ok = lambda v: v is None or (isinstance(v, str) and v)
    if not (ok(city) and ok(country) and basis in (None, "stated", "inferred")):
        return
    value.setdefault("city", None)
    value.setdefault("country", None)
    known = value["city"] is not None or value["country"] is not None
    value["basis"] = (basis or "stated") if known else None


def quote_date(body):
    if "date" not in body and "date_basis" not in body:
        return
    date, basis = body.get("date"), body.get("date_basis")
    if not ((date is None or (isinstance(date, str) and DATE.match(date))) and basis in (None, "stated", "inferred")):
        return
    if "date" not in body:
        body["date"] = "2022-01-10" if basis is not None else None
    elif body["date"] is None:
        body["date_basis"] = None
    else:
        body["date_basis"] = basis or "stated"


def partial_dates(post):
    for key in ("start_date", "end_date"):
        value = post.get(key)
        match = isinstance(value, str) and PARTIAL_DATE.match(value)
        if not match:
            continue
        year, month, day = match.group(1), match.group(2), match.group(3)
        if month is not None and not 1 <= int(month) <= 12:
            post[key] = year
        elif day is not None and not 1 <= int(day) <= calendar.monthrange(int(year) or 2000, int(month))[1]:
            post[key] = f"{year}-{month}"
    start, end = post.get("start_date"), post.get("end_date")
    if isinstance(start, str) and isinstance(end, str) and PARTIAL_DATE.match(start) and PARTIAL_DATE.match(end):
        n = min(len(start), len(end))
        if end[:n] < start[:n]:
            post["start_date"], post["end_date"] = end, start


# The pushed change feed (issue 10). A long poll (`wait`, 1 to 60 s) with nothing after `since` is held for `wait`
# seconds before its (correct, empty) answer: a valid `wait` becomes 1, so a held case stays far inside
# --request-timeout. An event stream (`Accept: text/event-stream`) never ends, which a request/response run cannot
# read: such an Accept asks for the JSON list instead. ChangeStreamTests cover both (and curl -N reads the stream).
@schemathesis.hook
def map_query(ctx, query):
    if not query or "wait" not in query:
        return query
    wait = query["wait"]
    if is_integer(wait, 1) and wait <= 60:
        query["wait"] = 1
    elif isinstance(wait, str) and wait.isascii() and wait.isdigit() and str(int(wait)) == wait and 1 <= int(wait) <= 60:
        query["wait"] = "1"
    return query


@schemathesis.hook
def map_headers(ctx, headers):
    if headers and "text/event-stream" in str(headers.get("Accept", "")).lower():
        headers["Accept"] = "application/json"
    return headers
