#!/usr/bin/env python3
"""Grows a Parley export with synthetic meetings, for `make bench-scale` (issue 9).

    scale_data.py SEED_EXPORT.json MEETINGS OUT.json

The seed's records are kept as they are; MEETINGS synthetic meetings are added (none for 0), each with 2-3 of the
seed's parties, 1-2 of its topics, one of its people as participant, a length from one day to a year (a tenth of
them long) and 4 quotes by the seed's people. One meeting in 5,000 and one quote in 5,000 say "crystal" (a rare
word); half say "dialogue" (a common one). Deterministic: the same arguments write the same file. Written as a
stream, so a million meetings need no more memory than one.
"""
import datetime
import json
import sys

KINDS = ["bilateral-talks", "multilateral-talks", "press-briefing"]
QUOTE_KINDS = ["direct", "reported", "partial", "direct"]
EPOCH = datetime.date(1990, 1, 1)
SPREAD_DAYS = 14600  # forty years


def synthetic_meetings(count, parties, topics, people):
    for i in range(1, count + 1):
        start = EPOCH + datetime.timedelta(days=i * 7919 % SPREAD_DAYS)
        length = (i * 31 % 365) if i % 10 == 0 else i % 4  # days after the first; a tenth last up to a year
        picked = [parties[(i + k) % len(parties)] for k in range(3 if i % 2 == 0 else 2)]
        chosen_topics = [topics[(i + k) % len(topics)] for k in range(2 if i % 3 == 0 else 1)]
        meeting_id = "synthetic-%07d" % i
        summary = ("A round of dialogue." if i % 2 == 0 else "A round of talks.") + (" Crystal clear." if i % 5000 == 0 else "")
        meeting = {
            "id": meeting_id,
            "title": "Synthetic talks %d" % i,
            "kind": KINDS[i % 3],
            "date": start.isoformat(),
            "end_date": (start + datetime.timedelta(days=length)).isoformat(),
            "date_basis": "stated",
            "location": {"city": None, "country": None, "basis": None},
            "status": "held",
            "parties": [{"id": p, "role": "negotiating-side"} for p in picked],
            "participants": [{"id": people[i % len(people)], "role": ""}],
            "topics": [{"id": t} for t in chosen_topics],
            "summary": summary,
            "sources": [],
        }
        quotes = []
        for k in range(1, 5):
            text = ("We want dialogue." if (i + k) % 2 == 0 else "We want talks.") + (
                " A crystal ball." if (i * 4 + k) % 5000 == 0 else "")
            quotes.append({
                "id": "%s-q%d" % (meeting_id, k),
                "text": text,
                "kind": QUOTE_KINDS[k - 1],
                "speaker": {"id": people[(i + k) % len(people)]},
                "party": {"id": parties[(i + k) % len(parties)]},
                "date": start.isoformat(),
                "date_basis": "stated",
                "meeting": {"id": meeting_id},
                "topics": [{"id": topics[(i + k) % len(topics)]}],
                "attribution": "said",
                "sources": [],
            })
        yield meeting, quotes


def main():
    seed_path, count, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(seed_path, encoding="utf-8") as f:
        seed = json.load(f)
    parties = [p["id"] for p in seed["parties"]]
    topics = [t["id"] for t in seed["topics"]]
    people = [p["id"] for p in seed["people"]]
    dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("{")
        for key in ["format", "version", "schema_version", "data_version", "sources", "topics", "parties", "people"]:
            out.write(dump(key) + ":" + dump(seed[key]) + ",")
        # Meetings first, then quotes: the quotes of each meeting are kept aside in a second file-sized pass.
        out.write('"meetings":[')
        first = True
        for meeting in seed["meetings"]:
            out.write(("" if first else ",") + dump(meeting))
            first = False
        for meeting, _ in synthetic_meetings(count, parties, topics, people):
            out.write(("" if first else ",") + dump(meeting))
            first = False
        out.write('],"quotes":[')
        first = True
        for quote in seed["quotes"]:
            out.write(("" if first else ",") + dump(quote))
            first = False
        for _, quotes in synthetic_meetings(count, parties, topics, people):
            for quote in quotes:
                out.write(("" if first else ",") + dump(quote))
                first = False
        out.write('],"demands":' + dump(seed["demands"]) + "}\n")


if __name__ == "__main__":
    main()
