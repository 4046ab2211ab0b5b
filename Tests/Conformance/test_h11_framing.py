"""A strict HTTP client's view of Parley (issue 4): raw requests in, every response parsed by h11.

Each test sends exact bytes over a real loopback socket and reads the answer with
`strict_http.StrictClient`, which fails on any framing error in the server's output.
"Close" means the server closes the connection after its response: the client reads to
EOF (a reset counts too, but only once the whole response has arrived) and no byte may
come after the response. Wherever a request's framing is rejected, a valid
`GET /healthz` is pipelined behind it in the same write, and it must never be answered.

The expectations are RFC 9110/9112's and issue 2's; where the issue's table or the
RFC allows either of two answers, both are accepted.
"""

from __future__ import annotations

import json
import re
import select
import socket
import threading
import time
from pathlib import Path

import h11
import pytest

from strict_http import HOST, Response, ServerDefect, StrictClient, connect, read_all_raw

H = HOST  # b"parley.test"
HEALTHZ = b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\n\r\n"
IMF_FIXDATE = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                         r"\d{4} \d{2}:\d{2}:\d{2} GMT$")


# -- what every response must satisfy -----------------------------------------------------

def check_common(response: Response, method: str = "GET") -> None:
    """Date (IMF-fixdate), and a Content-Length wherever a body could be (h11 already checked framing)."""
    date = response.header_all("Date")
    assert len(date) == 1 and IMF_FIXDATE.match(date[0]), f"Date header missing or not IMF-fixdate: {response!r}"
    lengths = response.header_all("Content-Length")
    if response.status >= 200 and response.status not in (204, 304):
        assert len(lengths) == 1, f"expected exactly one Content-Length: {response!r}"
        if method != "HEAD":
            assert int(lengths[0]) == len(response.body)
    else:
        assert not lengths or response.status == 304, f"Content-Length on a {response.status}: {response!r}"
    if response.body:
        assert response.header("Content-Type"), f"a response with content has no Content-Type: {response!r}"


def check_problem(response: Response, status: int | tuple[int, ...] | None = None, method: str = "GET") -> dict | None:
    """An RFC 9457 problem document: application/problem+json with type, title, status and detail."""
    check_common(response, method)
    if status is not None:
        wanted = status if isinstance(status, tuple) else (status,)
        assert response.status in wanted, f"expected {wanted}, got {response!r}"
    media_type = (response.header("Content-Type") or "").split(";")[0].strip().lower()
    assert media_type == "application/problem+json", f"error without application/problem+json: {response!r}"
    if method == "HEAD":
        assert response.body == b""
        return None
    problem = response.json()
    assert isinstance(problem, dict), response
    for key in ("type", "title", "detail"):
        assert isinstance(problem.get(key), str) and problem[key], f"problem '{key}' missing: {problem}"
    assert problem.get("status") == response.status, f"problem status {problem.get('status')} != {response.status}"
    return problem


def is_close_response(client: StrictClient) -> bool:
    """Whether the last response said `Connection: close` (h11 then expects EOF)."""
    return client.h11.their_state in (h11.MUST_CLOSE, h11.CLOSED)


def next_response_or_eof(client: StrictClient, method: str = "GET") -> Response | None:
    """The next response, or None when the server closes cleanly without sending another byte."""
    if is_close_response(client):
        client.expect_closed()
        return None
    leftover, closed = client.stray_bytes(wait=0.05)
    if closed and not leftover:
        return None
    return client.read_response(method)


def rejected(server, raw: bytes, status: int | tuple[int, ...], *, close: bool = True, method: str = "GET",
             follow: bool = True) -> Response:
    """Sends `raw` (plus a pipelined GET /healthz) and checks the error response.

    close=True: the connection must be closed after the response, and the pipelined
    request must never be answered. close=False: closing is allowed but not required;
    if the server keeps the connection open, the pipelined request must be answered 200.
    """
    with StrictClient(server.address) as client:
        client.send(raw + (HEALTHZ if follow else b""))
        response = client.read_response(method)
        check_problem(response, status, method)
        if close:
            client.expect_closed()
        elif follow:
            following = next_response_or_eof(client)
            if following is not None:
                assert following.status == 200, f"the pipelined GET /healthz got {following!r}"
        return response


def accepted(server, raw: bytes, *, method: str = "GET", follow: bool = True) -> Response:
    """Sends `raw` (plus a pipelined GET /healthz); the request must be answered below 400 and
    the pipelined one must then be answered 200 on the same connection."""
    with StrictClient(server.address) as client:
        client.send(raw + (HEALTHZ if follow else b""))
        response = client.read_response(method)
        check_common(response, method)
        assert response.status < 400, f"expected the request to be accepted, got {response!r}"
        if follow:
            following = client.read_response()
            assert following.status == 200, f"the pipelined GET /healthz got {following!r}"
        return response


def rejected_or_accepted(server, raw: bytes, reject_statuses: tuple[int, ...], *, method: str = "GET") -> Response:
    """Either answer is allowed, but a rejection closes and an acceptance keeps the framing straight."""
    with StrictClient(server.address) as client:
        client.send(raw + HEALTHZ)
        response = client.read_response(method)
        if response.status >= 400:
            check_problem(response, reject_statuses, method)
            client.expect_closed()
        else:
            check_common(response, method)
            following = next_response_or_eof(client)
            if following is not None:
                assert following.status == 200, f"the pipelined GET /healthz got {following!r}"
        return response


