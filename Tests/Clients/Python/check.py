"""Drives the client openapi-python-client generated from Parley's served /openapi.json against a live Parley.

    usage: python check.py BASE_URL TOKEN GENERATED_DIR

GENERATED_DIR holds the generated package `parley_client` (Tests/Clients/run.sh writes it). Exits 0 when every
check passes, 1 (after printing each failure) otherwise.
"""

from __future__ import annotations

import datetime
import secrets
import sys
import traceback
from urllib.parse import parse_qs, urlsplit

BASE_URL, TOKEN, GENERATED = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, GENERATED)

from parley_client import AuthenticatedClient, Client  # noqa: E402
from parley_client.api.meetings import create_meeting, get_meeting, list_meetings  # noqa: E402
from parley_client.api.quotes import get_quote, list_quotes  # noqa: E402
from parley_client.models import (  # noqa: E402
    MeetingCreate,
    MeetingCreateDateBasis,
    MeetingCreateLocationType0,
    MeetingCreateLocationType0BasisType1,
    MeetingCreateStatus,
    MeetingDocument,
    MeetingList,
    PartyRoleInput,
    PartyRoleInputRole,
    Problem,
    QuoteDocument,
    QuoteList,
    RecordRefInput,
)
from parley_client.types import Unset  # noqa: E402

client = Client(base_url=BASE_URL, raise_on_unexpected_status=True)
writer = AuthenticatedClient(base_url=BASE_URL, token=TOKEN, raise_on_unexpected_status=True)
failures = 0


def check(name):
    def run(body):
        global failures
        try:
            body()
            print(f"ok:   {name}")
        except Exception:  # noqa: BLE001 - every failure is reported, then the next check runs
            failures += 1
            print(f"FAIL: {name}\n{traceback.format_exc()}")
        return body
    return run


@check("decodes /meetings?date=2022-01-12 into typed values")
def _():
    page = list_meetings.sync(client=client, date=datetime.date(2022, 1, 12))
    assert isinstance(page, MeetingList), page
    meeting = next(m for m in page.data if m.id == "nato-russia-council-2022-01-12")
    assert meeting.date == datetime.date(2022, 1, 12), meeting.date
    assert meeting.status.value == "scheduled" and meeting.date_basis.value == "inferred"
    assert meeting.location.city == "Brussels" and meeting.location.basis.value == "inferred", meeting.location
    assert {"nato", "russia"} <= {party.id for party in meeting.parties}
    assert page.meta.total == len(page.data)


@check("follows links.next to the end of a list")
def _():
    page = list_quotes.sync(client=client, limit=4)
    assert isinstance(page, QuoteList), page
    total, ids, pages = page.meta.total, [q.id for q in page.data], 1
    while isinstance(page.links.next_, str):
        query = parse_qs(urlsplit(page.links.next_).query)
        page = list_quotes.sync(client=client, limit=int(query["limit"][0]), cursor=query["cursor"][0])
        assert isinstance(page, QuoteList), page
        ids += [q.id for q in page.data]
        pages += 1
        assert pages < 100
    assert len(ids) == total == len(set(ids)), (len(ids), total)
    assert pages == (total + 3) // 4


@check("reads a quote with its speaker, party and meeting")
def _():
    document = get_quote.sync(client=client, id="sherman-catch-open-door")
    assert isinstance(document, QuoteDocument), document
    quote = document.data
    assert quote.kind.value == "partial" and quote.text == "catch NATO’s open door policy", quote
    assert quote.speaker.id == "wendy-sherman" and quote.speaker.name == "Wendy Sherman", quote.speaker
    assert quote.party.id == "united-states", quote.party
    assert quote.meeting.id == "us-russia-geneva-2022-01-10" and quote.meeting.title, quote.meeting
    unattributed = get_quote.sync(client=client, id="russia-insists-no-ukraine-membership").data
    assert unattributed.speaker is None and unattributed.party.id == "russia", unattributed


@check("creates a meeting with a token and reads the 201")
def _():
    meeting_id = "python-client-meeting-" + secrets.token_hex(4)
    body = MeetingCreate(
        id=meeting_id, title="A meeting a generated client wrote", kind="multilateral-talks",
        date=datetime.date(2022, 2, 10), date_basis=MeetingCreateDateBasis.STATED, status=MeetingCreateStatus.SCHEDULED,
        location=MeetingCreateLocationType0(city="Vienna", country="Austria", basis=MeetingCreateLocationType0BasisType1.STATED),
        parties=[PartyRoleInput(id="osce", role=PartyRoleInputRole.HOST),
                 PartyRoleInput(id="russia", role=PartyRoleInputRole.NEGOTIATING_SIDE)],
        topics=[RecordRefInput(id="arms-control")], summary="Written by the Python client check.")
    response = create_meeting.sync_detailed(client=writer, body=body)
    assert response.status_code == 201, (response.status_code, response.content)
    assert response.headers["Location"].endswith("/meetings/" + meeting_id), response.headers
    assert response.headers["ETag"]
    assert isinstance(response.parsed, MeetingDocument), response.parsed
    created = response.parsed.data
    assert created.id == meeting_id and created.location.city == "Vienna" and len(created.parties) == 2, created
    assert get_meeting.sync(client=client, id=meeting_id).data.to_dict() == created.to_dict()


@check("reads a 422 problem's errors")
def _():
    body = MeetingCreate(id="Not A Slug", title="", kind="multilateral-talks", date=datetime.date(2022, 2, 28),
                         date_basis=MeetingCreateDateBasis.STATED, status=MeetingCreateStatus.SCHEDULED,
                         end_date=datetime.date(2022, 2, 1))
    response = create_meeting.sync_detailed(client=writer, body=body)
    assert response.status_code == 422, (response.status_code, response.content)
    problem = response.parsed
    assert isinstance(problem, Problem) and problem.status == 422, problem
    assert not isinstance(problem.errors, Unset)
    pointers = {error.pointer for error in problem.errors}
    assert {"/id", "/end_date"} <= pointers, pointers
    assert all(error.detail for error in problem.errors)


@check("gets a 304 on a conditional GET")
def _():
    first = get_meeting.sync_detailed(client=client, id="nato-russia-council-2022-01-12")
    assert first.status_code == 200
    etag = first.headers["ETag"]
    again = get_meeting.sync_detailed(client=client, id="nato-russia-council-2022-01-12", if_none_match=etag)
    assert again.status_code == 304, again.status_code
    assert again.headers["ETag"] == etag
    page = list_meetings.sync_detailed(client=client, date=datetime.date(2022, 1, 12))
    assert list_meetings.sync_detailed(client=client, date=datetime.date(2022, 1, 12),
                                       if_none_match=page.headers["ETag"]).status_code == 304


print("all Python client checks passed" if failures == 0 else f"{failures} Python client check(s) failed")
sys.exit(0 if failures == 0 else 1)
