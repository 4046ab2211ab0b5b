#!/usr/bin/env bash
# make bench: Parley against nginx serving the same bytes, measured with wrk in one run, written
# into Docs/BENCHMARKS.md. Loopback only (127.0.0.1). Every process it starts is stopped by PID on exit.
#
# Durations (about 4 1/2 minutes in all once the release build is up to date; the bound is 5):
#   headline /meetings?date=2022-01-12: nginx, Parley, Parley --response-cache-mb 0 alternating,
#     3 rounds, HEADLINE_SECONDS (8) at 64 connections, HEADLINE_SECONDS_HIGH (5) at 256   72 + 45 s
#   six other scenarios (quotes, parties, a meeting, a 404, a 304, every date of 2022), Parley
#     only, 3 rounds, 64 and 256 connections, SECONDARY_SECONDS (3) each                    108 s
#   10,000 idle keep-alive connections + the headline at 64 for HEADLINE_SECONDS           ~10 s
#   start to first 200 on a new database, 5 runs                                            ~1 s
#   starting, checking, parsing wrk's output between runs                                 ~20 s
# Environment: HEADLINE_SECONDS, HEADLINE_SECONDS_HIGH, SECONDARY_SECONDS, ROUNDS, CONNECTIONS
# ("64 256"), IDLE_CONNECTIONS (10000), BENCH_OUT (Docs/BENCHMARKS.md), BENCH_SKIP_BUILD=1 (use the
# existing .build/release/parley), BENCH_KEEP_TMP=1 (keep the temporary directory with wrk's output).
# The stable figures (valgrind, 2-3 minutes) are a separate command: bash Benchmarks/costs.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

HEADLINE_SECONDS=${HEADLINE_SECONDS:-8}
HEADLINE_SECONDS_HIGH=${HEADLINE_SECONDS_HIGH:-5}
SECONDARY_SECONDS=${SECONDARY_SECONDS:-3}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-"64 256"}
IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-10000}
IDLE_MAX_CONNECTIONS=$((IDLE_CONNECTIONS + 1000))
BENCH_OUT=${BENCH_OUT:-Docs/BENCHMARKS.md}
HEADLINE=/meetings?date=2022-01-12
HOST=127.0.0.1
BIN=.build/release/parley
HELPER=Benchmarks/helper.py
PY=python3
[[ -x /usr/bin/python3 ]] && PY=/usr/bin/python3  # a pyenv-style shim costs ~0.1 s a call