def nothing_answered(server, raw: bytes) -> None:
    """Sends `raw`, then EOF: no response may be invented, and the connection is closed."""
    sock = connect(server.address)
    try:
        sock.sendall(raw)
        sock.shutdown(socket.SHUT_WR)
        data, how = read_all_raw(sock)
        assert how in ("eof", "reset"), f"the connection was not closed after the client's EOF ({how})"
        assert data == b"", f"a response was invented for an incomplete request: {data[:300]!r}"
    finally:
        sock.close()


def get(server, target: str, headers: bytes = b"", method: str = "GET") -> Response:
    with StrictClient(server.address) as client:
        client.send(f"{method} {target} HTTP/1.1\r\n".encode() + b"Host: " + H + b"\r\n" + headers + b"\r\n")
        response = client.read_response(method)
        check_common(response, method)
        return response


# -- the slow test runs in the background from the module's start -------------------------

class Trickle(threading.Thread):
    """A slowloris: one byte a second of a header that never ends. Meanwhile, other clients
    are timed. Joined by the last test of this module, ~10 s later."""

    def __init__(self, address):
        super().__init__(daemon=True)
        self.address = address
        self.error: BaseException | None = None
        self.response: Response | None = None
        self.elapsed = 0.0
        self.closed_after = False
        self.other_client_latencies: list[float] = []

    def run(self) -> None:
        try:
            self._run()
        except BaseException as error:  # reported by the test
            self.error = error

    def _run(self) -> None:
        client = StrictClient(self.address, timeout=5)
        try:
            started = time.monotonic()
            client.send(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nX-Trickle: ")
            sends = 0
            while time.monotonic() - started < 25:
                readable, _, _ = select.select([client.sock], [], [], 1.0)
                if readable:
                    break
                try:
                    client.send(b"a")
                except (BrokenPipeError, ConnectionResetError):
                    break
                sends += 1
                if sends in (2, 5, 8):
                    begun = time.monotonic()
                    other = get_quick(self.address)
                    self.other_client_latencies.append(time.monotonic() - begun)
                    assert other == 200, f"another client got {other} while the slowloris trickled"
            self.elapsed = time.monotonic() - started
            self.response = client.read_response("GET")
            client.expect_closed()
            self.closed_after = True
        finally:
            client.close()


def get_quick(address) -> int:
    with StrictClient(address, timeout=3) as client:
        client.send(HEALTHZ)
        return client.read_response().status


@pytest.fixture(scope="module", autouse=True)
def trickle(server):
    thread = Trickle(server.address)
    thread.start()
    yield thread
    thread.join(30)


# == The table of issue 4, row by row ========================================================

# -- Host ---------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    pytest.param(b"GET /healthz HTTP/1.1\r\n\r\n", id="no-host"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", id="two-hosts"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", id="two-identical-hosts"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: a@b\r\n\r\n", id="host-a@b"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: a/b\r\n\r\n", id="host-a/b"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost:\r\n\r\n", id="host-empty"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: \r\n\r\n", id="host-blank"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: a b\r\n\r\n", id="host-with-space"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: a:port\r\n\r\n", id="host-bad-port"),
])
def test_host_errors_are_400(server, raw):
    rejected(server, raw, 400)


@pytest.mark.parametrize("host", [b"parley.test", b"parley.test:8080", b"127.0.0.1", b"[::1]:80", b"LOCALHOST"])
def test_valid_hosts_are_accepted(server, host):
    accepted(server, b"GET /healthz HTTP/1.1\r\nHost: " + host + b"\r\n\r\n")


def test_http10_without_host_is_accepted(server):
    with StrictClient(server.address) as client:
        client.send(b"GET /healthz HTTP/1.0\r\n\r\n")
        response = client.read_response(keep_alive=False)
        check_common(response)
        assert response.status == 200, response
        client.expect_closed()


# -- field lines --------------------------------------------------------------------------

@pytest.mark.parametrize("field", [
    pytest.param(b"X-Test : 1", id="space-before-colon"),
    pytest.param(b"X-Test\t: 1", id="tab-before-colon"),
    pytest.param(b"X-Test 1", id="no-colon"),
    pytest.param(b": 1", id="empty-name"),
    pytest.param(b"X(Test): 1", id="non-token-name"),
    pytest.param(b"X@Test: 1", id="non-token-name-at"),
    pytest.param(b"X-T\xc3\xa9st: 1", id="non-ascii-name"),
    pytest.param(b"X-T\x7fest: 1", id="del-in-name"),
])
def test_malformed_field_lines_are_400(server, field):
    rejected(server, b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\n" + field + b"\r\n\r\n", 400)


@pytest.mark.parametrize("raw", [
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nX-Test: a\r\n b\r\n\r\n", id="obs-fold-space"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nX-Test: a\r\n\tb\r\n\r\n", id="obs-fold-tab"),
    pytest.param(b"GET /healthz HTTP/1.1\r\n \r\nHost: " + H + b"\r\n\r\n", id="whitespace-line-before-headers"),
    pytest.param(b"GET /healthz HTTP/1.1\r\n Host: " + H + b"\r\n\r\n", id="first-header-indented"),
    pytest.param(b"GET /healthz HTTP/1.1\r\n\tX: 1\r\nHost: " + H + b"\r\n\r\n", id="tab-line-before-headers"),
])
def test_obs_fold_and_leading_whitespace_are_400(server, raw):
    rejected(server, raw, 400)


