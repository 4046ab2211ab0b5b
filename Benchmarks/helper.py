#!/usr/bin/env python3
"""Small tools for Benchmarks/bench.sh, soak.sh and costs.sh. Standard library only; loopback only.

  helper.py freeport                          a free TCP port on 127.0.0.1
  helper.py fetch PORT PATH [--header 'K: V'] [--body FILE]
                                              one GET; prints "status bytes etag content-type"
  helper.py startup BINARY WORKDIR RUNS       exec-to-first-200 on /healthz with a new database each run
  helper.py idle PORT COUNT PATH READYFILE    opens COUNT keep-alive connections, one request on
                                              each, holds them idle until SIGTERM, then reports
  helper.py hammer PORT PATH COUNT            COUNT sequential GETs on one keep-alive connection
  helper.py wrk FILE                          parses one wrk --latency output to key=value
  helper.py report RESULTS_DIR OUT_MD         writes Docs/BENCHMARKS.md from bench.sh's results
  helper.py costs-section ...                 (used by costs.sh) see costs.sh
"""
import os
import re
import resource
import select
import signal
import socket
import statistics
import subprocess
import sys
import time

HOST = "127.0.0.1"


# ---------------------------------------------------------------- HTTP over a raw socket

def read_response(sock, buffered=b""):
    """Reads one HTTP/1.1 response (Content-Length framed, or none for 204/304). Returns
    (status, headers dict with lowercase names, body, leftover bytes)."""
    data = buffered
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("connection closed before the response head")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = 0 if status in (204, 304) else int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("connection closed inside the body")
        rest += chunk
    return status, headers, rest[:length], rest[length:]


def request_bytes(path, extra_headers=()):
    lines = [f"GET {path} HTTP/1.1", f"Host: {HOST}"]
    lines.extend(extra_headers)
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def cmd_freeport(_args):
    s = socket.socket()
    s.bind((HOST, 0))
    print(s.getsockname()[1])
    s.close()


def cmd_fetch(args):
    port, path = int(args[0]), args[1]
    headers, body_out = [], None
    rest = args[2:]
    while rest:
        if rest[0] == "--header":
            headers.append(rest[1])
        elif rest[0] == "--body":
            body_out = rest[1]
        rest = rest[2:]
    with socket.create_connection((HOST, port), timeout=10) as sock:
        sock.sendall(request_bytes(path, headers))
        status, response_headers, body, _ = read_response(sock)
    if body_out:
        with open(body_out, "wb") as f:
            f.write(body)
    etag = response_headers.get("etag", "-").replace(" ", "%20") or "-"
    print(f"{status} {len(body)} {etag} {response_headers.get('content-type', '-')}")


# ---------------------------------------------------------------- start to first 200

def first_200(port, deadline):
    """Polls /healthz until a 200; returns the time it arrived."""
    while time.perf_counter() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=2) as sock:
                sock.sendall(request_bytes("/healthz"))
                status, _, _, _ = read_response(sock)
                if status == 200:
                    return time.perf_counter()
        except (ConnectionRefusedError, ConnectionResetError, ConnectionError, socket.timeout):
            pass
        time.sleep(0.0005)
    return None


