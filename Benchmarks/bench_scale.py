#!/usr/bin/env python3
"""make bench-scale (issue 9): Parley's costs from the seed to a million meetings, in one run.

For each size (SCALE_SIZES, default "0 10000 100000 1000000" synthetic meetings of 4 quotes each, beside the seed's
records), it grows the seed's export with Benchmarks/scale_data.py, loads it with `parley import` (timed), starts
`parley serve --workers 1 --response-cache-mb 0` on it (start timed to the first 200) and measures, over one
keep-alive connection, every list filter of /meetings and /quotes, search with a rare and a common word, an item, a
deep keyset page and /changes?since=, all with pages of 5; then POST, PATCH and DELETE; then the server's resident
memory. Every size's server stays up until the reads are done, and they are measured in ROUNDS rounds, each read at all
sizes back to back. Latencies are client-measured round trips on loopback (the median of the rounds' medians of
REQUESTS requests each, and the p99 of all of them), so each size's figures compare with the seed's in the same run. Writes a table and a plot (Docs/bench-scale.svg) into
Docs/BENCHMARKS.md between the bench-scale markers, with the targets marked met or missed.

Environment: SCALE_SIZES, REQUESTS (200), ROUNDS (5), WRITES (60), BENCH_OUT (Docs/BENCHMARKS.md), SCALE_KEEP=1 (keep the
databases in SCALE_DIR, default /tmp/parley-bench-scale, where the grown exports are kept for the next run),
BENCH_SKIP_BUILD=1.
"""
import hashlib
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build/release/parley")
SIZES = [int(x) for x in os.environ.get("SCALE_SIZES", "0 10000 100000 1000000").split()]
REQUESTS = int(os.environ.get("REQUESTS", "200"))
# Rounds of every read at every size (measure_reads): a figure is the median of the rounds' medians, so with five
# it takes three slow rounds of five, not two of three, to move one.
ROUNDS = int(os.environ.get("ROUNDS", "5"))
WRITES = int(os.environ.get("WRITES", "60"))
OUT = os.path.join(ROOT, os.environ.get("BENCH_OUT", "Docs/BENCHMARKS.md"))
SVG = os.path.join(ROOT, "Docs/bench-scale.svg")
WORK = os.environ.get("SCALE_DIR", "/tmp/parley-bench-scale")
BEGIN, END = "<!-- bench-scale:begin -->", "<!-- bench-scale:end -->"

# The servers and the client share one CPU while reads and writes are measured, so that every round trip is the same
# two context switches. Left to the scheduler, each server process stayed where it was first placed, on the client's
# CPU (a switch) or on the other (a cross-CPU wake-up), for the whole run: one run measured the headline at 0.109 /
# 0.249 / 0.147 / 0.272 ms at the seed / 10,000 / 100,000 / a million, every read of that run alternating alike, where
# 1,000 requests to each server in turn gave /changes?since= 0.151 / 0.142 / 0.139 ms at the seed / 100,000 / a
# million. (The servers on one CPU and the client on the other made every round trip a cross-CPU wake-up: slower, and
# no steadier.) The imports are not pinned: they use both cores.
MEASURING_CPUS = {min(os.sched_getaffinity(0))} if hasattr(os, "sched_getaffinity") else None


def pin_to_measuring_cpu():
    if MEASURING_CPUS:
        os.sched_setaffinity(0, MEASURING_CPUS)

# Targets of issue 9.
READ_RATIO = 2.0          # a read at a size within 2x its seed figure: cost that does not grow with the data
WRITE_RATIO = 2.0         # POST/PATCH/DELETE within 2x their seed figures
IMPORT_RATE = 20_000      # records/s
IMPORT_MILLION_S = 300    # a million meetings with four million quotes
RSS_MIB = 64
START_MS = 250