@pytest.mark.parametrize("raw", [
    pytest.param(b"GET /healthz\r HTTP/1.1\r\nHost: " + H + b"\r\n\r\n", id="cr-in-request-line"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nX-Test: a\rb\r\n\r\n", id="cr-in-value"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nX-T\rest: 1\r\n\r\n", id="cr-in-name"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nX-Test: 1\r\r\n\r\n", id="cr-before-crlf"),
    pytest.param(b"GET /healthz HTTP/1.1\rHost: " + H + b"\r\n\r\n", id="cr-as-line-end"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\n\r\r\n", id="cr-in-final-line"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nX-Test: a\x00b\r\n\r\n", id="nul-in-value"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nX-Test: a\nb\r\n\r\n", id="lf-in-value"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nX-Test: a\x01b\r\n\r\n", id="ctl-in-value"),
])
def test_bare_cr_nul_cr_lf_in_head_are_400(server, raw):
    rejected(server, raw, 400)


# -- Content-Length -------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    b"+5", b"-1", b"0x5", b"1_0", b"1 0", b"", b"5a", b"5.0", b"\xd9\xa5",
    b"9223372036854775808", b"18446744073709551616", b"99999999999999999999999999",
])
def test_malformed_content_length_is_400_and_closes(server, value):
    rejected(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\nContent-Length: " + value
             + b"\r\n\r\nhello", 400)


