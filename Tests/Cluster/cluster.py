"""A Parley cluster on loopback: nodes started, killed, paused and restarted as real processes.

Used by the cluster tests (Tests/Cluster/test_cluster.py, `make test-cluster`) and by `make cluster`, which runs
`python3 Tests/Cluster/cluster.py` to start three nodes on HTTP ports 8081-8083 until Ctrl-C.
"""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("PARLEY_BINARY", os.path.join(ROOT, ".build", "debug", "parley"))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Node:
    """One `parley serve --node-address …` process, its files in `directory`."""

    def __init__(self, cluster, index, http_port=0, node_port=None):
        self.cluster = cluster
        self.index = index
        self.directory = os.path.join(cluster.directory, f"n{index}")
        os.makedirs(self.directory, exist_ok=True)
        self.database = os.path.join(self.directory, "parley.sqlite")
        self.node_dir = os.path.join(self.directory, "raft")
        self.node_address = f"127.0.0.1:{node_port or free_port()}"
        self.requested_port = http_port
        self.port = None
        self.process = None
        self.log_path = os.path.join(self.directory, "serve.log")
        self.options = []  # more `parley serve` options, for the next start

    def start(self, join=(), timeout=30):
        arguments = [BINARY, "serve", "--port", str(self.requested_port), "--database", self.database,
                     "--node-address", self.node_address, "--node-dir", self.node_dir, "--quiet"] + self.options
        if join:
            arguments += ["--join", ",".join(join)]
        log = open(self.log_path, "a")
        self.process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=log, text=True)
        deadline = time.time() + timeout
        line = self.process.stdout.readline()
        if not line.startswith("listening on"):
            self.process.wait(timeout=max(1, deadline - time.time()))
            raise RuntimeError(f"node {self.index} did not start: {line!r}; log: {self.log()}")
        self.port = int(re.search(r":(\d+) with", line).group(1))
        if self.requested_port == 0:
            self.requested_port = self.port  # a restart keeps the address clients and proxies know
        return line.strip()

    def log(self):
        with open(self.log_path) as f:
            return f.read()[-4000:]

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def pause(self):
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self, timeout=10):
        if not self.running:
            return self.process.returncode if self.process else None
        self.process.send_signal(signal.SIGCONT)
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise

    def request(self, method, path, body=None, headers=None, timeout=15):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            payload = json.dumps(body).encode() if body is not None else None
            all_headers = dict(headers or {})
            if payload is not None:
                all_headers.setdefault("Content-Type", "application/json")
            connection.request(method, path, body=payload, headers=all_headers)
            response = connection.getresponse()
            data = response.read()
            return response.status, dict(response.getheaders()), data
        finally:
            connection.close()

    def get_json(self, path):
        status, headers, data = self.request("GET", path)
        return status, headers, json.loads(data) if data else None

    def health(self):
        return self.get_json("/healthz")[2]


class Cluster:
    """Three nodes (or more): the first bootstraps, the others join through the ones before them."""

    def __init__(self, size=3, directory=None, http_ports=None):
        self.owns_directory = directory is None
        self.directory = directory or tempfile.mkdtemp(prefix="parley-cluster-test-")
        ports = http_ports or [0] * size
        self.nodes = [Node(self, i + 1, http_port=ports[i]) for i in range(size)]

    def start(self):
        for index, node in enumerate(self.nodes):
            node.start(join=[n.node_address for n in self.nodes[:index]])
        return self

    def restart(self, node):
        others = [n.node_address for n in self.nodes if n is not node]
        return node.start(join=others if node.index != 1 else ())

    @property
    def addresses(self):
        return [n.node_address for n in self.nodes]

    def parley(self, *arguments, timeout=60):
        """Runs `parley …` (token, backup, export with --cluster) and returns its stdout."""
        result = subprocess.run([BINARY, *arguments], capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"parley {' '.join(arguments)} exited {result.returncode}: {result.stderr}")
        return result.stdout

    def create_token(self, name):
        return self.parley("token", "create", "--name", name, "--cluster", ",".join(self.addresses)).strip()

    def leader(self):
        for node in self.nodes:
            if node.running:
                try:
                    health = node.health()
                except OSError:
                    continue
                if health["cluster"]["role"] == "leader":
                    return node
        return None

    def wait_until(self, predicate, timeout=30, interval=0.1):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if predicate():
                    return True
            except OSError:
                pass
            time.sleep(interval)
        return False

    def close(self):
        for node in self.nodes:
            try:
                node.stop()
            except Exception:
                pass
        if self.owns_directory:
            shutil.rmtree(self.directory, ignore_errors=True)


def main():
    """`make cluster`: three nodes on HTTP ports 8081-8083 and dqlite ports 9001-9003 until Ctrl-C."""
    directory = os.environ.get("CLUSTER_DIR", os.path.join(ROOT, ".cluster"))
    os.makedirs(directory, exist_ok=True)
    cluster = Cluster(directory=directory, http_ports=[8081, 8082, 8083])
    for index, node in enumerate(cluster.nodes):
        node.node_address = f"127.0.0.1:{9001 + index}"
    try:
        for index, node in enumerate(cluster.nodes):
            print(node.start(join=[n.node_address for n in cluster.nodes[:index]]), flush=True)
        token = cluster.create_token(f"cluster-{int(time.time())}")
        print(f"""
Three nodes are running (files in {directory}). Reads and writes work on any of them:
  curl -s http://127.0.0.1:8082/healthz
  curl -s -X POST http://127.0.0.1:8083/topics -H 'Authorization: Bearer {token}' \\
       -H 'Content-Type: application/json' -d '{{"id": "my-topic", "name": "My topic"}}'
  curl -s http://127.0.0.1:8081/topics/my-topic
Press Ctrl-C to stop them.""", flush=True)
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    except KeyboardInterrupt:
        pass
    finally:
        print("\nstopping the cluster", flush=True)
        cluster.close()


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    sys.exit(main())
