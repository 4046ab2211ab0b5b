"""A strict HTTP/1.1 client for black-box tests: raw bytes out, every byte back parsed by h11.

Requests go out as raw bytes (so malformed ones can be sent exactly), and the byte
stream that comes back is fed to an `h11.Connection(our_role=CLIENT)`. h11 is told
which method each response answers (through a "shadow" request that never reaches the
wire), so it knows that a response to HEAD, a 1xx, 204 or 304 has no body. Any framing
error in the server's responses — a wrong Content-Length, a body where none may be, a
broken chunked encoding, bytes after a response that said `Connection: close` — makes
h11 raise, and the test fails. h11 tolerates a bare LF and obs-fold in what it reads,
so every response head is also checked here for CRLF line ends and no folding.
"""

from __future__ import annotations

import errno
import json
import socket
import time
from dataclasses import dataclass, field

import h11

READ_TIMEOUT = 5.0
HOST = b"parley.test"


class ServerDefect(AssertionError):
    """What came back breaks RFC 9110/9112 or issue 2."""


@dataclass
class Response:
    status: int
    reason: bytes
    http_version: bytes
    headers: list[tuple[bytes, bytes]]
    body: bytes = b""
    informational: list[h11.InformationalResponse] = field(default_factory=list)
    raw_head: bytes = b""

    def header(self, name: str) -> str | None:
        values = self.header_all(name)
        return ", ".join(values) if values else None

    def header_all(self, name: str) -> list[str]:
        wanted = name.lower().encode()
        return [value.decode("latin-1") for key, value in self.headers if key.lower() == wanted]

    def json(self):
        return json.loads(self.body)

    def __repr__(self) -> str:
        body = self.body[:300] + (b"..." if len(self.body) > 300 else b"")
        return f"<{self.status} {self.reason.decode('latin-1')} {self.raw_head!r} body={body!r}>"


