#!/usr/bin/env bash
# bash Benchmarks/costs.sh [--check]: the two stable figures of Docs/BENCHMARKS.md, which do not drift
# with the machine: instructions per request (valgrind --tool=callgrind) and heap allocations per
# request (valgrind --tool=memcheck's "total heap usage"), on the cached and the uncached
# (--response-cache-mb 0) path of GET /meetings?date=2022-01-12.
#
# Method: Parley runs under valgrind with --workers 1 on a copy of one migrated database; a client
# sends N requests on one keep-alive connection, then SIGTERM. The same is done with 2N requests;
# (figure(2N) - figure(N)) / N is the cost of one request, with start-up and shutdown cancelled
# out. Where the instructions go: callgrind_annotate of both runs, subtracted per function.
#
# Writes the section between <!-- costs:begin --> and <!-- costs:end --> of Docs/BENCHMARKS.md.
# --check writes nothing: it compares with the figures recorded there and fails when instructions
# per request grew by more than COSTS_IR_TOLERANCE % (2) or allocations per request by more than 0.5.
# Environment: COSTS_REQUESTS (N, 2000), COSTS_SKIP_BUILD=1, BENCH_OUT (Docs/BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${COSTS_REQUESTS:-2000}
IR_TOLERANCE=${COSTS_IR_TOLERANCE:-2}
BENCH_OUT=${BENCH_OUT:-Docs/BENCHMARKS.md}
HEADLINE=/meetings?date=2022-01-12
BIN=.build/release/parley
HELPER=Benchmarks/helper.py
PY=python3
[[ -x /usr/bin/python3 ]] && PY=/usr/bin/python3  # a pyenv-style shim costs ~0.1 s a call
CHECK=""
[[ ${1:-} == --check ]] && CHECK=1

die() { printf 'costs: %s\n' "$*" >&2; exit 1; }
say() { printf '[costs] %s\n' "$*"; }

if ! command -v valgrind >/dev/null; then
  say "installing valgrind"
  APT_GET=apt-get
  [[ $(id -u) != 0 ]] && command -v sudo >/dev/null && APT_GET="sudo apt-get"
  $APT_GET update -qq && DEBIAN_FRONTEND=noninteractive $APT_GET install -y -qq valgrind >/dev/null
fi
command -v python3 >/dev/null || die "python3 is missing"

source Benchmarks/processes.sh  # the scripts run from the repository root (cd above)
scratch_dir costs COSTS_KEEP_TMP

started=$SECONDS
if [[ -z "${COSTS_SKIP_BUILD:-}" ]]; then
  say "swift build -c release --product parley"
  swift build -c release --product parley 2>&1 | tail -n 3
  [[ ${PIPESTATUS[0]} == 0 ]] || die "the release build failed"
fi
[[ -x $BIN ]] || die "$BIN is missing"
# A private copy (others may rebuild .build/release meanwhile), without its debug info: valgrind 3.19 cannot
# read the toolchain's DWARF 5 ("unhandled dwarf2 abbrev form code 0x25") and gives up. The symbol table
# stays, so callgrind still names every function.
command -v strip >/dev/null || die "strip (binutils) is missing"
strip --strip-debug -o "$TMP/parley" "$BIN" || die "strip --strip-debug failed on $BIN"
BIN=$TMP/parley

# One migrated database, copied for every run, so that start-up does the same work each time.
"$BIN" migrate --database "$TMP/base.sqlite" >/dev/null
[[ ! -e $TMP/base.sqlite-wal ]] || die "the migrated database left a WAL file behind"



# run_under TOOL MODE COUNT: Parley under valgrind, COUNT requests, SIGTERM. Prints the output file.
run_under() {
  local tool=$1 mode=$2 count=$3
  local name="$tool-$mode-$count"
  local flags=()
  [[ $mode == uncached ]] && flags=(--response-cache-mb 0)
  cp "$TMP/base.sqlite" "$TMP/$name.sqlite"
  local vg=(valgrind --tool="$tool" --log-file="$TMP/$name.log")
  case $tool in
    callgrind) vg+=(--callgrind-out-file="$TMP/$name.callgrind") ;;
    memcheck) vg+=(--leak-check=no --undef-value-errors=no) ;;
  esac
  "${vg[@]}" "$BIN" serve --host 127.0.0.1 --port 0 --database "$TMP/$name.sqlite" --quiet --workers 1 "${flags[@]}" \
    >"$TMP/$name.out" 2>"$TMP/$name.err" &
  local pid=$! port=""
  PIDS+=("$pid")
  for _ in $(seq 1 1200); do
    port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$TMP/$name.out" | head -n 1)
    [[ -n $port ]] && break
    kill -0 "$pid" 2>/dev/null || { cat "$TMP/$name.err" "$TMP/$name.log" >&2; die "parley under $tool exited before listening"; }
    sleep 0.1
  done
  [[ -n $port ]] || die "parley under $tool did not listen within 120 s"
  run_tracked "$TMP/$name.client" "$PY" "$HELPER" hammer "$port" "$HEADLINE" "$count" \
    || { cat "$TMP/$name.client" >&2; die "requests under $tool failed"; }
  kill -TERM "$pid"
  wait "$pid" || die "parley under $tool exited with status $? after SIGTERM"
  forget_pid "$pid"
}

