"""The strict client checks itself: against a fake server that answers with canned bytes, each
framing error Parley could make must fail, and correct answers must pass. Without this, a
lenient helper could let the h11 suite pass whatever the server sends."""

from __future__ import annotations

import socket
import threading

import pytest

from strict_http import ServerDefect, StrictClient


class CannedServer:
    """Accepts one connection, reads what arrives for a moment, sends `reply`, then closes or idles."""

    def __init__(self, reply: bytes, close: bool = True):
        self.reply = reply
        self.close_after = close
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.address = self.listener.getsockname()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.release = threading.Event()
        self.thread.start()

    def _serve(self) -> None:
        connection, _ = self.listener.accept()
        with connection:
            connection.settimeout(0.2)
            try:
                connection.recv(65536)
            except socket.timeout:
                pass
            connection.sendall(self.reply)
            if not self.close_after:
                self.release.wait(3)
        self.listener.close()


OK = b"HTTP/1.1 200 OK\r\nDate: Mon, 10 Jan 2022 09:00:00 GMT\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"
NOT_MODIFIED = b"HTTP/1.1 304 Not Modified\r\nDate: Mon, 10 Jan 2022 09:00:00 GMT\r\nETag: \"x\"\r\n\r\n"


def exchange(reply: bytes, method: str = "GET", close: bool = True, responses: int = 1, expect_closed=True):
    server = CannedServer(reply, close)
    try:
        with StrictClient(server.address, timeout=1.0) as client:
            client.send(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            got = [client.read_response(method) for _ in range(responses)]
            if expect_closed:
                client.expect_closed(timeout=1.0)
            return got
    finally:
        server.release.set()


def test_a_correct_response_passes():
    (response,) = exchange(OK)
    assert response.status == 200 and response.body == b"ok"


def test_a_correct_304_and_head_pass():
    exchange(NOT_MODIFIED)
    exchange(OK[: OK.index(b"\r\n\r\n") + 4], method="HEAD")


@pytest.mark.parametrize("reply, method", [
    pytest.param(OK.replace(b"Content-Length: 2", b"Content-Length: 3"), "GET", id="content-length-too-long"),
    pytest.param(OK.replace(b"Content-Length: 2", b"Content-Length: 1"), "GET", id="content-length-too-short"),
    pytest.param(NOT_MODIFIED + b"body", "GET", id="body-on-304"),
    pytest.param(OK, "HEAD", id="body-on-head"),
    pytest.param(OK.replace(b"\r\nContent-Type", b"\nContent-Type"), "GET", id="bare-lf-in-head"),
    pytest.param(OK.replace(b"\r\n\r\nok", b"\r\nok"), "GET", id="missing-final-crlf"),
    pytest.param(OK.replace(b"Content-Type: text/plain", b"Content-Type: text/plain\r\n x"), "GET", id="obs-fold"),
    pytest.param(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokX\r\n0\r\n\r\n", "GET",
                 id="broken-chunked"),
    pytest.param(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n", "GET", id="chunked-cut-short"),
    pytest.param(OK.replace(b"HTTP/1.1 200 OK", b"HTTP/1.1 200 OK\r\nContent-Length: 2"), "GET",
                 id="duplicate-content-length"),
    pytest.param(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
                 "GET", id="content-length-with-chunked"),
    pytest.param(OK + OK, "GET", id="second-response-where-close-expected"),
    pytest.param(OK[:40], "GET", id="cut-short"),
    pytest.param(b"", "GET", id="nothing"),
])
def test_framing_errors_fail(reply, method):
    with pytest.raises((ServerDefect, AssertionError)):
        exchange(reply, method)


def test_a_connection_left_open_fails_where_close_is_required():
    with pytest.raises(ServerDefect, match="still open"):
        exchange(OK, close=False)