started_at=$EPOCHREALTIME
loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)
# Whole seconds since $1 (an $EPOCHREALTIME), in bash alone.
elapsed() { local now=$EPOCHREALTIME start=$1; echo $(( (10#${now//[.,]/} - 10#${start//[.,]/}) / 1000000 )); }
say() { printf '[bench %5ss] %s\n' "$(elapsed "$started_at")" "$*"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

for tool in wrk nginx python3; do
  command -v "$tool" >/dev/null || die "$tool is missing (make bench installs wrk and nginx: make deps-bench)"
done

# 10,000 idle connections, wrk's and the server's own need descriptors; raise as far as allowed.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
(( $(ulimit -n) >= IDLE_CONNECTIONS + 200 )) || say "warning: open-file limit $(ulimit -n) is below what $IDLE_CONNECTIONS idle connections need"

source Benchmarks/processes.sh  # the scripts run from the repository root (cd above)
scratch_dir bench BENCH_KEEP_TMP

# Stops one process we started, by PID, and forgets it.
stop_pid() {
  local pid=$1 _
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
  forget_pid "$pid"
}


# One line from wrk's output: requests/s, p50, p99, socket errors, non-2xx/3xx.
wrk_line() {
  awk '/^Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
       /Socket errors/ { se = $4 + $6 + $8 + $10 } /Non-2xx/ { bad = $5 }
       END { printf "%s req/s  p50 %s  p99 %s  socket errors %d  non-2xx/3xx %d", rps ? rps : "?", p50, p99, se, bad }' "$1"
}

kib() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }

# ------------------------------------------------------------------ build
say "building: swift build -c release --product parley"
build_started=$EPOCHREALTIME
if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  swift build -c release --product parley 2>&1 | tail -n 3
  [[ ${PIPESTATUS[0]} == 0 ]] || die "the release build failed"
fi
build_seconds=$(elapsed "$build_started")
[[ -x $BIN ]] || die "$BIN is missing"
# A private copy: others may rebuild .build/release while this runs.
cp "$BIN" "$TMP/parley"
BIN=$TMP/parley
measure_started=$EPOCHREALTIME

# ------------------------------------------------------------------ servers
# start_parley NAME [flags…]: sets PARLEY_PID and PARLEY_PORT.
start_parley() {
  local name=$1; shift
  "$BIN" serve --host 127.0.0.1 --port 0 --database "$TMP/$name.sqlite" --quiet "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" &
  PARLEY_PID=$!
  PIDS+=("$PARLEY_PID")
  local _
  for _ in $(seq 1 400); do
    if PARLEY_PORT=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$TMP/$name.out" | head -n 1) && [[ -n $PARLEY_PORT ]]; then
      return 0
    fi
    kill -0 "$PARLEY_PID" 2>/dev/null || { cat "$TMP/$name.err" >&2; die "parley ($name) exited before listening"; }
    sleep 0.05
  done
  cat "$TMP/$name.err" >&2
  die "parley ($name) did not say 'listening on http://127.0.0.1:…' within 20 s"
}

say "starting Parley (cache on) and Parley (--response-cache-mb 0)"
start_parley cached
CACHED_PID=$PARLEY_PID CACHED_PORT=$PARLEY_PORT
sleep 0.5
rest_kib=$(kib "$CACHED_PID" VmRSS)
start_parley uncached --response-cache-mb 0
UNCACHED_PID=$PARLEY_PID UNCACHED_PORT=$PARLEY_PORT

fetch() { "$PY" "$HELPER" fetch "$@"; }

read -r status headline_bytes etag _ < <(fetch "$CACHED_PORT" "$HEADLINE" --body "$TMP/meetings.json") || die "GET $HEADLINE failed"
[[ $status == 200 ]] || die "GET $HEADLINE answered $status, not 200; is the read API there yet?"
[[ $etag != - ]] || say "warning: no ETag on $HEADLINE; the 304 scenario will not be one"
fetch "$UNCACHED_PORT" "$HEADLINE" --body "$TMP/meetings-uncached.json" >/dev/null || die "GET $HEADLINE (uncached) failed"
cmp -s "$TMP/meetings.json" "$TMP/meetings-uncached.json" || say "warning: the uncached body differs from the cached one"

# nginx with the same bytes.
mkdir -p "$TMP/nginx/www"
cp "$TMP/meetings.json" "$TMP/nginx/www/meetings.json"
NGINX_PORT=$("$PY" "$HELPER" freeport)
user_line=""
[[ $(id -u) == 0 ]] && user_line="user root;"
sed -e "s|@DIR@|$TMP/nginx|g" -e "s|@PORT@|$NGINX_PORT|g" -e "s|@USER@|$user_line|g" \
  Benchmarks/nginx.conf.template >"$TMP/nginx/nginx.conf"
nginx -p "$TMP/nginx/" -c "$TMP/nginx/nginx.conf" -e "$TMP/nginx/error.log" >"$TMP/nginx/stdout" 2>&1 &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
for _ in $(seq 1 200); do
  if read -r status _ _ nginx_ct < <(fetch "$NGINX_PORT" "$HEADLINE" --body "$TMP/nginx-body.json" 2>/dev/null) && [[ $status == 200 ]]; then break; fi
  kill -0 "$NGINX_PID" 2>/dev/null || { cat "$TMP/nginx/stdout" "$TMP/nginx/error.log" >&2 2>/dev/null; die "nginx exited"; }
  sleep 0.05
done
cmp -s "$TMP/meetings.json" "$TMP/nginx-body.json" || die "nginx does not serve Parley's bytes"
say "nginx on $NGINX_PORT serves the same $headline_bytes bytes ($nginx_ct); Parley on $CACHED_PORT, uncached on $UNCACHED_PORT"

# ------------------------------------------------------------------ checks before measuring
: >"$TMP/checks.env"
check() {  # check KEY PORT PATH EXPECTED [--header H]
  local key=$1 port=$2 path=$3 expected=$4; shift 4
  local got
  read -r got _ < <(fetch "$port" "$path" "$@" 2>/dev/null) || got=failed
  echo "$key=$got" >>"$TMP/checks.env"
  [[ $got == "$expected" ]] || say "warning: GET $path answered $got, expected $expected"
}
check headline "$CACHED_PORT" "$HEADLINE" 200
check quotes "$CACHED_PORT" "/quotes?q=crystal" 200
check parties "$CACHED_PORT" /parties 200
check meeting "$CACHED_PORT" /meetings/nato-russia-council-2022-01-12 200
check notfound "$CACHED_PORT" /meetings/no-such-meeting 404
check conditional "$CACHED_PORT" "$HEADLINE" 304 --header "If-None-Match: $etag"
check dates "$CACHED_PORT" "/meetings?date=2022-06-30" 200

# ------------------------------------------------------------------ measuring
: >"$TMP/runs.tsv"
run=0
# measure SCENARIO SERVER PORT CONNS ROUND SECONDS EXPECT PATH [wrk args…]
measure() {
  local scenario=$1 server=$2 port=$3 conns=$4 round=$5 seconds=$6 expect=$7 path=$8; shift 8
  run=$((run + 1))
  local out="$TMP/wrk-$run-$scenario-$server-$conns-$round.txt"
  run_tracked "$out" wrk -t1 -c"$conns" -d"${seconds}s" --latency "$@" "http://$HOST:$port$path" || true
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$server" "$conns" "$round" "$path" "$expect" "$out" >>"$TMP/runs.tsv"
  say "$(printf '%-11s %-15s c=%-3s r%s  ' "$scenario" "$server" "$conns" "$round")$(wrk_line "$out")"
}

for round in $(seq 1 "$ROUNDS"); do
  for c in $CONNECTIONS; do
    seconds=$HEADLINE_SECONDS
    (( c > 64 )) && seconds=$HEADLINE_SECONDS_HIGH
    measure headline nginx "$NGINX_PORT" "$c" "$round" "$seconds" 200 "$HEADLINE"
    measure headline parley "$CACHED_PORT" "$c" "$round" "$seconds" 200 "$HEADLINE"
    measure headline parley-uncached "$UNCACHED_PORT" "$c" "$round" "$seconds" 200 "$HEADLINE"
  done
  for c in $CONNECTIONS; do
    measure quotes parley "$CACHED_PORT" "$c" "$round" "$SECONDARY_SECONDS" 200 "/quotes?q=crystal"
    measure parties parley "$CACHED_PORT" "$c" "$round" "$SECONDARY_SECONDS" 200 /parties
    measure meeting parley "$CACHED_PORT" "$c" "$round" "$SECONDARY_SECONDS" 200 /meetings/nato-russia-council-2022-01-12
    measure notfound parley "$CACHED_PORT" "$c" "$round" "$SECONDARY_SECONDS" 404 /meetings/no-such-meeting
    measure conditional parley "$CACHED_PORT" "$c" "$round" "$SECONDARY_SECONDS" 304 "$HEADLINE" -H "If-None-Match: $etag"
    measure dates parley "$CACHED_PORT" "$c" "$round" "$SECONDARY_SECONDS" 200 / -s Benchmarks/dates.lua
  done
done

parley_hwm=$(kib "$CACHED_PID" VmHWM)
parley_end=$(kib "$CACHED_PID" VmRSS)
uncached_hwm=$(kib "$UNCACHED_PID" VmHWM)
say "Parley peak resident $((parley_hwm / 1024)) MiB (cache on), $((uncached_hwm / 1024)) MiB (cache off); at rest after start $((rest_kib / 1024)) MiB"
stop_pid "$NGINX_PID"
stop_pid "$UNCACHED_PID"
stop_pid "$CACHED_PID"

# ------------------------------------------------------------------ 10,000 idle connections
say "opening $IDLE_CONNECTIONS idle keep-alive connections to a fresh Parley (--max-connections $IDLE_MAX_CONNECTIONS)"
start_parley idle --max-connections "$IDLE_MAX_CONNECTIONS"
IDLE_PID=$PARLEY_PID IDLE_PORT=$PARLEY_PORT
fetch "$IDLE_PORT" "$HEADLINE" >/dev/null
before_kib=$(kib "$IDLE_PID" VmRSS)
"$PY" "$HELPER" idle "$IDLE_PORT" "$IDLE_CONNECTIONS" "$HEADLINE" "$TMP/idle.ready" >"$TMP/idle.out" 2>"$TMP/idle.err" &
HOLDER_PID=$!
PIDS+=("$HOLDER_PID")
for _ in $(seq 1 1200); do
  [[ -f $TMP/idle.ready ]] && break
  kill -0 "$HOLDER_PID" 2>/dev/null || { cat "$TMP/idle.err" >&2; die "the idle-connection helper exited"; }
  sleep 0.1
done
[[ -f $TMP/idle.ready ]] || die "the idle connections were not open within 120 s"
say "idle: $(cat "$TMP/idle.ready")"
idle_wrk="$TMP/wrk-idle.txt"
run_tracked "$idle_wrk" wrk -t1 -c64 -d"${HEADLINE_SECONDS}s" --latency "http://$HOST:$IDLE_PORT$HEADLINE" || true
idle_rss=$(kib "$IDLE_PID" VmRSS)
idle_hwm=$(kib "$IDLE_PID" VmHWM)
stop_pid "$HOLDER_PID"
say "idle: $(cat "$TMP/idle.out"); Parley resident $((idle_rss / 1024)) MiB (peak $((idle_hwm / 1024)) MiB); wrk: $(wrk_line "$idle_wrk")"
{
  echo "wrk_file=$idle_wrk"
  echo "count=$IDLE_CONNECTIONS"
  echo "max_connections=$IDLE_MAX_CONNECTIONS"
  echo "path=$HEADLINE"
  echo "vmrss_kib=$idle_rss"
  echo "vmhwm_kib=$idle_hwm"
  echo "before_kib=$before_kib"
  tr ' ' '\n' <"$TMP/idle.ready"
  tr ' ' '\n' <"$TMP/idle.out"
} >"$TMP/idle.env"
stop_pid "$IDLE_PID"

# ------------------------------------------------------------------ start to first 200
say "start to first 200 on a new database, 5 runs"
run_tracked "$TMP/startup.txt" "$PY" "$HELPER" startup "$BIN" "$TMP" 5 || { cat "$TMP/startup.txt" >&2; die "start-up measurement failed"; }
startup_ms=$(tail -n 1 "$TMP/startup.txt")
say "start to first 200: $startup_ms ms"

# ------------------------------------------------------------------ report
measure_seconds=$(elapsed "$measure_started")
total_seconds=$(elapsed "$started_at")
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu=${cpu:-unknown}"
  echo "nproc=$(nproc)"
  echo "memory=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "kernel=$(uname -sr)"
  echo "swift=$(swift --version 2>&1 | head -n 1)"
  echo "nginx=$(nginx -v 2>&1 | sed 's/^nginx version: //')"
  echo "wrk=$(wrk -v 2>&1 | head -n 1 | sed 's/ Copyright.*//')"
  echo "parley=$("$BIN" --version 2>/dev/null || echo '?')"
  echo "loadavg=$loadavg_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo "rounds=$ROUNDS"
  echo "headline_seconds=$HEADLINE_SECONDS"
  echo "headline_seconds_high=$HEADLINE_SECONDS_HIGH"
  echo "secondary_seconds=$SECONDARY_SECONDS"
  echo "headline_bytes=$headline_bytes"
  echo "parley_rest_kib=$rest_kib"
  echo "parley_vmhwm_kib=$parley_hwm"
  echo "parley_end_kib=$parley_end"
  echo "uncached_vmhwm_kib=$uncached_hwm"
  echo "startup_ms=$startup_ms"
  echo "build_seconds=$build_seconds"
  echo "measure_seconds=$measure_seconds"
  echo "total_seconds=$total_seconds"
} >"$TMP/meta.env"
mkdir -p "$(dirname "$BENCH_OUT")"
"$PY" "$HELPER" report "$TMP" "$BENCH_OUT"
say "wrote $BENCH_OUT"
echo
sed -n '/^## Targets/,/^## Every endpoint/p' "$BENCH_OUT" | sed '$d'