def cmd_startup(args):
    binary, workdir, runs = args[0], args[1], int(args[2])
    # Killed by bench.sh's cleanup: stop the parley we started (the finally below) before going.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    times = []
    for run in range(runs):
        database = os.path.join(workdir, f"startup-{run}.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(database + suffix):
                os.remove(database + suffix)
        s = socket.socket()
        s.bind((HOST, 0))
        port = s.getsockname()[1]
        s.close()
        started = time.perf_counter()
        process = subprocess.Popen([binary, "serve", "--host", HOST, "--port", str(port), "--database", database, "--quiet"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            arrived = first_200(port, started + 20)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if arrived is None:
            print("startup: no 200 on /healthz within 20 s", file=sys.stderr)
            sys.exit(1)
        times.append((arrived - started) * 1000)
    print(" ".join(f"{t:.1f}" for t in times))


# ---------------------------------------------------------------- 10,000 idle connections

def raise_nofile():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def cmd_idle(args):
    port, count, path, ready_file = int(args[0]), int(args[1]), args[2], args[3]
    limit = raise_nofile()
    if limit < count + 32:
        print(f"idle: the open-file limit {limit} is below {count + 32}", file=sys.stderr)
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    request = request_bytes(path)
    sockets, failed, last_error = [], 0, None
    started = time.perf_counter()
    batch = 500
    while len(sockets) + failed < count:
        wanted = min(batch, count - len(sockets) - failed)
        pending = []
        for _ in range(wanted):
            try:
                sock = socket.create_connection((HOST, port), timeout=10)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                sock.sendall(request)
                pending.append(sock)
            except OSError as error:
                failed += 1
                last_error = error
        for sock in pending:
            try:
                status, headers, _, _ = read_response(sock)
                if status != 200 or headers.get("connection", "").lower() == "close":
                    failed += 1
                    last_error = f"status {status}, connection: {headers.get('connection', '-')}"
                    sock.close()
                else:
                    sockets.append(sock)
            except OSError as error:
                failed += 1
                last_error = error
                sock.close()
    elapsed = time.perf_counter() - started
    with open(ready_file + ".tmp", "w") as f:
        f.write(f"open={len(sockets)} failed={failed} seconds={elapsed:.2f}\n")
    os.rename(ready_file + ".tmp", ready_file)
    if failed:
        print(f"idle: {failed} connections failed (last: {last_error})", file=sys.stderr)
    while not stop:
        time.sleep(0.1)
    # Which of them did the server close meanwhile? A closed one is readable and reads EOF.
    closed = 0
    poller = select.poll()
    for sock in sockets:
        poller.register(sock.fileno(), select.POLLIN)
    ready = {fd for fd, _ in poller.poll(0)}
    for sock in sockets:
        if sock.fileno() in ready:
            try:
                if sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b"":
                    closed += 1
            except OSError:
                closed += 1
        sock.close()
    print(f"held={len(sockets) - closed} closed_by_server={closed} failed={failed}")


# ---------------------------------------------------------------- a fixed batch of requests

def cmd_hammer(args):
    port, path, count = int(args[0]), args[1], int(args[2])
    request = request_bytes(path)
    bad = 0
    with socket.create_connection((HOST, port), timeout=120) as sock:
        leftover = b""
        for _ in range(count):
            sock.sendall(request)
            status, _, _, leftover = read_response(sock, leftover)
            if status != 200:
                bad += 1
    if bad:
        print(f"hammer: {bad} of {count} responses were not 200", file=sys.stderr)
        sys.exit(1)


# ---------------------------------------------------------------- wrk output

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}
UNITS_BYTES = {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3, "TB": 1024 ** 4}


def parse_wrk(text):
    result = {"rps": 0.0, "p50": float("nan"), "p99": float("nan"), "requests": 0, "bytes": 0.0,
              "socket_errors": 0, "non2xx3xx": 0, "timeouts": 0, "ok": False}
    m = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    if m:
        result["rps"] = float(m.group(1))
        result["ok"] = True
    for pct, key in (("50", "p50"), ("99", "p99")):
        m = re.search(rf"^\s+{pct}(?:\.000)?%\s+([\d.]+)(us|ms|s|m|h)\b", text, re.M)
        if m:
            result[key] = float(m.group(1)) * UNITS_MS[m.group(2)]
    m = re.search(r"^\s+(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB|TB) read", text, re.M)
    if m:
        result["requests"] = int(m.group(1))
        result["bytes"] = float(m.group(2)) * UNITS_BYTES[m.group(3)]
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        result["socket_errors"] = sum(int(x) for x in m.groups())
        result["timeouts"] = int(m.group(4))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if m:
        result["non2xx3xx"] = int(m.group(1))
    return result


def cmd_wrk(args):
    with open(args[0]) as f:
        r = parse_wrk(f.read())
    print(" ".join(f"{k}={v}" for k, v in r.items()))


# ---------------------------------------------------------------- the report

def read_kv(path):
    values = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if "=" in line:
                    key, _, value = line.rstrip("\n").partition("=")
                    values[key] = value
    return values


def fmt_rps(v):
    return f"{v:,.0f}"


def fmt_ms(v):
    if v != v:  # NaN
        return "n/a"
    return f"{v:.2f} ms" if v < 10 else f"{v:.1f} ms"


def fmt_mib(kib):
    return f"{int(kib) / 1024:.1f} MiB" if kib not in (None, "", "-") else "n/a"


def median(values):
    return statistics.median(values) if values else float("nan")


COSTS_BEGIN = "<!-- costs:begin -->"
COSTS_END = "<!-- costs:end -->"


# Written by `make bench-scale` (Benchmarks/bench_scale.py), kept at the end of the file by this report.
SCALE_BEGIN = "<!-- bench-scale:begin -->"
SCALE_END = "<!-- bench-scale:end -->"
NOTES_BEGIN = "<!-- notes:begin -->"
NOTES_END = "<!-- notes:end -->"


def existing_section(md_path, begin_marker, end_marker):
    """The block between two markers of the previous report (markers included), to keep it."""
    if not os.path.exists(md_path):
        return None
    with open(md_path) as f:
        text = f.read()
    begin, end = text.find(begin_marker), text.find(end_marker)
    if begin < 0 or end < begin:
        return None
    return text[begin:end + len(end_marker)]


def existing_costs_section(md_path):
    return existing_section(md_path, COSTS_BEGIN, COSTS_END)


def cmd_report(args):
    results_dir, out_md = args[0], args[1]
    meta = read_kv(os.path.join(results_dir, "meta.env"))
    scenarios = {}  # label -> dict
    runs = []
    with open(os.path.join(results_dir, "runs.tsv")) as f:
        for line in f:
            scenario, server, conns, rnd, path, expect, wrk_file = line.rstrip("\n").split("\t")
            with open(wrk_file) as w:
                r = parse_wrk(w.read())
            r.update(scenario=scenario, server=server, conns=int(conns), round=int(rnd), path=path, expect=expect)
            # errors: socket errors plus responses outside what the scenario expects. wrk counts
            # "Non-2xx or 3xx"; for the 404 scenario every response should be one of those.
            if expect == "404":
                r["errors"] = r["socket_errors"] + abs(r["requests"] - r["non2xx3xx"])
            else:
                r["errors"] = r["socket_errors"] + r["non2xx3xx"]
            if not r["ok"]:
                r["errors"] = max(r["errors"], 1)
            runs.append(r)

    def agg(scenario, server, conns):
        rs = [r for r in runs if r["scenario"] == scenario and r["server"] == server and r["conns"] == conns]
        if not rs:
            return None
        return {
            "rps": median([r["rps"] for r in rs]),
            "rps_rounds": [r["rps"] for r in sorted(rs, key=lambda r: r["round"])],
            "p50": median([r["p50"] for r in rs]),
            "p99": median([r["p99"] for r in rs]),
            "errors": median([r["errors"] for r in rs]),
            "errors_total": sum(r["errors"] for r in rs),
            "bytes_per": median([r["bytes"] / r["requests"] if r["requests"] else 0 for r in rs]),
            "path": rs[0]["path"],
            "expect": rs[0]["expect"],
            "by_round": {r["round"]: r for r in rs},
        }

    def paired(a, b, key):
        """Median over rounds of a's figure divided by b's in the same round (A B A B pairs)."""
        if not a or not b:
            return float("nan")
        rounds = sorted(set(a["by_round"]) & set(b["by_round"]))
        values = [a["by_round"][r][key] / b["by_round"][r][key] for r in rounds if b["by_round"][r][key]]
        return median(values)

    conns_list = sorted({r["conns"] for r in runs})
    lines = []
    w = lines.append
    w("# Parley benchmarks")
    w("")
    w(f"Written by `make bench` (`bash Benchmarks/bench.sh`) on {meta.get('date', '?')}. Do not edit the "
      "numbers by hand: rerun the command. The section *Stable figures* is written by "
      "`bash Benchmarks/costs.sh` and kept across `make bench` runs.")
    w("")
    w("## Machine")
    w("")
    w("| | |")
    w("|---|---|")
    w(f"| CPU | {meta.get('cpu', '?')}, `nproc` = {meta.get('nproc', '?')} |")
    w(f"| Memory | {meta.get('memory', '?')} |")
    w(f"| Kernel | {meta.get('kernel', '?')} |")
    w(f"| Swift | {meta.get('swift', '?')} |")
    w(f"| nginx | {meta.get('nginx', '?')} |")
    w(f"| wrk | {meta.get('wrk', '?')} |")
    w(f"| Parley | {meta.get('parley', '?')} (release build) |")
    w(f"| Date (end of the run) | {meta.get('date', '?')} |")
    w(f"| Load average (1, 5, 15 min) | {meta.get('loadavg', '?')} |")
    w("")
    w("## Command")
    w("")
    w("```")
    w("make bench        # = bash Benchmarks/bench.sh after installing wrk, nginx, haproxy where missing")
    w("```")
    w("")
    w(f"This run: {meta.get('measure_seconds', '?')} s of measuring, {meta.get('total_seconds', '?')} s in all "
      f"(the release build took {meta.get('build_seconds', '?')} s). Each measurement is "
      f"`wrk -t1 -c<64|256> -d<seconds> --latency` on `http://127.0.0.1:<port>`: {meta.get('headline_seconds', '?')} s "
      f"at 64 connections and {meta.get('headline_seconds_high', '?')} s at 256 for the headline query (nginx, Parley, "
      "Parley uncached, alternating in that order), "
      f"{meta.get('secondary_seconds', '?')} s for every other endpoint; {meta.get('rounds', '?')} rounds; every figure is the median of the rounds. "
      "Parley runs with its defaults (one event loop per core, 8 MiB response cache) and `--quiet`; "
      f"nginx with 2 workers, access log off, `sendfile`, `open_file_cache`, `reuseport` and unlimited "
      "keep-alive requests (`Benchmarks/nginx.conf.template`) serving the exact bytes of Parley's "
      f"`/meetings?date=2022-01-12` body ({meta.get('headline_bytes', '?')} bytes) from a file as "
      "`application/json; charset=utf-8`.")
    w("")

    # ------------------------------------------------ targets
    nginx = {c: agg("headline", "nginx", c) for c in conns_list}
    parley = {c: agg("headline", "parley", c) for c in conns_list}
    uncached = {c: agg("headline", "parley-uncached", c) for c in conns_list}
    targets = []

    def ratio(a, b):
        return a / b if a and b and b == b and a == a else float("nan")

    for c in conns_list:
        if nginx[c] and parley[c]:
            r = paired(parley[c], nginx[c], "rps")
            p = paired(parley[c], nginx[c], "p99")
            targets.append((f"`/meetings?date=2022-01-12`, {c} connections: ≥ 0.8 of nginx's requests/s",
                            f"{r:.2f} ({fmt_rps(parley[c]['rps'])} vs {fmt_rps(nginx[c]['rps'])})", r >= 0.8,
                            f"{r:.2f} of nginx where 0.8 is wanted: {100 * (0.8 - r) / 0.8:.0f} % short; Parley needs "
                            f"{0.8 / r if r else float('inf'):.2f} × its rate ({fmt_rps(0.8 * nginx[c]['rps'])} requests/s)"))
            targets.append((f"… zero errors ({c} connections)", f"{parley[c]['errors_total']:.0f} in {meta.get('rounds', '?')} rounds",
                            parley[c]["errors_total"] == 0, f"{parley[c]['errors_total']:.0f} errors"))
            targets.append((f"… p99 ≤ 1.5 × nginx's ({c} connections)",
                            f"{p:.2f} × ({fmt_ms(parley[c]['p99'])} vs {fmt_ms(nginx[c]['p99'])})", p <= 1.5,
                            f"p99 {p:.2f} × nginx's where 1.5 × is allowed: {fmt_ms(parley[c]['p99'] - 1.5 * nginx[c]['p99'])} over"))
        if nginx[c] and uncached[c]:
            r = paired(uncached[c], nginx[c], "rps")
            targets.append((f"Cache off (`--response-cache-mb 0`), {c} connections: ≥ 0.5 of nginx",
                            f"{r:.2f} ({fmt_rps(uncached[c]['rps'])}), {uncached[c]['errors_total']:.0f} errors",
                            r >= 0.5 and uncached[c]["errors_total"] == 0,
                            f"{r:.2f} of nginx where 0.5 is wanted: {100 * (0.5 - r) / 0.5:.0f} % short; needs "
                            f"{0.5 / r if r else float('inf'):.2f} × its rate ({fmt_rps(0.5 * nginx[c]['rps'])} requests/s)"
                            + (f"; {uncached[c]['errors_total']:.0f} errors" if uncached[c]["errors_total"] else "")))
    peak = meta.get("parley_vmhwm_kib")
    peak_uncached = meta.get("uncached_vmhwm_kib")
    rest = meta.get("parley_rest_kib")
    if peak:
        targets.append(("Peak resident memory under load ≤ 32 MiB (VmHWM after every run)",
                        f"{fmt_mib(peak)} cached, {fmt_mib(peak_uncached)} uncached",
                        int(peak) <= 32 * 1024 and (not peak_uncached or int(peak_uncached) <= 32 * 1024),
                        f"{(max(int(peak), int(peak_uncached or 0)) - 32 * 1024) / 1024:.1f} MiB over 32 MiB"))
    if rest:
        targets.append(("Resident memory at rest after start ≤ 16 MiB (VmRSS)", fmt_mib(rest), int(rest) <= 16 * 1024,
                        f"{(int(rest) - 16 * 1024) / 1024:.1f} MiB over 16 MiB"))
    idle = read_kv(os.path.join(results_dir, "idle.env"))
    if idle.get("wrk_file"):
        with open(idle["wrk_file"]) as f:
            iw = parse_wrk(f.read())
        ierr = iw["socket_errors"] + iw["non2xx3xx"] + (0 if iw["ok"] else 1)
        closed = int(idle.get("closed_by_server", "0") or 0)
        held = idle.get("held", "?")
        failed = int(idle.get("failed", "0") or 0)
        idle_rss = idle.get("vmhwm_kib")
        targets.append((f"{int(idle.get('count', 0)):,} idle keep-alive connections: resident memory ≤ 128 MiB",
                        f"{fmt_mib(idle_rss)} peak (VmHWM), {fmt_mib(idle.get('vmrss_kib'))} with them open",
                        bool(idle_rss) and int(idle_rss) <= 128 * 1024,
                        f"{(int(idle_rss or 0) - 128 * 1024) / 1024:.1f} MiB over 128 MiB"))
        targets.append(("… p99 of the active client (64 connections) ≤ 10 ms",
                        fmt_ms(iw["p99"]), iw["p99"] <= 10, f"p99 {fmt_ms(iw['p99'])}: {fmt_ms(iw['p99'] - 10)} over 10 ms"))
        targets.append(("… zero errors (active client; idle ones all answered and still open)",
                        f"{ierr} active, {failed} idle failed, {closed} idle closed, {held} held",
                        ierr == 0 and failed == 0 and closed == 0 and idle.get("open") == idle.get("count"),
                        f"{ierr} errors on the active client, {failed} idle connections failed, {closed} closed"))
    startup = meta.get("startup_ms", "").split()
    if startup:
        s = median([float(x) for x in startup])
        targets.append(("Start to first 200 on a new database ≤ 250 ms (median of 5)", f"{s:.0f} ms", s <= 250,
                        f"{s - 250:.0f} ms over 250 ms"))
    w("## Targets (issue 5)")
    w("")
    w("| target | measured | holds |")
    w("|---|---|---|")
    for name, measured, ok, _ in targets:
        w(f"| {name} | {measured} | {'yes' if ok else '**no**'} |")
    w("")
    missed = [t for t in targets if not t[2]]
    w(f"{len(targets) - len(missed)} of {len(targets)} hold in this run.")
    w("")
    if missed:
        w("### Missed, and by how much")
        w("")
        for name, _, _, gap in missed:
            w(f"- {name.replace('… ', '')}: {gap}.")
        w("")
    notes = existing_section(out_md, NOTES_BEGIN, NOTES_END)
    w("### Notes on the gaps: what the profile shows, what was tried")
    w("")
    w(notes or (NOTES_BEGIN + "\n(Hand-written; `make bench` keeps this block as it is.)\n" + NOTES_END))
    w("")

    # ------------------------------------------------ headline table
    w("## `/meetings?date=2022-01-12`: nginx, Parley, Parley with the cache off")
    w("")
    w("| connections | server | requests/s | p50 | p99 | errors | ratio to nginx | p99 / nginx's | requests/s, round by round |")
    w("|---:|---|---:|---:|---:|---:|---:|---:|---|")
    for c in conns_list:
        for server, data in (("nginx (static file)", nginx[c]), ("Parley", parley[c]),
                             ("Parley, `--response-cache-mb 0`", uncached[c])):
            if not data:
                continue
            n = nginx[c]
            w(f"| {c} | {server} | {fmt_rps(data['rps'])} | {fmt_ms(data['p50'])} | {fmt_ms(data['p99'])} | "
              f"{data['errors']:.0f} | {paired(data, n, 'rps'):.2f} | {paired(data, n, 'p99'):.2f} | "
              f"{', '.join(fmt_rps(x) for x in data['rps_rounds'])} |")
    w("")

    # ------------------------------------------------ every endpoint
    labels = [("headline", "`/meetings?date=2022-01-12`"), ("quotes", "`/quotes?q=crystal`"),
              ("parties", "`/parties`"), ("meeting", "`/meetings/nato-russia-council-2022-01-12`"),
              ("notfound", "`/meetings/no-such-meeting` (404)"),
              ("conditional", "`/meetings?date=2022-01-12` with `If-None-Match` (304)"),
              ("dates", "every date of 2022, `/meetings?date=2022-MM-DD` (`Benchmarks/dates.lua`)")]
    checks = read_kv(os.path.join(results_dir, "checks.env"))
    w("## Every endpoint (Parley, response cache on)")
    w("")
    w("Ratio: to nginx's requests/s for the headline file at the same number of connections. "
      "Status: what a single request got before the runs. Bytes/response: wrk's bytes read divided "
      "by the responses, head included (a 304 has no body, so it is small).")
    w("")
    w("| endpoint | status | connections | requests/s | p50 | p99 | errors | ratio to nginx | bytes/response |")
    w("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for key, label in labels:
        for c in conns_list:
            data = agg(key, "parley", c)
            if not data:
                continue
            n = nginx.get(c)
            w(f"| {label} | {checks.get(key, '?')} | {c} | {fmt_rps(data['rps'])} | {fmt_ms(data['p50'])} | "
              f"{fmt_ms(data['p99'])} | {data['errors']:.0f} | "
              f"{ratio(data['rps'], n['rps']) if n else float('nan'):.2f} | {data['bytes_per']:.0f} |")
    w("")

    # ------------------------------------------------ memory
    w("## Memory (Parley)")
    w("")
    w("| | resident |")
    w("|---|---:|")
    w(f"| at rest after start (VmRSS, new database, before any request) | {fmt_mib(rest)} |")
    w(f"| peak, cache on, after every run above (VmHWM) | {fmt_mib(peak)} |")
    w(f"| peak, cache off, after its runs (VmHWM) | {fmt_mib(peak_uncached)} |")
    w(f"| cache on, at the end (VmRSS) | {fmt_mib(meta.get('parley_end_kib'))} |")
    w("")

    # ------------------------------------------------ idle
    if idle.get("wrk_file"):
        w(f"## {int(idle.get('count', 0)):,} idle keep-alive connections")
        w("")
        w(f"A fresh Parley (`--max-connections {idle.get('max_connections', '?')}`, so that the idle ones and the "
          f"active client both fit under its limit). `Benchmarks/helper.py idle` opened {idle.get('count', '?')} "
          f"keep-alive connections ({idle.get('open', '?')} answered 200 and stayed open, {idle.get('failed', '?')} "
          f"failed; {idle.get('seconds', '?')} s), sent `{idle.get('path', '?')}` once on each and left them idle "
          f"while wrk ran the headline at 64 connections for {meta.get('headline_seconds', '?')} s.")
        w("")
        w("| | |")
        w("|---|---:|")
        w(f"| resident memory with them open, after the run (VmRSS) | {fmt_mib(idle.get('vmrss_kib'))} |")
        w(f"| peak resident memory (VmHWM) | {fmt_mib(idle.get('vmhwm_kib'))} |")
        w(f"| resident memory before opening them (VmRSS) | {fmt_mib(idle.get('before_kib'))} |")
        w(f"| active client requests/s | {fmt_rps(iw['rps'])} |")
        w(f"| active client p50 / p99 | {fmt_ms(iw['p50'])} / {fmt_ms(iw['p99'])} |")
        w(f"| active client errors | {ierr} |")
        w(f"| idle connections still open after the run | {held} (closed by the server: {closed}) |")
        w("")

    # ------------------------------------------------ startup
    if startup:
        w("## Start to first 200")
        w("")
        w("From just before exec of `parley serve --database <new file>` to the first 200 on `/healthz` "
          "(create the file, migrate, seed, listen, answer), polled every 0.5 ms by `Benchmarks/helper.py startup`: "
          f"{', '.join(f'{float(x):.0f}' for x in startup)} ms; median **{median([float(x) for x in startup]):.0f} ms**.")
        w("")

    # ------------------------------------------------ costs (kept)
    costs = existing_costs_section(out_md)
    w("## Stable figures: instructions and heap allocations per request")
    w("")
    if costs:
        w(costs)
    else:
        w(COSTS_BEGIN)
        w("Not measured yet: run `bash Benchmarks/costs.sh` (valgrind; two to three minutes).")
        w(COSTS_END)
    w("")

    # ------------------------------------------------ how to read
    w("## How to read this")
    w("")
    w("- **Ratios, not absolutes.** The machine is shared and small; absolute requests/s drift from run to run and "
      "machine to machine. nginx serving the same bytes in the same run is the yardstick: compare ratios.")
    w("- **wrk takes one core** (`-t1`) of the two; the servers get what is left. At these rates the client is "
      "often the bottleneck, so a ratio near 1.0 means \"as fast as the client can ask\", not \"as fast as the server can go\".")
    w("- **Medians of 3 rounds**, with the rounds alternating nginx, Parley, Parley uncached, so that a burst of "
      "background load hurts all three about equally. The per-round requests/s show how noisy the run was. "
      "For the headline, *ratio to nginx* and *p99 / nginx's* pair each Parley run with the nginx run of the same "
      "round and take the median of those ratios (so they can differ a little from the quotient of the medians); "
      "for the other endpoints the ratio is to nginx's median for the headline file.")
    w("- **p50 / p99** are wrk's latency percentiles (its `--latency` distribution; wrk 4 does not correct for "
      "coordinated omission). **errors** are wrk's socket errors (connect, read, write, timeout) plus responses "
      "other than 2xx/3xx; for the 404 row, responses other than the expected non-2xx.")
    w("- **Cached vs uncached**: Parley keeps encoded responses keyed by the normalised request; "
      "`--response-cache-mb 0` makes every request parse, query SQLite and encode JSON.")
    w("- **Memory**: VmRSS and VmHWM from `/proc/<pid>/status`; VmHWM is the peak since start.")
    w("- **Stable figures** (valgrind) do not drift with the machine: they are the numbers to keep from growing "
      "when the code changes; rerun `bash Benchmarks/costs.sh` and compare (`--check` fails on growth).")
    w("- **Not here: the soak.** `make soak` (`Benchmarks/soak.sh`) runs 3 rounds of 20 s at 256 connections over a mix "
      "of endpoints (`Benchmarks/soak.lua`) and fails on any socket error, any status but 2xx/304, or resident memory "
      "growing by more than 10 % from round 1 to round 3; it prints its table and writes nothing.")
    w("")
    # ------------------------------------------------ cost against data size (kept)
    scale = existing_section(out_md, SCALE_BEGIN, SCALE_END)
    if scale:
        w(scale)
        w("")
    with open(out_md, "w") as f:
        f.write("\n".join(lines))


# ---------------------------------------------------------------- costs (valgrind) helpers

def parse_callgrind_annotate(path):
    """function -> (self Ir, object), from the function table of `callgrind_annotate --auto=no` output."""
    result = {}
    in_table = False
    with open(path) as f:
        for line in f:
            if line.startswith("Ir") and "file:function" in line:
                in_table = True
                continue
            if not in_table or line.startswith("---"):
                continue
            if not line.strip():
                if result:
                    break
                continue
            m = re.match(r"^\s*([\d,]+)\s+(?:\([\s\d.%]+\)\s+)?(\S.*?)\s*$", line)
            if not m:
                continue
            name = m.group(2)
            obj = ""
            om = re.search(r"\s+\[(?:.*/)?([^/\]]+)\]$", name)
            if om:
                obj = om.group(1)
                name = name[:om.start()]
            # "file:function": the file part never holds a colon here, the function may not either.
            function = name.split(":", 1)[1] if ":" in name else name
            ir, known = result.get(function, (0, ""))
            result[function] = (ir + int(m.group(1).replace(",", "")), known or obj)
    return result


def demangle(names):
    try:
        out = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(names),
                             capture_output=True, text=True, timeout=60).stdout.splitlines()
        if len(out) == len(names):
            return out
    except Exception:
        pass
    return names


def cmd_profile_diff(args):
    """profile-diff SMALL.txt LARGE.txt N TOP: self Ir per request by function, from two annotated runs."""
    small, large, n, top = parse_callgrind_annotate(args[0]), parse_callgrind_annotate(args[1]), int(args[2]), int(args[3])
    diff = {}
    for k in set(small) | set(large):
        diff[k] = ((large.get(k, (0, ""))[0] - small.get(k, (0, ""))[0]) / n, (large.get(k) or small.get(k))[1])
    total = sum(v for v, _ in diff.values())
    rows = sorted(((v, k, obj) for k, (v, obj) in diff.items() if v > 0), reverse=True)[:top]
    names = demangle([k for _, k, _ in rows])
    for (v, _, obj), name in zip(rows, names):
        if len(name) > 100:
            name = name[:97] + "…"
        name = name.replace("|", "\\|").replace("`", "'")
        where = "" if obj in ("parley", "") else f" ({obj})"
        print(f"| {v:,.0f} | {100 * v / total if total else 0:.1f} % | `{name}`{where} |")
    print(f"| {total:,.0f} | 100 % | all functions |")


def objects_per_request(small_path, large_path, n):
    small, large = parse_callgrind_annotate(small_path), parse_callgrind_annotate(large_path)
    by_object = {}
    for k in set(small) | set(large):
        obj = (large.get(k) or small.get(k))[1] or "parley"
        by_object[obj] = by_object.get(obj, 0) + (large.get(k, (0, ""))[0] - small.get(k, (0, ""))[0]) / n
    return by_object


def cmd_profile_objects_pair(args):
    """profile-objects-pair A_SMALL A_LARGE B_SMALL B_LARGE N: self Ir per request by shared object, two paths side by side."""
    n = int(args[4])
    a, b = objects_per_request(args[0], args[1], n), objects_per_request(args[2], args[3], n)
    ta, tb = sum(a.values()) or 1, sum(b.values()) or 1
    for obj in sorted(set(a) | set(b), key=lambda o: -(b.get(o, 0) + a.get(o, 0))):
        va, vb = a.get(obj, 0), b.get(obj, 0)
        if va / ta < 0.005 and vb / tb < 0.005:
            continue
        print(f"| {va:,.0f} | {100 * va / ta:.1f} % | {vb:,.0f} | {100 * vb / tb:.1f} % | {obj} |")


def cmd_thousands(args):
    print(f"{float(args[0]):,.{int(args[1]) if len(args) > 1 else 0}f}")


def cmd_replace_costs(args):
    """replace-costs MD SECTION_FILE: puts the section between the costs markers (creating the file if needed)."""
    md, section_file = args[0], args[1]
    with open(section_file) as f:
        section = f.read().strip("\n")
    if os.path.exists(md):
        with open(md) as f:
            text = f.read()
        begin, end = text.find(COSTS_BEGIN), text.find(COSTS_END)
        if begin >= 0 and end > begin:
            text = text[:begin] + section + text[end + len(COSTS_END):]
        else:
            text = text.rstrip("\n") + "\n\n## Stable figures: instructions and heap allocations per request\n\n" + section + "\n"
    else:
        text = "# Parley benchmarks\n\n## Stable figures: instructions and heap allocations per request\n\n" + section + "\n"
    with open(md, "w") as f:
        f.write(text)


def cmd_previous_costs(args):
    """previous-costs MD: prints the machine-readable figures of the last costs.sh run, if any."""
    if not os.path.exists(args[0]):
        return
    with open(args[0]) as f:
        m = re.search(r"<!-- costs-figures: (.*?) -->", f.read())
    if m:
        print(m.group(1))


COMMANDS = {
    "freeport": cmd_freeport, "fetch": cmd_fetch, "startup": cmd_startup, "idle": cmd_idle,
    "hammer": cmd_hammer, "wrk": cmd_wrk, "report": cmd_report, "profile-diff": cmd_profile_diff,
    "replace-costs": cmd_replace_costs, "thousands": cmd_thousands,
    "profile-objects-pair": cmd_profile_objects_pair, "previous-costs": cmd_previous_costs,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    COMMANDS[sys.argv[1]](sys.argv[2:])
