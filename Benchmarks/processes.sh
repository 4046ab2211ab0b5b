# Shared by bench.sh, costs.sh and soak.sh: a scratch directory and the processes a script starts,
# tracked by PID so that every one of them is stopped however the script ends.
#
#   scratch_dir NAME KEEP_VAR   makes $TMP (parley-NAME.XXXXXX) and installs the traps; with KEEP_VAR
#                               set in the environment the directory is kept and named on exit.

PIDS=()

scratch_dir() {
  SCRATCH_NAME=$1
  SCRATCH_KEEP_VAR=$2
  TMP=$(mktemp -d "${TMPDIR:-/tmp}/parley-$SCRATCH_NAME.XXXXXX")
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

cleanup() {
  local status=$? pid
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n "${!SCRATCH_KEEP_VAR:-}" ]]; then echo "$SCRATCH_NAME: kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit "$status"
}

forget_pid() { local kept=() p; for p in "${PIDS[@]}"; do [[ "$p" == "$1" ]] || kept+=("$p"); done; PIDS=("${kept[@]}"); }

# run_tracked OUT CMD…: runs CMD in the background with its output in OUT, its PID recorded so
# that an interrupted run still stops it, and waits; returns CMD's status.
run_tracked() {
  local out=$1; shift
  "$@" >"$out" 2>&1 &
  local pid=$! status=0
  PIDS+=("$pid")
  wait "$pid" || status=$?
  forget_pid "$pid"
  return "$status"
}