# (label, target); {day}, {topic}, {meeting} and {deep} are filled per size.
READS = [
    ("/meetings?date= (a busy day)", "/meetings?date={day}&limit=5"),
    ("/meetings?date=2022-01-12 (headline)", "/meetings?date=2022-01-12&limit=5"),
    ("/meetings?from&to", "/meetings?from=2005-01-01&to=2005-02-01&limit=5"),
    ("/meetings?from", "/meetings?from=2005-01-01&limit=5"),
    ("/meetings?to", "/meetings?to=2005-01-01&limit=5"),
    ("/meetings?party=nato", "/meetings?party=nato&limit=5"),
    ("/meetings?person=julianne-smith", "/meetings?person=julianne-smith&limit=5"),
    ("/meetings?topic", "/meetings?topic={topic}&limit=5"),
    ("/meetings?kind", "/meetings?kind=bilateral-talks&limit=5"),
    ("/meetings?q=crystal (rare)", "/meetings?q=crystal&limit=5"),
    ("/meetings?q=dialogue (common)", "/meetings?q=dialogue&limit=5"),
    ("/quotes?speaker=julianne-smith", "/quotes?speaker=julianne-smith&limit=5"),
    ("/quotes?party=nato", "/quotes?party=nato&limit=5"),
    ("/quotes?meeting", "/quotes?meeting={meeting}&limit=5"),
    ("/quotes?topic", "/quotes?topic={topic}&limit=5"),
    ("/quotes?kind=direct", "/quotes?kind=direct&limit=5"),
    ("/quotes?date", "/quotes?date={day}&limit=5"),
    ("/quotes?from&to", "/quotes?from=2005-01-01&to=2005-01-10&limit=5"),
    ("/quotes?q=crystal (rare)", "/quotes?q=crystal&limit=5"),
    ("/quotes?q=NATO (seed word)", "/quotes?q=NATO&limit=5"),
    ("/quotes?q=dialogue (common)", "/quotes?q=dialogue&limit=5"),
    ("/people?q=grusko", "/people?q=grusko"),
    ("/meetings/ID (item)", "/meetings/us-russia-geneva-2022-01-10"),
    ("/quotes deep keyset page", "{deep}"),
    ("/changes?since=", "/changes?since={since}&limit=5"),
]


def log(message):
    print("[bench-scale %6.1fs] %s" % (time.time() - STARTED, message), flush=True)


STARTED = time.time()


class Client:
    """One keep-alive HTTP/1.1 connection; each call returns (status, headers, body, seconds)."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""

    def request(self, method, target, body=None, headers=()):
        lines = ["%s %s HTTP/1.1" % (method, target), "Host: 127.0.0.1"] + list(headers)
        data = body.encode() if body is not None else b""
        if body is not None:
            lines.append("Content-Length: %d" % len(data))
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode() + data
        start = time.perf_counter()
        self.sock.sendall(raw)
        status, response_headers, response_body = self.read()
        return status, response_headers, response_body, time.perf_counter() - start

    def read(self):
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("connection closed")
            self.buffer += chunk
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        while len(self.buffer) < length:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("connection closed")
            self.buffer += chunk
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return status, headers, body


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(math.ceil(fraction * len(ordered))) - 1)]


def measure(client, target, count):
    """(round trips in seconds, records on the page): the page's length says whether two sizes did the same work."""
    for _ in range(min(20, count)):
        status, _, body, _ = client.request("GET", target)
        if status != 200:
            raise RuntimeError("%s answered %d: %s" % (target, status, body[:200]))
    data = json.loads(body)["data"]
    items = len(data) if isinstance(data, list) else 1
    return [client.request("GET", target)[3] for _ in range(count)], items


def measure_reads(prepared):
    """Every read at every size, in ROUNDS rounds, each read at all sizes back to back: what the machine does meanwhile
    (a run measured one size's reads 2-3x slower than a larger size's, one size after the other) falls on every size
    alike. A figure is the median of the rounds' medians, with the p99 of all its round trips."""
    times = {}
    for _ in range(ROUNDS):
        for label, pattern in READS:
            for size, (result, client, values) in prepared.items():
                round_trips, items = measure(client, pattern.format(**values), REQUESTS)
                times.setdefault((size, label), []).append((round_trips, items))
    for size, (result, _, _) in prepared.items():
        result["reads"] = {}
        for label, _ in READS:
            rounds = times[(size, label)]
            pooled = [t for round_trips, _ in rounds for t in round_trips]
            result["reads"][label] = (statistics.median(statistics.median(r) for r, _ in rounds),
                                      percentile(pooled, 0.99), rounds[-1][1])


