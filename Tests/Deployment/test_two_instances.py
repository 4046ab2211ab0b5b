"""Two Parley processes behind HAProxy, and two sharing one port with SO_REUSEPORT.

Starts real processes on loopback only; every process started is stopped by PID.
"""
import http.client
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PARLEY = os.environ.get("PARLEY_BIN", os.path.join(ROOT, ".build", "debug", "parley"))


class Parley:
    """A `parley serve` process whose access log is collected line by line."""

    def __init__(self, database, port=0, extra=()):
        self.lines = []
        self.process = subprocess.Popen(
            [PARLEY, "serve", "--port", str(port), "--database", database, "--workers", "1", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        first = self.process.stdout.readline()
        assert first.startswith("listening on http://127.0.0.1:"), first
        # "listening on http://127.0.0.1:PORT with DATABASE at data version N (…)"
        self.port = int(first.split()[2].rsplit(":", 1)[1])
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def served(self, path):
        return sum(1 for line in list(self.lines) if f" GET {path} " in line)

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=6)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path, timeout=5):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@pytest.fixture
def databases():
    directory = tempfile.mkdtemp(prefix="parley-deploy-")
    seed = os.path.join(directory, "seed.sqlite")
    subprocess.run([PARLEY, "migrate", "--database", seed], check=True, capture_output=True)
    copies = []
    for index in range(2):
        copy = os.path.join(directory, f"replica{index}.sqlite")
        shutil.copy(seed, copy)
        copies.append(copy)
    yield copies
    shutil.rmtree(directory, ignore_errors=True)


def test_haproxy_spreads_requests_and_survives_losing_an_instance(databases):
    replicas = [Parley(database) for database in databases]
    proxy_port = free_port()
    directory = tempfile.mkdtemp(prefix="parley-haproxy-")
    config = os.path.join(directory, "haproxy.cfg")
    with open(config, "w") as handle:
        handle.write(f"""
global
    maxconn 1000
defaults
    mode http
    timeout connect 1s
    timeout client 10s
    timeout server 10s
    retries 3
    option redispatch 1
    retry-on all-retryable-errors
frontend parley
    bind 127.0.0.1:{proxy_port}
    default_backend replicas
backend replicas
    balance roundrobin
    option httpchk GET /healthz
    default-server inter 200ms fall 1 rise 2
    server a 127.0.0.1:{replicas[0].port} check
    server b 127.0.0.1:{replicas[1].port} check
""")
    proxy = subprocess.Popen(["haproxy", "-f", config, "-db"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                if get(proxy_port, "/healthz", timeout=1) == 200:
                    break
            except OSError:
                time.sleep(0.1)
        statuses = [get(proxy_port, "/meetings?date=2022-01-12") for _ in range(40)]
        assert statuses == [200] * 40
        time.sleep(0.3)  # the access logs are read by threads
        served = [replica.served("/meetings?date=2022-01-12") for replica in replicas]
        assert all(count >= 10 for count in served), served

        # Lose one instance abruptly; clients keep going through the proxy.
        replicas[0].stop(signal.SIGKILL)
        failures = 0
        for _ in range(100):
            try:
                if get(proxy_port, "/parties") != 200:
                    failures += 1
            except OSError:
                failures += 1
        # A sequential client has at most one request in flight when the instance dies.
        assert failures <= 1, failures
        assert replicas[1].served("/parties") >= 99
    finally:
        proxy.terminate()
        proxy.wait(timeout=5)
        for replica in replicas:
            replica.stop()
        shutil.rmtree(directory, ignore_errors=True)


def test_two_processes_share_one_port_with_reuse_port(databases):
    first = Parley(databases[0], extra=("--reuse-port",))
    second = Parley(databases[1], port=first.port, extra=("--reuse-port",))
    try:
        assert second.port == first.port
        for index in range(200):
            assert get(first.port, f"/topics?limit={1 + index % 50}") == 200
        time.sleep(0.3)
        counts = [sum(1 for line in list(p.lines) if " GET /topics?limit=" in line) for p in (first, second)]
        assert sum(counts) == 200
        assert all(count > 0 for count in counts), counts
        # Stopping one leaves the other serving the port.
        assert first.stop() == 0
        assert get(second.port, "/healthz") == 200
    finally:
        first.stop()
        second.stop()


def test_a_second_instance_without_reuse_port_is_refused(databases):
    first = Parley(databases[0])
    try:
        result = subprocess.run([PARLEY, "serve", "--port", str(first.port), "--database", databases[1]],
                                capture_output=True, text=True, timeout=10)
        assert result.returncode == 1
        assert f"port {first.port}" in result.stderr and "in use" in result.stderr
    finally:
        first.stop()
