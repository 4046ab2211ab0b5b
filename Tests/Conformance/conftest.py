"""Starts the real `parley serve` once per test session and hands its address to the tests.

The binary is `.build/debug/parley` under the repository root (`make test-conformance`
builds it first); `PARLEY_BIN` overrides the path (relative paths are taken from the
repository root). The server gets a fresh SQLite file in a temporary directory, picks
its own port (`--port 0`) and says which on stdout; on teardown it must exit 0 within
5 s of SIGTERM, as issue 2 requires.

Before it starts, an API token is created in its database with `parley token create`
(issue 6), so tests can write: `server.token`. `server` is shared by the read-only suites;
`writable_server` is a second instance of its own for the suites that write at random
(schemathesis), so their records never reach the data the others read.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# The start line: "listening on http://HOST:PORT with DATABASE at data version N (…)".
LISTENING = re.compile(r"listening on http://(?P<host>[^\s/]+):(?P<port>\d+)(?:\s|$)")
START_TIMEOUT = 30.0  # a cold start migrates and seeds the database
STOP_TIMEOUT = 5.0


def parley_binary() -> Path:
    configured = os.environ.get("PARLEY_BIN")
    path = Path(configured) if configured else Path(".build/debug/parley")
    return path if path.is_absolute() else REPO_ROOT / path


@dataclass
class RunningServer:
    host: str
    port: int
    process: subprocess.Popen
    token: str
    output: list[str] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def address(self) -> tuple[str, int]:
        return (self.host, self.port)

    def log(self) -> str:
        return "".join(self.output[-200:])


def _drain(stream, sink: list[str], ready: threading.Event | None, found: dict) -> None:
    """Reads a pipe to its end so the server never blocks on a full pipe."""
    for raw in iter(stream.readline, b""):
        line = raw.decode("utf-8", "replace")
        sink.append(line)
        if ready is not None and not ready.is_set():
            match = LISTENING.search(line.rstrip("\r\n"))
            if match:
                found["host"], found["port"] = match["host"], int(match["port"])
                ready.set()
    stream.close()
    if ready is not None:
        ready.set()  # EOF: wake the waiter; it sees no port and reports the output


def create_token(binary: Path, database: Path, env: dict) -> str:
    """`parley token create` against the database the server is about to serve: the token is its only stdout line.
    Only `serve` and `migrate` create a database, so it is migrated first."""
    migrated = subprocess.run([str(binary), "migrate", "--database", str(database)], cwd=REPO_ROOT, env=env,
                              stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    if migrated.returncode != 0:
        pytest.fail(f"`parley migrate` failed (exit {migrated.returncode}): {migrated.stdout}{migrated.stderr}", pytrace=False)
    result = subprocess.run([str(binary), "token", "create", "--name", "conformance", "--database", str(database)],
                            cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    if result.returncode != 0 or not result.stdout.startswith("parley_"):
        pytest.fail(f"`parley token create` failed (exit {result.returncode}): {result.stdout}{result.stderr}", pytrace=False)
    return result.stdout.strip()


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> RunningServer:
    yield from run_server(tmp_path_factory)


@pytest.fixture(scope="session")
def writable_server(tmp_path_factory) -> RunningServer:
    yield from run_server(tmp_path_factory)


def run_server(tmp_path_factory):
    binary = parley_binary()
    if not binary.exists():
        pytest.fail(f"{binary} does not exist; build it with `swift build --product parley` "
                    f"(or set PARLEY_BIN)", pytrace=False)
    database = tmp_path_factory.mktemp("parley") / "parley.sqlite"
    command = [str(binary), "serve", "--port", "0", "--database", str(database), "--quiet", "--workers", "2"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARLEY_")}
    token = create_token(binary, database, env)
    process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    output: list[str] = []
    ready = threading.Event()
    found: dict = {}
    readers = [
        threading.Thread(target=_drain, args=(process.stdout, output, ready, found), daemon=True),
        threading.Thread(target=_drain, args=(process.stderr, output, None, found), daemon=True),
    ]
    for reader in readers:
        reader.start()
    deadline = time.monotonic() + START_TIMEOUT
    while not ready.wait(0.05):
        if process.poll() is not None or time.monotonic() > deadline:
            break
    if "port" not in found:
        process.kill()
        process.wait()
        for reader in readers:
            reader.join(2)
        pytest.fail(f"`{' '.join(command)}` did not print 'listening on http://HOST:PORT' "
                    f"(exit {process.returncode}); its output:\n{''.join(output)}", pytrace=False)

    running = RunningServer(host=found["host"], port=found["port"], process=process, token=token, output=output)
    yield running

    process.send_signal(signal.SIGTERM)
    started = time.monotonic()
    try:
        code = process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail(f"the server did not exit within {STOP_TIMEOUT} s of SIGTERM (killed with SIGKILL); "
                    f"its output:\n{running.log()}", pytrace=False)
    elapsed = time.monotonic() - started
    for reader in readers:
        reader.join(2)
    assert code == 0, (f"the server exited {code} after SIGTERM ({elapsed:.2f} s); "
                       f"its output:\n{running.log()}")