def rss_kib(pid):
    values = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                values[line.split(":")[0]] = int(line.split()[1])
    return values


def prepare_size(size, seed_export):
    """Builds the size's database and starts its server, timed: (result, server, port, token, the reads' values)."""
    directory = os.path.join(WORK, str(size))
    os.makedirs(directory, exist_ok=True)
    database = os.path.join(directory, "parley.sqlite")
    # The grown export is kept in WORK and reused while the generator and the seed's export are unchanged.
    export = os.path.join(WORK, "export-%d.json" % size)
    stamp = export + ".seed-sha256"
    result = {"size": size}
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    subprocess.run([BIN, "migrate", "--database", database], check=True, stdout=subprocess.DEVNULL)
    if size > 0:
        with open(seed_export, "rb") as f:
            seed_sha = hashlib.sha256(f.read() + open(os.path.join(ROOT, "Benchmarks/scale_data.py"), "rb").read()).hexdigest()
        if not (os.path.exists(export) and os.path.exists(stamp) and open(stamp).read() == seed_sha):
            log("%d meetings: writing the export" % size)
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/scale_data.py"), seed_export, str(size), export], check=True)
            with open(stamp, "w") as f:
                f.write(seed_sha)
        records = 88 + size * 5  # the seed's records, then each meeting and its 4 quotes
        os.sync()  # an export just written (1.6 GB at a million) is not written back during the timed import
        log("%d meetings: parley import (%d MB)" % (size, os.path.getsize(export) // 1_000_000))
        start = time.perf_counter()
        subprocess.run([BIN, "import", export, "--database", database], check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        result["import_seconds"] = seconds
        result["import_rate"] = records / seconds
        # What was written just before (an export made for this run: 1.6 GB at a million) may still be going back to
        # disk, competing with the measurements: a run that had just written its exports measured some reads at a
        # million 1.5-3x slower than the run before, with the kernel's flush thread busy. Written out first; not part
        # of the import's time, which ended with its own fsync.
        os.sync()
    result["database_mb"] = sum(os.path.getsize(database + s) for s in ("", "-wal") if os.path.exists(database + s)) / 1e6
    token = subprocess.run([BIN, "token", "create", "--name", "bench", "--database", database], check=True,
                           capture_output=True, text=True).stdout.strip().split()[-1]
    # Start: from exec to the first 200 on /healthz, best of 3 (the OS page cache is warm after the first).
    starts = []
    for attempt in range(3):
        port = free_port()
        begin = time.perf_counter()
        server = subprocess.Popen([BIN, "serve", "--port", str(port), "--database", database, "--workers", "1",
                                   "--response-cache-mb", "0", "--quiet"], stdout=subprocess.DEVNULL,
                                  preexec_fn=pin_to_measuring_cpu)
        while True:
            try:
                client = Client(port)
                if client.request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.002)
        starts.append(time.perf_counter() - begin)
        if attempt < 2:
            server.terminate()
            server.wait()
    result["start_ms"] = min(starts) * 1000
    status, _, body, _ = client.request("GET", "/topics?limit=1")
    topic = json.loads(body)["data"][0]["id"]
    meeting = "synthetic-0000042" if size >= 42 else "nato-russia-council-2022-01-12"
    day = "2005-06-15" if size > 0 else "2022-01-12"
    since = max(0, json.loads(client.request("GET", "/healthz")[2]).get("data_version", 100) - 1000)
    # A deep keyset page: follow ten pages of 500 and keep the cursor found there, with pages of 5.
    target = "/quotes?kind=direct&limit=500"
    for _ in range(10):
        links = json.loads(client.request("GET", target)[2])["links"]
        if not links.get("next"):
            break
        target = links["next"]
    deep = target.replace("limit=500", "limit=5")
    values = {"day": day, "topic": topic, "meeting": meeting, "deep": deep, "since": since}
    # The connection is not kept: while the larger sizes load, the server closes it as idle.
    return result, server, port, token, values


def finish_size(result, server, port, token):
    """The writes (after every read: they change the data), the resident memory, and the server stopped."""
    try:
        result["writes"] = writes(Client(port), token, result["size"])
        result["rss"] = rss_kib(server.pid)
    finally:
        server.terminate()
        server.wait()
    if os.environ.get("SCALE_KEEP") != "1" and result["size"] > 0:
        shutil.rmtree(os.path.join(WORK, str(result["size"])), ignore_errors=True)


def writes(client, token, size):
    auth = ["Authorization: Bearer " + token, "Content-Type: application/json"]
    patch = ["Authorization: Bearer " + token, "Content-Type: application/merge-patch+json"]
    timings = {"POST /meetings": [], "PATCH /meetings/{id}": [], "POST /quotes": [], "DELETE /quotes/{id}": [],
               "DELETE /meetings/{id}": []}
    for n in range(WRITES):
        mid = "bench-meeting-%d-%d" % (size, n)
        body = json.dumps({"id": mid, "title": "Bench talks %d" % n, "kind": "bilateral-talks", "date": "2022-02-10",
                           "date_basis": "stated", "status": "scheduled",
                           "parties": [{"id": "nato", "role": "negotiating-side"}, {"id": "russia", "role": "negotiating-side"}],
                           "participants": [{"id": "alexander-grushko", "role": ""}], "topics": [{"id": "dialogue"}]})
        for name, method, target, payload, headers in [
            ("POST /meetings", "POST", "/meetings", body, auth),
            ("PATCH /meetings/{id}", "PATCH", "/meetings/" + mid, json.dumps({"summary": "Patched %d." % n}), patch),
            ("POST /quotes", "POST", "/quotes", json.dumps({"id": mid + "-q", "text": "We are ready to talk.", "kind": "direct",
                                                             "speaker": {"id": "julianne-smith"}, "meeting": {"id": mid}}), auth),
            ("DELETE /quotes/{id}", "DELETE", "/quotes/%s-q" % mid, None, auth[:1]),
            ("DELETE /meetings/{id}", "DELETE", "/meetings/" + mid, None, auth[:1]),
        ]:
            status, _, response, seconds = client.request(method, target, payload, headers)
            if status >= 300:
                raise RuntimeError("%s %s answered %d: %s" % (method, target, status, response[:300]))
            timings[name].append(seconds)
    return {name: (statistics.median(values), percentile(values, 0.99)) for name, values in timings.items()}


def fmt_ms(seconds):
    ms = seconds * 1000
    return "%.3f" % ms if ms < 1 else "%.2f" % ms if ms < 10 else "%.1f" % ms


def svg_plot(results):
    """Latency (median) against size, both log scale: one line per read or write."""
    sized = [r for r in results if r["size"] > 0]
    if not sized:
        return
    width, height, left, right, top, bottom = 900, 520, 70, 260, 30, 50
    xs = [math.log10(r["size"]) for r in sized]
    x_min, x_max = min(xs) - 0.3, max(xs) + 0.1
    series = {}
    for r in results:
        for label, (median, *_) in list(r["reads"].items()) + list(r["writes"].items()):
            series.setdefault(label, []).append((max(r["size"], 10 ** x_min), median * 1000))
    values = [v for points in series.values() for _, v in points]
    y_min, y_max = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))
    y_max = max(y_max, y_min + 1)

    def px(size):
        return left + (math.log10(size) - x_min) / (x_max - x_min) * (width - left - right)

    def py(ms):
        return top + (y_max - math.log10(ms)) / (y_max - y_min) * (height - top - bottom)

    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">' % (width, height),
             '<rect width="100%" height="100%" fill="white"/>']
    for exponent in range(y_min, y_max + 1):
        y = py(10 ** exponent)
        parts.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>' % (left, y, width - right, y))
        parts.append('<text x="%d" y="%.1f" text-anchor="end">%s ms</text>' % (left - 6, y + 4, ("%g" % (10 ** exponent))))
    for r in results:
        x = px(max(r["size"], 10 ** x_min))
        parts.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (x, top, x, height - bottom))
        parts.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (x, height - bottom + 16, "seed" if r["size"] == 0 else "{:,}".format(r["size"])))
    parts.append('<text x="%d" y="%d" text-anchor="middle">synthetic meetings (4 quotes each), log scale</text>' % ((left + width - right) / 2, height - 12))
    palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
    for index, (label, points) in enumerate(series.items()):
        color = palette[index % len(palette)]
        path = " ".join("%s%.1f,%.1f" % ("M" if i == 0 else "L", px(s), py(v)) for i, (s, v) in enumerate(points))
        parts.append('<path d="%s" fill="none" stroke="%s" stroke-width="1.5"/>' % (path, color))
        y = top + 4 + index * 15
        if y < height - 10:
            parts.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"/>' % (width - right + 10, y, width - right + 30, y, color))
            parts.append('<text x="%d" y="%d">%s</text>' % (width - right + 35, y + 4, label.replace("&", "&amp;").replace("<", "&lt;")))
    parts.append("</svg>")
    with open(SVG, "w") as f:
        f.write("\n".join(parts) + "\n")


