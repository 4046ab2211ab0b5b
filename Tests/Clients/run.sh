#!/usr/bin/env bash
# Generated clients against a live Parley (issue 10 §1).
#
# Starts `parley serve` on a fresh database with a token, fetches the served /openapi.json, checks it is
# Docs/openapi.json, and then, for each generator:
#   - swift-openapi-generator (Tests/Clients/Swift, a package of its own, built with warnings as errors),
#   - openapi-python-client (pinned in Tests/Clients/requirements.txt, installed into .venv by `make venv`),
# generates a client from the served document, fails on any "warning" the generator prints, and runs the
# client's checks (decode a list typed, follow links.next, read a quote's speaker/party/meeting, create with
# a token, read a 422's errors, get a 304).
#
#   usage: Tests/Clients/run.sh [swift|python]...      (default: both)
#   env:   PARLEY_BIN (default .build/debug/parley), PYTHON (default .venv/bin/python),
#          CLIENTS_SCRATCH (default .build-clients: the Swift package's build folder, kept between runs)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PARLEY_BIN="${PARLEY_BIN:-.build/debug/parley}"
[[ "$PARLEY_BIN" == /* ]] || PARLEY_BIN="$ROOT/$PARLEY_BIN"
PYTHON="${PYTHON:-.venv/bin/python}"
[[ "$PYTHON" == /* ]] || PYTHON="$ROOT/$PYTHON"
SCRATCH="${CLIENTS_SCRATCH:-$ROOT/.build-clients}"
SWIFT_PACKAGE="$ROOT/Tests/Clients/Swift"
PYTHON_DIR="$ROOT/Tests/Clients/Python"
WHICH=("$@")
[[ ${#WHICH[@]} -eq 0 ]] && WHICH=(swift python)

[[ -x "$PARLEY_BIN" ]] || { echo "FAIL: $PARLEY_BIN is missing; run swift build --product parley" >&2; exit 1; }

TMP="$(mktemp -d "${TMPDIR:-/tmp}/parley-clients.XXXXXX")"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT

# --- a live Parley with a token -------------------------------------------------------------------------
DB="$TMP/parley.sqlite"
"$PARLEY_BIN" migrate --database "$DB" >/dev/null
TOKEN="$("$PARLEY_BIN" token create --name clients --database "$DB" 2>/dev/null)"
[[ "$TOKEN" == parley_* ]] || { echo "FAIL: parley token create printed no token" >&2; exit 1; }
"$PARLEY_BIN" serve --port 0 --database "$DB" --workers 2 >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
BASE=""
for _ in $(seq 1 100); do
    BASE="$(grep -o 'http://[0-9.]*:[0-9]*' "$TMP/server.log" | head -1 || true)"
    [[ -n "$BASE" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
done
[[ -n "$BASE" ]] || { echo "FAIL: parley serve did not start:" >&2; cat "$TMP/server.log" >&2; exit 1; }
echo "parley at $BASE"

# --- the served document is the one in Docs/ --------------------------------------------------------------
curl -sf "$BASE/openapi.json" -o "$TMP/openapi.json"
"${PYTHON}" - "$TMP/openapi.json" "$ROOT/Docs/openapi.json" <<'EOF'
import json, sys
served, documented = (json.load(open(path, encoding="utf-8")) for path in sys.argv[1:3])
served.pop("servers", None); documented.pop("servers", None)
sys.exit(0 if served == documented else "FAIL: the served /openapi.json differs from Docs/openapi.json")
EOF

failures=0

# --- swift-openapi-generator --------------------------------------------------------------------------------
if [[ " ${WHICH[*]} " == *" swift "* ]]; then
    cp "$TMP/openapi.json" "$SWIFT_PACKAGE/Sources/ParleyClientCheck/openapi.json"
    echo "building the Swift client (swift-openapi-generator; the first build takes minutes)"
    if ! swift build --package-path "$SWIFT_PACKAGE" --scratch-path "$SCRATCH" >"$TMP/swift-build.log" 2>&1; then
        cat "$TMP/swift-build.log" >&2
        echo "FAIL: the Swift client does not build (warnings are errors)" >&2
        failures=$((failures + 1))
    elif grep -i "warning:" "$TMP/swift-build.log" >&2; then
        echo "FAIL: swift-openapi-generator or the compiler warned (above)" >&2
        failures=$((failures + 1))
    else
        echo "ok:   the Swift client builds without a warning"
        "$SCRATCH/debug/ParleyClientCheck" "$BASE" "$TOKEN" || failures=$((failures + 1))
    fi
fi

# --- openapi-python-client ----------------------------------------------------------------------------------
if [[ " ${WHICH[*]} " == *" python "* ]]; then
    GENERATED="$PYTHON_DIR/generated"
    rm -rf "$GENERATED"
    mkdir -p "$GENERATED"
    # The generator formats its output with ruff, which it runs from PATH: the pinned one in the venv.
    if ! PATH="$(dirname "$PYTHON"):$PATH" "$(dirname "$PYTHON")/openapi-python-client" generate --path "$TMP/openapi.json" \
            --meta none --output-path "$GENERATED/parley_client" >"$TMP/python-generate.log" 2>&1; then
        cat "$TMP/python-generate.log" >&2
        echo "FAIL: openapi-python-client failed" >&2
        failures=$((failures + 1))
    elif grep -i "warning" "$TMP/python-generate.log" >&2; then
        cat "$TMP/python-generate.log" >&2
        echo "FAIL: openapi-python-client warned (above)" >&2
        failures=$((failures + 1))
    else
        echo "ok:   openapi-python-client generates without a warning"
        "$PYTHON" "$PYTHON_DIR/check.py" "$BASE" "$TOKEN" "$GENERATED" || failures=$((failures + 1))
    fi
fi

if (( failures > 0 )); then echo "$failures client run(s) failed" >&2; exit 1; fi
echo "all generated-client checks passed"