total_ir() { awk '/^(summary|totals):/ { print $2; exit }' "$1"; }
heap() {  # heap LOG: "allocs bytes" from memcheck's "total heap usage: A allocs, F frees, B bytes allocated"
  sed -n 's/.*total heap usage: \([0-9,]*\) allocs, [0-9,]* frees, \([0-9,]*\) bytes allocated.*/\1 \2/p' "$1" | tr -d , | tail -n 1
}
per_request() { "$PY" -c "import sys; print(f'{(float(sys.argv[2]) - float(sys.argv[1])) / float(sys.argv[3]):.{int(sys.argv[4])}f}')" "$1" "$2" "$N" "${3:-1}"; }

declare -A IR ALLOCS BYTES
for mode in cached uncached; do
  for count in "$N" $((2 * N)); do
    say "callgrind, $mode, $count requests"
    run_under callgrind "$mode" "$count"
    IR[$mode-$count]=$(total_ir "$TMP/callgrind-$mode-$count.callgrind")
    callgrind_annotate --auto=no --inclusive=no --threshold=100 "$TMP/callgrind-$mode-$count.callgrind" \
      >"$TMP/annotate-$mode-$count.txt" 2>/dev/null || true
    say "memcheck, $mode, $count requests"
    run_under memcheck "$mode" "$count"
    read -r ALLOCS[$mode-$count] BYTES[$mode-$count] < <(heap "$TMP/memcheck-$mode-$count.log") \
      || die "no heap summary in memcheck's log"
  done
done

# The yardstick: nginx serving the same bytes from a file (Benchmarks/nginx.conf.template, one
# process: master_process off), under callgrind the same way. Instructions only.
nginx_ir() {  # nginx_ir COUNT: sets NGINX_TOTAL, the Ir of nginx serving COUNT requests (plus one readiness probe)
  local count=$1 dir="$TMP/nginx-$1" port pid user_line=""
  mkdir -p "$dir/www"
  cp "$TMP/meetings.json" "$dir/www/meetings.json"
  port=$("$PY" "$HELPER" freeport)
  [[ $(id -u) == 0 ]] && user_line="user root;"
  sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@USER@|$user_line|g" -e "s|master_process on;|master_process off;|" -e "s|worker_processes 2;|worker_processes 1;|" -e "s| reuseport||" \
    Benchmarks/nginx.conf.template >"$dir/nginx.conf"
  valgrind --tool=callgrind --log-file="$dir/valgrind.log" --callgrind-out-file="$dir/nginx.callgrind" \
    nginx -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/stdout" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 600); do
    "$PY" "$HELPER" fetch "$port" "$HEADLINE" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$dir/stdout" "$dir/error.log" >&2; die "nginx under callgrind exited"; }
    sleep 0.1
  done
  run_tracked "$dir/client" "$PY" "$HELPER" hammer "$port" "$HEADLINE" "$count" \
    || { cat "$dir/client" >&2; die "requests to nginx under callgrind failed"; }
  kill -TERM "$pid"
  wait "$pid" || true
  forget_pid "$pid"
  NGINX_TOTAL=$(total_ir "$dir/nginx.callgrind")
}
NGINX_FIG=""
if command -v nginx >/dev/null; then
  say "nginx under callgrind, $N and $((2 * N)) requests (the yardstick)"
  "$BIN" serve --host 127.0.0.1 --port 0 --database "$TMP/fetch.sqlite" --quiet >"$TMP/fetch.out" 2>&1 &
  fetch_pid=$!
  PIDS+=("$fetch_pid")
  for _ in $(seq 1 200); do grep -q '^listening on' "$TMP/fetch.out" && break; sleep 0.05; done
  fetch_port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$TMP/fetch.out" | head -n 1)
  "$PY" "$HELPER" fetch "$fetch_port" "$HEADLINE" --body "$TMP/meetings.json" >/dev/null || die "could not fetch $HEADLINE"
  kill -TERM "$fetch_pid"; wait "$fetch_pid" || true; forget_pid "$fetch_pid"
  nginx_ir "$N"; small=$NGINX_TOTAL
  nginx_ir $((2 * N)); large=$NGINX_TOTAL
  NGINX_FIG=$(per_request "$small" "$large" 0)
  say "nginx: $NGINX_FIG instructions per request"
fi

declare -A FIG
for mode in cached uncached; do
  FIG[ir-$mode]=$(per_request "${IR[$mode-$N]}" "${IR[$mode-$((2 * N))]}" 0)
  FIG[allocs-$mode]=$(per_request "${ALLOCS[$mode-$N]}" "${ALLOCS[$mode-$((2 * N))]}" 1)
  FIG[bytes-$mode]=$(per_request "${BYTES[$mode-$N]}" "${BYTES[$mode-$((2 * N))]}" 0)
  say "$mode: ${FIG[ir-$mode]} instructions, ${FIG[allocs-$mode]} heap allocations, ${FIG[bytes-$mode]} bytes allocated per request"