def report(results):
    seed = results[0]
    sizes = ["seed" if r["size"] == 0 else "{:,}".format(r["size"]) for r in results]
    lines = [BEGIN, "", "## Cost against data size (`make bench-scale`)", "",
             "Generated by `make bench-scale` on %s (%d cores, load average at the start %s). Each size is the seed's "
             "records plus that many synthetic meetings of 4 quotes each, loaded with `parley import`; the server runs "
             "`--workers 1 --response-cache-mb 0`, so every request reads SQLite; the servers and the client share one CPU "
             "while requests are measured (the import has both). Latencies are median (p99) round trips "
             "over one keep-alive loopback connection, measured by the client, in ms; pages of 5. Every size's server "
             "stays up while the reads are measured in %d rounds of %d requests, each read at every size back to back, "
             "so what else the machine does falls on all sizes alike; a read's median is the median of its rounds'. "
             "A write meets its target when its median at every size is within %.0f× its seed figure. A read is compared "
             "on pages of equal size: with its figure at the smallest size whose page holds as many records as at the "
             "largest (the seed's six meetings answer most filters with no record or one, which is less work, not the "
             "same; such cells say how many records they held), and meets its target when every larger size is within "
             "%.0f× that figure."
             % (time.strftime("%Y-%m-%d"), os.cpu_count(), LOADAVG, ROUNDS, REQUESTS, WRITE_RATIO, READ_RATIO), "",
             "![latency against size](bench-scale.svg)", "",
             "| | " + " | ".join(sizes) + " | target |", "|---|" + "---:|" * len(sizes) + "---|"]
    verdicts = []
    for label in seed["reads"]:
        full = results[-1]["reads"][label][2]
        first = next(i for i, r in enumerate(results) if r["reads"][label][2] >= full)
        base = results[first]["reads"][label][0]
        worst = max(r["reads"][label][0] / base for r in results[first:])
        met = worst <= READ_RATIO
        verdicts.append(met)
        cells = ["%s (%s)%s" % (fmt_ms(r["reads"][label][0]), fmt_ms(r["reads"][label][1]),
                                "" if r["reads"][label][2] >= full else ", %d record%s" % (r["reads"][label][2], "" if r["reads"][label][2] == 1 else "s"))
                 for r in results]
        lines.append("| `%s` | %s | %s (worst %.1f× of %s) |" % (label, " | ".join(cells), "met" if met else "**missed**", worst, sizes[first]))
    for label in seed["writes"]:
        base = seed["writes"][label][0]
        worst = max(r["writes"][label][0] / base for r in results)
        met = worst <= WRITE_RATIO
        verdicts.append(met)
        cells = ["%s (%s)" % (fmt_ms(r["writes"][label][0]), fmt_ms(r["writes"][label][1])) for r in results]
        lines.append("| `%s` | %s | %s (worst %.1f×) |" % (label, " | ".join(cells), "met" if met else "**missed**", worst))
    imports = [r for r in results if "import_rate" in r]
    if imports:
        cells = ["—"] + ["{:,.0f}/s ({:.0f} s)".format(r["import_rate"], r["import_seconds"]) for r in imports]
        rate_met = all(r["import_rate"] >= IMPORT_RATE for r in imports)
        million = [r for r in imports if r["size"] >= 1_000_000]
        million_met = all(r["import_seconds"] <= IMPORT_MILLION_S for r in million) if million else None
        verdicts.append(rate_met)
        if million_met is not None:
            verdicts.append(million_met)
        lines.append("| `parley import` records/s | %s | ≥ 20,000/s: %s%s |" % (
            " | ".join(cells[: len(results)]), "met" if rate_met else "**missed**",
            "" if million_met is None else "; a million in ≤ 5 min: " + ("met" if million_met else "**missed**")))
    lines.append("| database file, MB | %s | |" % " | ".join("%.0f" % r["database_mb"] for r in results))
    start_met = all(r["start_ms"] <= START_MS for r in results)
    lines.append("| start to first 200, ms | %s | ≤ 250 ms: %s |" % (" | ".join("%.0f" % r["start_ms"] for r in results),
                                                                     "met" if start_met else "**missed**"))
    rss_met = all(r["rss"]["VmHWM"] / 1024 <= RSS_MIB for r in results)
    lines.append("| resident memory after the load (peak), MiB | %s | ≤ 64 MiB: %s |" % (
        " | ".join("%.1f (%.1f)" % (r["rss"]["VmRSS"] / 1024, r["rss"]["VmHWM"] / 1024) for r in results),
        "met" if rss_met else "**missed**"))
    verdicts += [start_met, rss_met]
    lines += ["", "%d of %d targets met." % (sum(verdicts), len(verdicts)), "", END]
    text = open(OUT).read() if os.path.exists(OUT) else "# Benchmarks\n"
    section = "\n".join(lines)
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(OUT, "w") as f:
        f.write(text)
    print(section)


