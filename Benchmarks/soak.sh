#!/usr/bin/env bash
# make soak: wrk with 256 connections against a mix of endpoints (Benchmarks/soak.lua: every date of
# 2022, /parties, /quotes?q=crystal, /people/julianne-smith, /meetings/nato-russia-council-2022-01-12,
# /topics and a conditional GET answered 304), in SOAK_ROUNDS (3) rounds of SOAK_SECONDS (20) each.
# Fails on any socket error, any status other than 2xx/304, or when Parley's resident memory after
# the last round exceeds the first round's by more than 10 %. Loopback only; every process it starts
# is stopped by PID on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

SOAK_SECONDS=${SOAK_SECONDS:-20}
SOAK_ROUNDS=${SOAK_ROUNDS:-3}
SOAK_CONNECTIONS=${SOAK_CONNECTIONS:-256}
HEADLINE=/meetings?date=2022-01-12
BIN=.build/release/parley
HELPER=Benchmarks/helper.py
PY=python3
[[ -x /usr/bin/python3 ]] && PY=/usr/bin/python3  # a pyenv-style shim costs ~0.1 s a call

die() { printf 'soak: %s\n' "$*" >&2; exit 1; }
for tool in wrk python3; do command -v "$tool" >/dev/null || die "$tool is missing (make deps-bench)"; done
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

source Benchmarks/processes.sh  # the scripts run from the repository root (cd above)
scratch_dir soak SOAK_KEEP_TMP



if [[ -z "${SOAK_SKIP_BUILD:-}" ]]; then
  echo "soak: swift build -c release --product parley"
  swift build -c release --product parley 2>&1 | tail -n 3
  [[ ${PIPESTATUS[0]} == 0 ]] || die "the release build failed"
fi

"$BIN" serve --host 127.0.0.1 --port 0 --database "$TMP/parley.sqlite" --quiet >"$TMP/parley.out" 2>"$TMP/parley.err" &
PID=$!
PIDS+=("$PID")
PORT=""
for _ in $(seq 1 400); do
  PORT=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$TMP/parley.out" | head -n 1)
  [[ -n $PORT ]] && break
  kill -0 "$PID" 2>/dev/null || { cat "$TMP/parley.err" >&2; die "parley exited before listening"; }
  sleep 0.05
done
[[ -n $PORT ]] || die "parley did not start listening within 20 s"

read -r status _ etag _ < <("$PY" "$HELPER" fetch "$PORT" "$HEADLINE") || die "GET $HEADLINE failed"
[[ $status == 200 ]] || die "GET $HEADLINE answered $status"
[[ $etag != - ]] || echo "soak: warning: no ETag on $HEADLINE; the mix has no conditional GET"

kib() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }
failures=()
rss=()
printf '%-6s %12s %10s %10s %14s %11s %11s %s\n' round requests req/s p99 socket-errors unexpected rss-MiB statuses
for round in $(seq 1 "$SOAK_ROUNDS"); do
  out="$TMP/wrk-$round.txt"
  run_tracked "$out" wrk -t1 -c"$SOAK_CONNECTIONS" -d"${SOAK_SECONDS}s" --latency -s Benchmarks/soak.lua \
    "http://127.0.0.1:$PORT" -- "$etag" || true
  kill -0 "$PID" 2>/dev/null || { cat "$TMP/parley.err" >&2; die "parley died in round $round"; }
  sleep 1
  rss+=("$(kib "$PID" VmRSS)")
  eval "$("$PY" "$HELPER" wrk "$out" | tr ' ' '\n' | sed -n 's/^\(rps\|p99\|requests\|socket_errors\|non2xx3xx\|ok\)=/w_\1=/p')"
  unexpected=$(awk '/^soak-unexpected/ { print $2 }' "$out")
  statuses=$(awk '/^soak-status/ { printf "%s%s×%s", sep, $2, $3; sep=" " }' "$out")
  rss_mib=$(awk -v k="${rss[-1]}" 'BEGIN { printf "%.1f", k / 1024 }')
  printf '%-6s %12s %10.0f %8.2fms %14s %11s %11s %s\n' "$round" "$w_requests" "$w_rps" "$w_p99" \
    "$w_socket_errors" "${unexpected:-?}" "$rss_mib" "$statuses"
  [[ $w_ok == True ]] || failures+=("round $round: wrk did not finish: $(tail -n 3 "$out" | tr '\n' ' ')")
  [[ $w_socket_errors == 0 ]] || failures+=("round $round: $w_socket_errors socket errors")
  [[ ${unexpected:-x} == 0 ]] || failures+=("round $round: ${unexpected:-no count of} responses other than 2xx/304")
  [[ $w_non2xx3xx == 0 ]] || failures+=("round $round: wrk counted $w_non2xx3xx non-2xx/3xx responses")
  (( w_requests > 0 )) || failures+=("round $round: no requests completed")
done

first=${rss[0]} last=${rss[-1]}
growth=$("$PY" -c "import sys; a, b = int(sys.argv[1]), int(sys.argv[2]); print(f'{100 * (b - a) / a:+.1f}')" "$first" "$last")
echo "soak: resident memory after round 1: $((first / 1024)) MiB, after round $SOAK_ROUNDS: $((last / 1024)) MiB ($growth %)"
if (( last * 10 > first * 11 )); then
  failures+=("resident memory grew by $growth % from round 1 to round $SOAK_ROUNDS (limit +10 %)")
fi

if (( ${#failures[@]} )); then
  printf 'soak: FAILED: %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "soak: passed ($SOAK_ROUNDS rounds × $SOAK_SECONDS s, $SOAK_CONNECTIONS connections)"