done

# Compare with the figures recorded last time.
previous=$("$PY" "$HELPER" previous-costs "$BENCH_OUT")
grew=()
if [[ -n $previous ]]; then
  declare -A PREV
  for pair in $previous; do PREV[${pair%%=*}]=${pair#*=}; done
  for mode in cached uncached; do
    old_ir=${PREV[ir_$mode]:-} old_allocs=${PREV[allocs_$mode]:-}
    [[ -n $old_ir && -n $old_allocs ]] || continue
    say "$mode: instructions/request ${old_ir} → ${FIG[ir-$mode]}, allocations/request ${old_allocs} → ${FIG[allocs-$mode]}"
    "$PY" -c "import sys; sys.exit(0 if float(sys.argv[2]) <= float(sys.argv[1]) * (1 + float(sys.argv[3]) / 100) else 1)" \
      "$old_ir" "${FIG[ir-$mode]}" "$IR_TOLERANCE" || grew+=("$mode instructions/request $old_ir → ${FIG[ir-$mode]}")
    "$PY" -c "import sys; sys.exit(0 if float(sys.argv[2]) <= float(sys.argv[1]) + 0.5 else 1)" \
      "$old_allocs" "${FIG[allocs-$mode]}" || grew+=("$mode allocations/request $old_allocs → ${FIG[allocs-$mode]}")
  done
fi
if [[ -n $CHECK ]]; then
  [[ -n $previous ]] || die "--check: no recorded figures in $BENCH_OUT"
  if (( ${#grew[@]} )); then printf 'costs: grew: %s\n' "${grew[@]}" >&2; exit 1; fi
  say "no growth beyond the tolerance"
  exit 0
fi

# ------------------------------------------------------------------ the section
section="$TMP/section.md"
{
  echo "<!-- costs:begin -->"
  echo "<!-- costs-figures: ir_cached=${FIG[ir-cached]} allocs_cached=${FIG[allocs-cached]} ir_uncached=${FIG[ir-uncached]} allocs_uncached=${FIG[allocs-uncached]} ir_nginx=${NGINX_FIG:-} -->"
  echo "Written by \`bash Benchmarks/costs.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') ($(valgrind --version), $("$BIN" --version 2>/dev/null)); $((SECONDS - started)) s."
  echo "\`GET $HEADLINE\` on one keep-alive connection to \`parley serve --workers 1\` under valgrind;"
  echo "each figure is (run with $((2 * N)) requests − run with $N requests) / $N, so start-up and shutdown cancel out."
  echo "Instructions are user-space instructions executed by Parley (callgrind's Ir), the kernel's share not included."
  echo "Allocations are malloc-family calls (memcheck's \"total heap usage\"). These figures do not drift with the machine:"
  echo "keep them from growing (\`bash Benchmarks/costs.sh --check\` fails when instructions grow by more than ${IR_TOLERANCE} % or allocations by more than 0.5 per request)."
  echo
  echo "| path | instructions per request | heap allocations per request | bytes allocated per request |"
  echo "|---|---:|---:|---:|"
  [[ -n $NGINX_FIG ]] && echo "| nginx serving the same bytes from a file (the yardstick; \`sendfile\`, so the body is copied by the kernel, not counted) | $("$PY" "$HELPER" thousands "$NGINX_FIG") | | |"
  for mode in cached uncached; do
    label="response cache on (a hit)"
    [[ $mode == uncached ]] && label="cache off (\`--response-cache-mb 0\`): parse, query SQLite, encode JSON"
    printf '| %s | %s | %s | %s |\n' "$label" "$("$PY" "$HELPER" thousands "${FIG[ir-$mode]}")" \
      "${FIG[allocs-$mode]}" "$("$PY" "$HELPER" thousands "${FIG[bytes-$mode]}")"
  done
  echo
  echo "By shared object (self instructions per request):"
  echo
  echo "| cache on | share | cache off | share | object |"
  echo "|---:|---:|---:|---:|---|"
  "$PY" "$HELPER" profile-objects-pair "$TMP/annotate-cached-$N.txt" "$TMP/annotate-cached-$((2 * N)).txt" \
    "$TMP/annotate-uncached-$N.txt" "$TMP/annotate-uncached-$((2 * N)).txt" "$N"
  for mode in cached uncached; do
    echo
    what="cache on (a hit)"
    [[ $mode == uncached ]] && what="cache off"
    echo "Where the instructions of one request go, $what: self instructions per request by function (callgrind), top 15:"
    echo
    echo "| instructions | share | function |"
    echo "|---:|---:|---|"
    "$PY" "$HELPER" profile-diff "$TMP/annotate-$mode-$N.txt" "$TMP/annotate-$mode-$((2 * N)).txt" "$N" 15
  done
  echo "<!-- costs:end -->"
} >"$section"
"$PY" "$HELPER" replace-costs "$BENCH_OUT" "$section"
say "wrote the stable figures into $BENCH_OUT ($((SECONDS - started)) s)"
if (( ${#grew[@]} )); then printf 'costs: note: grew since the last record: %s\n' "${grew[@]}"; fi