LOADAVG = open("/proc/loadavg").read().split()[:3]
LOADAVG = " ".join(LOADAVG)


def main():
    if os.environ.get("BENCH_SKIP_BUILD") != "1":
        subprocess.run(["swift", "build", "-c", "release", "--product", "parley"], cwd=ROOT, check=True)
    os.makedirs(WORK, exist_ok=True)
    seed_db = os.path.join(WORK, "seed-export.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(seed_db + suffix):
            os.remove(seed_db + suffix)
    seed_export = os.path.join(WORK, "seed-export.json")
    subprocess.run([BIN, "migrate", "--database", seed_db], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([BIN, "export", "--database", seed_db, "--to", seed_export], check=True, stderr=subprocess.DEVNULL)
    prepared, results = {}, []
    try:
        for size in SIZES:
            prepared[size] = prepare_size(size, seed_export)
            results.append(prepared[size][0])
            log("%d meetings loaded and serving" % size)
        pin_to_measuring_cpu()  # from here on this process only measures
        measure_reads({size: (result, Client(port), values) for size, (result, _, port, _, values) in prepared.items()})
        log("reads measured, %d rounds" % ROUNDS)
        for size, (result, server, port, token, _) in list(prepared.items()):
            finish_size(result, server, port, token)
            del prepared[size]
    finally:
        for _, server, _, _, _ in prepared.values():
            server.terminate()
    svg_plot(results)
    report(results)


if __name__ == "__main__":
    main()