@pytest.mark.parametrize("raw", [
    pytest.param(b"Content-Length: 5\r\nContent-Length: 6\r\n", id="two-lines"),
    pytest.param(b"Content-Length: 5, 6\r\n", id="list"),
    pytest.param(b"Content-Length: 6\r\nContent-Length: 5\r\n", id="two-lines-reversed"),
    pytest.param(b"Content-Length: 5, 5, 6\r\n", id="list-of-three"),
])
def test_differing_content_lengths_are_400_and_close(server, raw):
    rejected(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\n" + raw + b"\r\nhello!", 400)


@pytest.mark.parametrize("raw", [
    pytest.param(b"Content-Length: 5, 5\r\n", id="list"),
    pytest.param(b"Content-Length: 5\r\nContent-Length: 5\r\n", id="two-lines"),
    pytest.param(b"Content-Length: 5,\r\n", id="list-with-empty-element"),
])
def test_identical_content_lengths_may_be_accepted(server, raw):
    # RFC 9112 §6.3: a list of identical values may be taken as that one value, or rejected.
    rejected_or_accepted(server, b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\n" + raw + b"\r\nhello", (400,))


def test_content_length_and_transfer_encoding_together_are_400_and_close(server):
    rejected(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\nContent-Length: 5\r\n"
             b"Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400)


def test_transfer_encoding_on_http10_is_400_and_closes(server):
    rejected(server, b"POST /healthz HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400)


@pytest.mark.parametrize("value", [
    b"chunked, gzip", b"chunked, identity", b"gzip", b"identity", b"foo", b"xchunked", b"chunked-false",
    b"gzip, chunked", b"chunked, chunked", b"\"chunked\"", b"chunked;q=1",
])
def test_transfer_encoding_other_than_chunked_is_rejected_and_closes(server, value):
    rejected(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\nTransfer-Encoding: " + value
             + b"\r\n\r\n5\r\nhello\r\n0\r\n\r\n", (400, 501))


@pytest.mark.parametrize("value", [b"chunked,", b", chunked", b"chunked, ,"])
def test_transfer_encoding_with_empty_list_elements(server, value):
    # RFC 9110 §5.6.1.2: a recipient ignores a few empty list elements; rejecting is the safe
    # alternative many servers take. Either way the framing must stay consistent.
    rejected_or_accepted(server, b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nTransfer-Encoding: " + value
                         + b"\r\n\r\n5\r\nhello\r\n0\r\n\r\n", (400, 501))


@pytest.mark.parametrize("size_line", [
    pytest.param(b"0x5", id="0x5"),
    pytest.param(b"+5", id="plus"),
    pytest.param(b" 5", id="leading-space"),
    pytest.param(b"5 ", id="trailing-space"),
    pytest.param(b"1_0", id="underscore"),
    pytest.param(b"-5", id="negative"),
    pytest.param(b"", id="empty"),
    pytest.param(b"g", id="not-hex"),
    pytest.param(b"1" + b"0" * 16, id="overflow-2^64"),
    pytest.param(b"f" * 40, id="overflow-long"),
    pytest.param(b"5\n", id="bare-lf"),
    pytest.param(b"5\x00", id="nul"),
])
def test_malformed_chunk_size_is_400_and_closes(server, size_line):
    rejected(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\nTransfer-Encoding: chunked\r\n\r\n"
             + size_line + b"\r\nhello\r\n0\r\n\r\n", 400)


@pytest.mark.parametrize("body", [
    pytest.param(b"5\r\nhelloXX\r\n0\r\n\r\n", id="longer-than-declared"),
    pytest.param(b"5\r\nhello0\r\n\r\n", id="not-ended-by-crlf"),
    pytest.param(b"5\r\nhello\n0\r\n\r\n", id="ended-by-bare-lf"),
    pytest.param(b"3\r\nhello\r\n0\r\n\r\n", id="declared-shorter"),
])
def test_chunk_data_not_matching_its_size_is_400_and_closes(server, body):
    rejected(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\nTransfer-Encoding: chunked\r\n\r\n" + body, 400)


def test_body_shorter_than_content_length_then_eof_gets_no_response(server):
    nothing_answered(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\nContent-Length: 10\r\n\r\nabc")


def test_missing_last_chunk_then_eof_gets_no_response(server):
    nothing_answered(server, b"POST /healthz HTTP/1.1\r\nHost: " + H
                     + b"\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")


def test_chunk_cut_short_then_eof_gets_no_response(server):
    nothing_answered(server, b"POST /healthz HTTP/1.1\r\nHost: " + H
                     + b"\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")


def test_incomplete_head_then_eof(server):
    # RFC 9112 §8: the server MAY send an error before closing; it must not answer the request.
    sock = connect(server.address)
    try:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\n")
        sock.shutdown(socket.SHUT_WR)
        data, how = read_all_raw(sock)
        assert how in ("eof", "reset"), f"the connection was not closed after the client's EOF ({how})"
        assert data == b"" or data.startswith(b"HTTP/1.1 400 "), f"unexpected answer: {data[:300]!r}"
    finally:
        sock.close()


# -- request line -------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    pytest.param(b"GET  /healthz HTTP/1.1", id="double-space-after-method"),
    pytest.param(b"GET /healthz  HTTP/1.1", id="double-space-before-version"),
    pytest.param(b"GET /health\tz HTTP/1.1", id="tab-in-target"),
    pytest.param(b"GET\t/healthz HTTP/1.1", id="tab-as-separator"),
    pytest.param(b"GET /heal thz HTTP/1.1", id="space-in-target"),
    pytest.param(b"GET /health\x00z HTTP/1.1", id="nul-in-target"),
    pytest.param(b"GET /health\x7fz HTTP/1.1", id="del-in-target"),
    pytest.param(b"GET /h\xc3\xa9 HTTP/1.1", id="non-ascii-target"),
    pytest.param(b" GET /healthz HTTP/1.1", id="leading-space"),
    pytest.param(b"GET /healthz HTTP/1.1 ", id="trailing-space"),
    pytest.param(b"GET /healthz", id="no-version"),
    pytest.param(b"GET", id="method-only"),
    pytest.param(b"G(T /healthz HTTP/1.1", id="non-token-method"),
    pytest.param(b"GET healthz HTTP/1.1", id="relative-target"),
])
def test_malformed_request_line_is_400(server, line):
    rejected(server, line + b"\r\nHost: " + H + b"\r\n\r\n", 400)


@pytest.mark.parametrize("version", [b"HTTP/1.32", b"http/1.1", b"HTTP/01.1", b"HTTP/1.1.1", b"HTTP/1", b"HTTP/11",
                                     b"HTTP /1.1", b"HTTPS/1.1", b"HTTP/1.a"])
def test_malformed_version_is_400(server, version):
    rejected(server, b"GET /healthz " + version + b"\r\nHost: " + H + b"\r\n\r\n", 400)


@pytest.mark.parametrize("version", [b"HTTP/2.0", b"HTTP/3.0"])
def test_unsupported_version_is_505(server, version):
    rejected(server, b"GET /healthz " + version + b"\r\nHost: " + H + b"\r\n\r\n", 505, close=False)


def test_http09_version_is_400_or_505(server):
    rejected(server, b"GET /healthz HTTP/0.9\r\nHost: " + H + b"\r\n\r\n", (400, 505), close=False)


def test_request_target_of_100_kb_is_414(server):
    rejected(server, b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: " + H + b"\r\n\r\n", 414, close=False)


def test_request_line_of_8000_octets_is_accepted(server):
    prefix, suffix = b"GET /", b" HTTP/1.1"
    line = prefix + b"a" * (8000 - len(prefix) - len(suffix)) + suffix
    assert len(line) == 8000
    with StrictClient(server.address) as client:
        client.send(line + b"\r\nHost: " + H + b"\r\n\r\n" + HEALTHZ)
        response = client.read_response()
        # Parsed and routed: no such resource, so 404 — not 414 nor 400.
        check_problem(response, 404)
        assert client.read_response().status == 200


def test_request_line_just_over_8_kib_is_414(server):
    # Issue 2: a request line over 8 KiB → 414.
    prefix, suffix = b"GET /", b" HTTP/1.1"
    line = prefix + b"a" * (8 * 1024 + 1 - len(prefix) - len(suffix)) + suffix
    rejected(server, line + b"\r\nHost: " + H + b"\r\n\r\n", 414, close=False)


# -- header section limits ------------------------------------------------------------------

def test_header_section_past_the_limit_is_431_and_closes(server):
    rejected(server, b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nX-Pad: " + b"p" * 17_000 + b"\r\n\r\n", 431)


def test_header_section_past_the_limit_in_many_fields_is_431_and_closes(server):
    fields = b"".join(b"X-Pad-%02d: %s\r\n" % (index, b"p" * 1000) for index in range(20))
    rejected(server, b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\n" + fields + b"\r\n", 431)


def test_too_many_fields_is_431_and_closes(server):
    fields = b"".join(b"X-F%d: 1\r\n" % index for index in range(100))  # with Host: 101 fields
    rejected(server, b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\n" + fields + b"\r\n", 431)


def test_header_section_within_the_limits_is_accepted(server):
    fields = b"".join(b"X-F%d: %s\r\n" % (index, b"v" * 100) for index in range(99))  # with Host: 100 fields
    accepted(server, b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\n" + fields + b"\r\n")


# -- body limit -----------------------------------------------------------------------------

def test_content_length_past_the_body_limit_is_413_before_the_body(server):
    # Nothing of the body is sent: the answer must come from the head alone.
    rejected(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\nContent-Length: 2000000\r\n\r\n", 413)


def test_chunk_past_the_body_limit_is_413_and_closes(server):
    rejected(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\nTransfer-Encoding: chunked\r\n\r\n"
             b"200000\r\n", 413)


# -- methods ------------------------------------------------------------------------------

@pytest.mark.parametrize("method", [b"BREW", b"FOO", b"get", b"PROPFIND"])
def test_unknown_method_is_501(server, method):
    rejected(server, method + b" /healthz HTTP/1.1\r\nHost: " + H + b"\r\n\r\n", 501, close=False)


@pytest.mark.parametrize("method, target", [("DELETE", "/healthz"), ("POST", "/healthz"), ("PUT", "/healthz"),
                                            ("PATCH", "/healthz"), ("POST", "/openapi.json")])
def test_known_method_the_route_does_not_take_is_405_with_allow(server, method, target):
    response = rejected(server, f"{method} {target} HTTP/1.1\r\nHost: ".encode() + H
                        + b"\r\nContent-Length: 0\r\n\r\n", 405, close=False)
    allow = {token.strip().upper() for token in (response.header("Allow") or "").split(",") if token.strip()}
    assert {"GET", "HEAD"} <= allow, f"405 without an Allow listing GET and HEAD: {response!r}"
    assert method not in allow, f"Allow lists the refused method: {response!r}"


def test_options_lists_allowed_methods(server):
    response = get(server, "/healthz", method="OPTIONS")
    assert response.status in (200, 204), response
    allow = {token.strip().upper() for token in (response.header("Allow") or "").split(",")}
    assert {"GET", "HEAD"} <= allow, response


def test_options_asterisk_is_accepted(server):
    accepted(server, b"OPTIONS * HTTP/1.1\r\nHost: " + H + b"\r\n\r\n", method="OPTIONS")


# -- request target forms -----------------------------------------------------------------

@pytest.mark.parametrize("method", [b"GET", b"DELETE", b"POST"])
def test_asterisk_form_other_than_options_is_400(server, method):
    rejected(server, method + b" * HTTP/1.1\r\nHost: " + H + b"\r\n\r\n", 400)


@pytest.mark.parametrize("target", [b"http://parley.test/healthz", b"http://parley.test:8080/healthz",
                                    b"HTTP://PARLEY.TEST/healthz", b"http://other.example/healthz"])
def test_absolute_form_is_accepted(server, target):
    response = accepted(server, b"GET " + target + b" HTTP/1.1\r\nHost: " + H + b"\r\n\r\n")
    assert response.status == 200, response


def test_absolute_form_without_path_is_accepted(server):
    # RFC 9112 §3.2.2: an absolute-form target with an empty path means "/".
    with StrictClient(server.address) as client:
        client.send(b"GET http://parley.test HTTP/1.1\r\nHost: " + H + b"\r\n\r\n" + HEALTHZ)
        response = client.read_response()
        check_common(response)
        assert response.status != 400 and response.status < 500, response
        assert client.read_response().status == 200


# -- Expect -------------------------------------------------------------------------------

def test_unknown_expectation_is_417(server):
    rejected(server, b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nExpect: foo\r\n\r\n", 417, close=False)


@pytest.mark.parametrize("target", ["/healthz", "/meetings"])
@pytest.mark.parametrize("method", ["POST", "GET"])
def test_expect_100_continue_gets_100_or_a_final_status_before_the_body(server, method, target):
    head = f"{method} {target} HTTP/1.1\r\nHost: parley.test\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"
    with StrictClient(server.address) as client:
        client.send(head.encode())
        # Nothing of the body has been sent: whatever comes must come now.
        first = client.read_response(method, stop_after_informational=True)
        if first.status == 100:
            client.send(b"hello" + HEALTHZ)
            final = client.continue_response()
            check_common(final)
            assert 200 <= final.status < 500, final
            if is_close_response(client):
                client.expect_closed()
            else:
                assert client.read_response().status == 200
        else:
            # A final status without reading the body: then either close, or read the body as content.
            check_common(first)
            assert 200 <= first.status < 500, first
            if first.status >= 400:
                check_problem(first)
            if is_close_response(client):
                client.expect_closed()
            else:
                client.send(b"hello" + HEALTHZ)
                assert client.read_response().status == 200


def test_expect_100_continue_without_a_body(server):
    with StrictClient(server.address) as client:
        client.send(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nExpect: 100-continue\r\n\r\n")
        response = client.read_response()  # a 100 first is allowed; h11 collects it
        check_common(response)
        assert response.status == 200, response
        assert len(response.informational) <= 1


# -- pipelining -----------------------------------------------------------------------------

def test_pipelined_requests_where_the_second_is_malformed(server):
    with StrictClient(server.address) as client:
        client.send(HEALTHZ + b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nBad Header: 1\r\n\r\n" + HEALTHZ)
        first = client.read_response()
        check_common(first)
        assert first.status == 200, first
        second = client.read_response()
        check_problem(second, 400)
        client.expect_closed()


def test_three_pipelined_requests_in_one_write_are_answered_in_order(server):
    with StrictClient(server.address) as client:
        client.send(HEALTHZ + b"GET /meetings HTTP/1.1\r\nHost: " + H + b"\r\n\r\n"
                    + b"GET /no-such-thing HTTP/1.1\r\nHost: " + H + b"\r\n\r\n")
        first, second, third = client.read_response(), client.read_response(), client.read_response()
        assert (first.status, second.status, third.status) == (200, 200, 404), (first, second, third)
        check_common(first)
        check_common(second)
        check_problem(third, 404)


def test_request_sent_one_byte_at_a_time(server):
    with StrictClient(server.address) as client:
        client.send_trickle(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\n\r\n")
        response = client.read_response()
        check_common(response)
        assert response.status == 200


def test_content_length_body_is_not_read_as_a_request(server):
    smuggled = b"GET /no-such-thing HTTP/1.1\r\nHost: " + H + b"\r\n\r\n"
    with StrictClient(server.address) as client:
        client.send(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nContent-Length: %d\r\n\r\n" % len(smuggled)
                    + smuggled + b"GET /meetings HTTP/1.1\r\nHost: " + H + b"\r\n\r\n")
        first, second = client.read_response(), client.read_response()
        assert (first.status, second.status) == (200, 200), (first, second)
        leftover, _ = client.stray_bytes()
        assert leftover == b"", f"a third response appeared: {leftover[:300]!r}"


def test_chunked_body_with_extensions_and_trailers_is_read_exactly(server):
    smuggled = b"GET /no-such-thing HTTP/1.1\r\nHost: " + H + b"\r\n\r\n"
    body = (b"%x;name=value\r\n" % len(smuggled) + smuggled + b"\r\n"
            + b"3\r\nabc\r\n0\r\nX-Trailer: yes\r\n\r\n")
    with StrictClient(server.address) as client:
        client.send(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nTransfer-Encoding: chunked\r\n\r\n" + body
                    + HEALTHZ)
        first, second = client.read_response(), client.read_response()
        assert (first.status, second.status) == (200, 200), (first, second)
        leftover, _ = client.stray_bytes()
        assert leftover == b"", f"a third response appeared: {leftover[:300]!r}"


@pytest.mark.parametrize("coding", [b"Chunked", b"CHUNKED", b"\tchunked", b"chunked "])
def test_chunked_is_matched_case_insensitively_and_without_ows(server, coding):
    accepted(server, b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nTransfer-Encoding:" + b" " + coding
             + b"\r\n\r\n5\r\nhello\r\n0\r\n\r\n")


# == Request smuggling classics ===============================================================

def test_smuggling_cl_te(server):
    # Front end uses Content-Length (13), back end chunked: "SMUGGLED" would be a second request.
    rejected(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\nContent-Length: 13\r\n"
             b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nSMUGGLED", 400)


def test_smuggling_te_cl(server):
    rejected(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\nContent-Length: 3\r\n"
             b"Transfer-Encoding: chunked\r\n\r\n8\r\nSMUGGLED\r\n0\r\n\r\n", 400)


def test_smuggling_te_cl_with_te_first(server):
    rejected(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\nTransfer-Encoding: chunked\r\n"
             b"Content-Length: 4\r\n\r\n5c\r\nGPOST / HTTP/1.1\r\n\r\n0\r\n\r\n", 400)


@pytest.mark.parametrize("fields", [
    pytest.param(b"Transfer-Encoding: chunked\r\nTransfer-Encoding: cow\r\n", id="second-te-line"),
    pytest.param(b"Transfer-Encoding: cow\r\nTransfer-Encoding: chunked\r\n", id="first-te-line-bogus"),
    pytest.param(b"Transfer-Encoding: chunked, cow\r\n", id="te-list-ends-in-cow"),
    pytest.param(b"Transfer-Encoding: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n", id="te-te-cl"),
])
def test_smuggling_te_te(server, fields):
    rejected(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\n" + fields + b"\r\n5\r\nhello\r\n0\r\n\r\n",
             (400, 501))


@pytest.mark.parametrize("fields", [
    pytest.param(b"Transfer-Encoding : chunked\r\n", id="te-space-before-colon"),
    pytest.param(b"Content-Length : 5\r\n", id="cl-space-before-colon"),
    pytest.param(b"Transfer-Encoding\t: chunked\r\n", id="te-tab-before-colon"),
    pytest.param(b"Transfer-Encoding:\r\n chunked\r\n", id="te-obs-fold"),
    pytest.param(b"Content-Length:\r\n 5\r\n", id="cl-obs-fold"),
    pytest.param(b"X-Test: a\r\n Transfer-Encoding: chunked\r\n", id="te-folded-into-other"),
    pytest.param(b" Transfer-Encoding: chunked\r\n", id="te-indented"),
    pytest.param(b"Content-Length: 5\r\nContent-Length: 50\r\n", id="duplicate-cl"),
    pytest.param(b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
                 id="cl-with-two-te"),
    pytest.param(b"Transfer-Encoding: chunked\r\nContent-Length: 0\r\n", id="te-cl-zero"),
    pytest.param(b"Transfer-Encoding:\x0bchunked\r\n", id="te-vertical-tab"),
    pytest.param(b"Transfer-Encoding: \x00chunked\r\n", id="te-nul"),
    pytest.param(b"Transfer_Encoding: chunked\r\nContent-Length: 5\r\nContent-Length: 6\r\n", id="underscore-name"),
])
def test_smuggling_header_obfuscations_are_400_and_close(server, fields):
    rejected(server, b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\n" + fields + b"\r\n5\r\nhello\r\n0\r\n\r\n", 400)


@pytest.mark.parametrize("raw", [
    pytest.param(b"GET /healthz HTTP/1.1\nHost: " + H + b"\n\n", id="all-bare-lf"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\nX-Test: 1\r\n\r\n", id="one-bare-lf"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\n\n", id="bare-lf-ends-head"),
])
def test_smuggling_bare_lf(server, raw):
    # RFC 9112 §2.2 lets a recipient take a bare LF as a line end; rejecting is also allowed.
    # Either way the framing must stay consistent, and a rejection closes.
    rejected_or_accepted(server, raw, (400,))


@pytest.mark.parametrize("raw", [
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nX-Test: 1\nTransfer-Encoding: chunked\r\n"
                 b"Content-Length: 5\r\n\r\nhello", id="bare-lf-hiding-te-in-get"),
    pytest.param(b"POST /healthz HTTP/1.1\r\nHost: " + H + b"\r\nX-Test: 1\nTransfer-Encoding: chunked\r\n"
                 b"Content-Length: 5\r\n\r\nhello", id="bare-lf-hiding-te-in-post"),
])
def test_bare_lf_hiding_transfer_encoding_is_never_split_both_ways(server, raw):
    # Taken as a line end, it is CL+TE (400); not taken, the line is invalid (400). Nothing else.
    rejected(server, raw, 400)


@pytest.mark.parametrize("raw", [
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nContent-Length: 5\r\n\r\nhello", id="get-with-body"),
])
def test_get_with_a_body_is_framed_by_content_length(server, raw):
    accepted(server, raw)


# == Connection management ====================================================================

def test_keep_alive_reuses_one_connection(server):
    with StrictClient(server.address) as client:
        for index in range(10):
            target = ["/healthz", "/meetings", "/no-such-thing"][index % 3]
            client.send(f"GET {target} HTTP/1.1\r\nHost: parley.test\r\n\r\n".encode())
            response = client.read_response()
            check_common(response)
            assert response.status == (404 if target == "/no-such-thing" else 200), response
            assert "close" not in (response.header("Connection") or "").lower(), response
        client.send(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nConnection: close\r\n\r\n")
        last = client.read_response(keep_alive=False)
        assert last.status == 200
        assert "close" in (last.header("Connection") or "").lower()
        client.expect_closed()


def test_connection_close_is_honoured_and_pipelined_requests_after_it_are_not_read(server):
    with StrictClient(server.address) as client:
        client.send(b"GET /healthz HTTP/1.1\r\nHost: " + H + b"\r\nConnection: close\r\n\r\n" + HEALTHZ)
        response = client.read_response(keep_alive=False)
        assert response.status == 200
        client.expect_closed()


def test_http10_closes_unless_asked_to_keep_alive(server):
    with StrictClient(server.address) as client:
        client.send(b"GET /healthz HTTP/1.0\r\nHost: " + H + b"\r\n\r\n")
        response = client.read_response(keep_alive=False)
        assert response.status == 200
        client.expect_closed()
    with StrictClient(server.address) as client:
        client.send(b"GET /healthz HTTP/1.0\r\nHost: " + H + b"\r\nConnection: keep-alive\r\n\r\n")
        response = client.read_response()
        assert response.status == 200
        assert "keep-alive" in (response.header("Connection") or "").lower(), response
        client.send(b"GET /meetings HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        assert client.read_response().status == 200


# == HEAD, conditional GET ===================================================================

@pytest.mark.parametrize("target", ["/meetings", "/openapi.json"])
def test_head_has_the_get_headers_and_no_body(server, target):
    with StrictClient(server.address) as client:
        client.send(f"GET {target} HTTP/1.1\r\nHost: parley.test\r\n\r\n".encode())
        got = client.read_response()
        check_common(got)
        assert got.status == 200, got
        client.send(f"HEAD {target} HTTP/1.1\r\nHost: parley.test\r\n\r\n".encode())
        head = client.read_response("HEAD")
        check_common(head, "HEAD")
        assert head.status == 200 and head.body == b""
        assert head.header("Content-Length") == str(len(got.body)), (got, head)
        for name in ("Content-Type", "ETag", "Cache-Control", "Last-Modified"):
            assert head.header(name) == got.header(name), f"{name} differs: GET {got!r} HEAD {head!r}"
        # Nothing stray after the HEAD response: the next exchange parses cleanly.
        client.send(HEALTHZ)
        assert client.read_response().status == 200


def test_head_of_healthz_has_content_length_and_no_body(server):
    with StrictClient(server.address) as client:
        client.send(b"HEAD /healthz HTTP/1.1\r\nHost: " + H + b"\r\n\r\n" + HEALTHZ)
        head = client.read_response("HEAD")
        check_common(head, "HEAD")  # exactly one Content-Length, no body
        assert head.status == 200 and head.body == b""
        assert client.read_response().status == 200


def test_head_of_a_missing_resource_has_no_body(server):
    with StrictClient(server.address) as client:
        client.send(b"HEAD /no-such-thing HTTP/1.1\r\nHost: " + H + b"\r\n\r\n" + HEALTHZ)
        response = client.read_response("HEAD")
        check_problem(response, 404, method="HEAD")
        assert client.read_response().status == 200


@pytest.mark.parametrize("fields, status", [
    pytest.param(b"Host: a@b\r\n", 400, id="invalid-host"),
    pytest.param(b"Host: " + H + b"\r\nExpect: foo\r\n", 417, id="unknown-expectation"),
    pytest.param(b"Host: " + H + b"\r\n" + b"".join(b"X-F%d: 1\r\n" % i for i in range(100)), 431, id="too-many-fields"),
])
def test_rejected_head_request_gets_an_error_without_body(server, fields, status):
    # RFC 9110 §9.3.2 and RFC 9112 §6.3: the server MUST NOT send content in a response to HEAD;
    # such a response ends at the empty line whatever its status, so a body is read as junk.
    with StrictClient(server.address) as client:
        client.send(b"HEAD /healthz HTTP/1.1\r\n" + fields + b"\r\n")
        response = client.read_response("HEAD")
        check_problem(response, status, method="HEAD")
        client.expect_closed()


def etag_of(server, target: str) -> str:
    response = get(server, target)
    assert response.status == 200, response
    etag = response.header("ETag")
    assert etag and re.fullmatch(r'(W/)?"[\x21\x23-\x7e\x80-\xff]*"', etag), f"no valid ETag: {response!r}"
    return etag


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_conditional_get_304_has_no_body(server, method):
    etag = etag_of(server, "/meetings")
    with StrictClient(server.address) as client:
        client.send(f"{method} /meetings HTTP/1.1\r\nHost: parley.test\r\nIf-None-Match: {etag}\r\n\r\n".encode())
        response = client.read_response(method)
        check_common(response, method)
        assert response.status == 304, response
        assert response.body == b""
        assert response.header("ETag") == etag, f"a 304 must repeat the ETag (RFC 9110 §15.4.5): {response!r}"
        # A body on the 304 would show up here as garbage before the next response.
        client.send(HEALTHZ)
        following = client.read_response()
        assert following.status == 200, following


@pytest.mark.parametrize("form", ["weak", "list", "star"])
def test_if_none_match_uses_weak_comparison_and_lists(server, form):
    etag = etag_of(server, "/meetings")
    strong = etag[2:] if etag.startswith("W/") else etag
    value = {"weak": "W/" + strong, "list": f'"nope", {etag}, "other"', "star": "*"}[form]
    response = get(server, "/meetings", f"If-None-Match: {value}\r\n".encode())
    assert response.status == 304, f"If-None-Match: {value} must match {etag} (RFC 9110 §13.1.2): {response!r}"
    assert response.body == b""


def test_if_none_match_that_does_not_match_gets_200(server):
    response = get(server, "/meetings", b'If-None-Match: "certainly-not-the-etag"\r\n')
    assert response.status == 200 and response.body, response


# == Errors are problem documents =============================================================

def test_not_found_is_a_problem_document(server):
    check_problem(get(server, "/no-such-thing"), 404)


# == Every resource, strictly parsed ===========================================================

def _documented_collections() -> list[tuple[str, bool]]:
    """GET paths without path parameters in Docs/openapi.json, and whether they take `format`."""
    document = Path(__file__).resolve().parents[2] / "Docs" / "openapi.json"
    if not document.exists():
        return [("/healthz", False), ("/meetings", True)]
    spec = json.loads(document.read_text(encoding="utf-8"))
    found = []
    for path, operations in spec.get("paths", {}).items():
        if "{" in path or "get" not in operations:
            continue
        names = set()
        for parameter in operations["get"].get("parameters", []):
            if "$ref" in parameter:
                parameter = spec["components"]["parameters"].get(parameter["$ref"].rsplit("/", 1)[-1], {})
            names.add(parameter.get("name"))
        found.append((path, "format" in names))
    return found


COLLECTIONS = _documented_collections()


@pytest.mark.parametrize("path, takes_format", COLLECTIONS, ids=[path for path, _ in COLLECTIONS])
def test_every_documented_resource_parses_strictly_with_head_matching_get(server, path, takes_format):
    variants = [path] + ([path + "?format=csv", path + "?format=json"] if takes_format else [])
    with StrictClient(server.address) as client:
        for target in variants:
            client.send(f"GET {target} HTTP/1.1\r\nHost: parley.test\r\n\r\n".encode())
            got = client.read_response()
            check_common(got)
            assert got.status == 200, (target, got)
            client.send(f"HEAD {target} HTTP/1.1\r\nHost: parley.test\r\n\r\n".encode())
            head = client.read_response("HEAD")
            check_common(head, "HEAD")
            assert head.status == 200 and head.body == b""
            if path not in ("/healthz", "/metrics"):  # live counters: the body changes between two requests
                assert head.header("Content-Length") == str(len(got.body)), (target, got, head)
            else:
                assert (head.header("Content-Length") or "").isdigit(), (target, head)
            assert head.header("Content-Type") == got.header("Content-Type"), (target, got, head)


def _next_link(response: Response) -> str | None:
    for value in response.header_all("Link"):
        for part in value.split(","):
            match = re.match(r'\s*<([^>]*)>\s*;(.*)', part)
            if match and re.search(r'rel="?next"?', match[2]):
                return match[1]
    return None


@pytest.mark.parametrize("path", [path for path, takes_format in COLLECTIONS if takes_format])
def test_paging_through_a_collection_on_one_connection(server, path):
    """Follows the server's own next links (limit=2) to the end, every page strictly parsed."""
    target: str | None = f"{path}?limit=2"
    pages = 0
    with StrictClient(server.address) as client:
        while target and pages < 200:
            assert target.startswith("/"), f"next link is not a path: {target}"
            client.send(f"GET {target} HTTP/1.1\r\nHost: parley.test\r\n\r\n".encode())
            response = client.read_response()
            check_common(response)
            assert response.status == 200, (target, response)
            pages += 1
            target = _next_link(response)
    assert target is None, f"{path} still had a next page after {pages} pages"


def test_many_large_responses_pipelined_without_reading(server):
    # Forty 100-KB responses asked for at once: the server throttles its output (issue 2), and
    # every response still arrives whole, in order, framed correctly.
    count = 40
    with StrictClient(server.address, timeout=10) as client:
        client.send(b"".join(b"GET /openapi.json HTTP/1.1\r\nHost: " + H + b"\r\n\r\n" for _ in range(count))
                    + b"GET /no-such-thing HTTP/1.1\r\nHost: " + H + b"\r\n\r\n")
        time.sleep(0.5)
        bodies = set()
        for _ in range(count):
            response = client.read_response()
            assert response.status == 200, response
            bodies.add(response.body)
        assert len(bodies) == 1
        check_problem(client.read_response(), 404)


# == Timeouts (runs in the background since the module's first test) =========================

def test_header_trickled_past_the_deadline_gets_408_and_close(server, trickle):
    trickle.join(30)
    assert not trickle.is_alive(), "the trickling client never finished"
    if trickle.error is not None:
        raise trickle.error
    response = trickle.response
    assert response is not None
    check_problem(response, 408)
    assert trickle.closed_after
    assert 9.0 <= trickle.elapsed <= 15.0, f"408 came {trickle.elapsed:.1f} s after the head began (deadline 10 s)"
    assert trickle.other_client_latencies and max(trickle.other_client_latencies) < 1.0, (
        f"other clients were delayed by the slowloris: {trickle.other_client_latencies}")