def connect(address: tuple[str, int], timeout: float = READ_TIMEOUT) -> socket.socket:
    sock = socket.create_connection(address, timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def _check_head_bytes(head: bytes) -> None:
    """Each line of a response head ends with CRLF; no bare CR or LF, no obs-fold, no NUL."""
    if not head.endswith(b"\r\n\r\n"):
        raise ServerDefect(f"response head does not end with CRLF CRLF: {head!r}")
    lines = head[:-4].split(b"\r\n")
    for number, line in enumerate(lines):
        if b"\n" in line or b"\r" in line or b"\x00" in line:
            raise ServerDefect(f"response head line {number} has a bare CR/LF or NUL: {line!r} in {head!r}")
        if number > 0 and line[:1] in (b" ", b"\t"):
            raise ServerDefect(f"response head uses obs-fold: {line!r} in {head!r}")
    if not lines[0].startswith(b"HTTP/1.1 "):
        raise ServerDefect(f"status line is not HTTP/1.1: {lines[0]!r}")
    names = [line.split(b":", 1)[0].lower() for line in lines[1:]]
    if names.count(b"content-length") > 1:
        raise ServerDefect(f"more than one Content-Length line: {head!r}")
    if b"content-length" in names and b"transfer-encoding" in names:
        raise ServerDefect(f"Content-Length together with Transfer-Encoding (RFC 9112 §6.2): {head!r}")


class StrictClient:
    """One connection; responses are read strictly, in order, one per `read_response` call."""

    def __init__(self, address: tuple[str, int], timeout: float = READ_TIMEOUT):
        self.sock = connect(address, timeout)
        self.timeout = timeout
        self.h11 = h11.Connection(our_role=h11.CLIENT)
        self.eof = False
        self.fed = 0  # bytes fed to h11 so far
        self.received = bytearray()  # every byte received, to check response heads byte for byte

    def close(self) -> None:
        self.sock.close()

    def __enter__(self) -> "StrictClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- sending ------------------------------------------------------------------------

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def send_trickle(self, data: bytes, delay: float = 0.002) -> None:
        for index in range(len(data)):
            self.sock.sendall(data[index:index + 1])
            time.sleep(delay)

    def shutdown_write(self) -> None:
        self.sock.shutdown(socket.SHUT_WR)

    # -- receiving ----------------------------------------------------------------------

    def _recv(self) -> bytes:
        """Returns received bytes, or b'' at EOF. A reset counts as EOF (the caller decides whether it is early)."""
        try:
            data = self.sock.recv(65536)
        except ConnectionResetError:
            return b""
        except socket.timeout:
            raise ServerDefect(f"no complete response within {self.timeout} s") from None
        return data

    def _feed(self) -> None:
        data = self._recv()
        if data:
            self.received += data
            self.fed += len(data)
            self.h11.receive_data(data)
        else:
            self.eof = True
            self.h11.receive_data(b"")

    def _shadow_request(self, method: str, keep_alive: bool, expect_continue: bool) -> None:
        if self.h11.our_state is h11.DONE and self.h11.their_state is h11.DONE:
            self.h11.start_next_cycle()
        if self.h11.our_state is not h11.IDLE:
            raise ServerDefect(f"a further response was expected, but the previous exchange left the "
                               f"connection in client={self.h11.our_state} server={self.h11.their_state}")
        headers = [("Host", HOST)]
        if not keep_alive:
            headers.append(("Connection", "close"))
        if expect_continue:
            headers.append(("Expect", "100-continue"))
            headers.append(("Content-Length", "0"))
        self.h11.send(h11.Request(method=method, target="/", headers=headers))
        self.h11.send(h11.EndOfMessage())

    def read_response(self, method: str = "GET", keep_alive: bool = True,
                      expect_continue: bool = False, stop_after_informational: bool = False) -> Response:
        """Reads and strictly parses the next response to a request made with `method`.

        `keep_alive=False` tells h11 the request asked to close (HTTP/1.0 or Connection: close).
        With `stop_after_informational`, returns as soon as a 1xx arrives (status is then the 1xx's);
        `continue_response` then reads the rest of the same exchange.
        """
        self._shadow_request(method, keep_alive, expect_continue)
        return self._read(stop_after_informational)

    def continue_response(self) -> Response:
        """After `read_response(stop_after_informational=True)`, reads the final response."""
        return self._read(False)

    def _read(self, stop_after_informational: bool) -> Response:
        informational: list[h11.InformationalResponse] = []
        head_start = self.fed - len(self.h11.trailing_data[0])
        response: Response | None = None
        body = bytearray()
        while True:
            try:
                event = self.h11.next_event()
            except h11.RemoteProtocolError as error:
                raise ServerDefect(f"h11 rejected the response stream: {error}; "
                                   f"unparsed bytes: {self.h11.trailing_data[0][:500]!r}; "
                                   f"all received: {bytes(self.received[:2000])!r}") from None
            if event is h11.NEED_DATA:
                if self.eof:
                    raise ServerDefect("the connection closed before a complete response "
                                       f"(unparsed: {self.h11.trailing_data[0][:500]!r}; head so far: {response!r})")
                self._feed()
                continue
            if event is h11.PAUSED:
                raise ServerDefect(f"h11 paused: client={self.h11.our_state} server={self.h11.their_state}")
            if isinstance(event, h11.ConnectionClosed):
                raise ServerDefect("the connection closed where a response was expected"
                                   + (f" (after {response!r})" if response else "")
                                   + f"; all received: {bytes(self.received[:2000])!r}")
            if isinstance(event, (h11.InformationalResponse, h11.Response)):
                consumed = self.fed - len(self.h11.trailing_data[0])
                raw_head = self._raw_since(head_start, consumed)
                _check_head_bytes(raw_head)
                head_start = consumed
                made = Response(event.status_code, event.reason, event.http_version, list(event.headers),
                                informational=informational, raw_head=raw_head)
                if isinstance(event, h11.InformationalResponse):
                    informational.append(event)
                    if stop_after_informational:
                        return made
                    continue
                response = made
            elif isinstance(event, h11.Data):
                body += event.data
            elif isinstance(event, h11.EndOfMessage):
                assert response is not None
                response.body = bytes(body)
                return response

    def _raw_since(self, start: int, end: int) -> bytes:
        return bytes(self.received[start:end])

    # -- the end of a connection ----------------------------------------------------------

    def expect_closed(self, timeout: float = READ_TIMEOUT) -> None:
        """After the last response, the server must close: only EOF (or a reset) may follow, no byte."""
        leftover = self.h11.trailing_data[0]
        if leftover:
            raise ServerDefect(f"bytes after the last response where the connection should close: {leftover[:500]!r}")
        if self.eof:
            return
        extra = self.read_to_eof(timeout)
        if extra:
            raise ServerDefect(f"the server sent more after the response instead of closing: {extra[:500]!r}")

    def read_to_eof(self, timeout: float = READ_TIMEOUT) -> bytes:
        """Reads until EOF or reset; fails if the connection stays open for `timeout`."""
        self.sock.settimeout(timeout)
        extra = bytearray()
        deadline = time.monotonic() + timeout
        while True:
            try:
                data = self.sock.recv(65536)
            except ConnectionResetError:
                break
            except socket.timeout:
                raise ServerDefect(f"the connection was still open {timeout} s after the response "
                                   f"(it must be closed)") from None
            if not data:
                break
            extra += data
            if time.monotonic() > deadline:
                raise ServerDefect("the server keeps sending instead of closing")
        self.eof = True
        return bytes(extra)

    def stray_bytes(self, wait: float = 0.2) -> tuple[bytes, bool]:
        """Bytes beyond the responses read so far that arrive within `wait` s, and whether EOF came.

        What arrives is also handed to h11, so the connection can still be used afterwards.
        """
        if not self.eof:
            self.sock.settimeout(wait)
            try:
                data = self.sock.recv(65536)
                if data:
                    self.received += data
                    self.fed += len(data)
                    self.h11.receive_data(data)
                else:
                    self.eof = True
            except socket.timeout:
                pass
            except ConnectionResetError:
                self.eof = True
            finally:
                self.sock.settimeout(self.timeout)
        return self.h11.trailing_data[0], self.eof


def read_all_raw(sock: socket.socket, timeout: float = READ_TIMEOUT) -> tuple[bytes, str]:
    """Reads until EOF, reset or `timeout`; returns the bytes and how it ended ('eof', 'reset', 'timeout')."""
    sock.settimeout(timeout)
    data = bytearray()
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return bytes(data), "timeout"
        sock.settimeout(remaining)
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            return bytes(data), "reset"
        except socket.timeout:
            return bytes(data), "timeout"
        except OSError as error:
            if error.errno == errno.ECONNRESET:
                return bytes(data), "reset"
            raise
        if not chunk:
            return bytes(data), "eof"
        data += chunk
