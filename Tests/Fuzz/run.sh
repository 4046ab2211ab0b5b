#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (make fuzz / make fuzz-short).
#
# For each harness in Tests/Fuzz/Harnesses/: build it with `swiftc -sanitize=fuzzer,address`
# straight over the source files it needs (no SwiftPM) into .build-fuzz/, rebuilding only when a
# source, the flags or the compiler changed; replay every reproducer in
# Tests/Fuzz/Regressions/<harness>/; then fuzz for FUZZ_SECONDS (default 60) starting from a
# temporary copy of Tests/Fuzz/Corpus/<harness>/. Nothing is written into the repository but
# .build-fuzz/ (ignored by git). On a crash: exit 1, naming the reproducer and dumping its bytes.
#
#   FUZZ_SECONDS=20 bash Tests/Fuzz/run.sh                 # every harness, 20 s each
#   bash Tests/Fuzz/run.sh fuzz-query fuzz-date            # only these
#   FUZZ_BUILD_ONLY=1 bash Tests/Fuzz/run.sh               # build (and replay regressions) only
#   FUZZ_KEEP=1 ...                                        # keep the temp dir (grown corpus, logs)
#
# To turn a crash into a regression test: copy the reproducer it names into
# Tests/Fuzz/Regressions/<harness>/ under a descriptive name. To run one input by hand:
#   .build-fuzz/<harness> path/to/input
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
FUZZ=Tests/Fuzz
OUT=.build-fuzz
SECONDS_EACH=${FUZZ_SECONDS:-60}
SWIFTC=${SWIFTC:-swiftc}
# Swift's own crash backtracer fights ASan over the stack; let libFuzzer/ASan report crashes.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}

# --- The harnesses -----------------------------------------------------------------------------
# A harness is its source in Harnesses/, a module in its own right that reaches the code under test
# with `@testable import`, built over a chain of modules: "Name:path,path,..." separated by spaces,
# each compiled from just those files (a directory stands for every .swift file under it) into a
# static library with -enable-testing. Modules are cached in .build-fuzz/modules/ by a digest of
# their sources, flags and compiler, and shared between harnesses; put shared ones first in a chain.

HTTP=Sources/HTTPServer STORE=Sources/ParleyStore API=Sources/ParleyAPI
# The engine minus the files that reach the CShim C module (the loops, listeners and server):
# the parser and every plain type around it. Listed from the tree, so a new file joins by itself.
HTTP_CORE="HTTPServer:$(grep -L '^import CShim' $HTTP/*.swift | paste -sd, -)"
# The store's pure value types (no SQLite).
STORE_VALUES="ParleyStore:$STORE/Day.swift,$STORE/StoreError.swift,$STORE/Writes/RecordCollection.swift,$STORE/SearchQuery.swift,$STORE/Models/Page.swift"
# The API's parsers of untrusted text: query strings, percent-encoding, cursors, If-None-Match.
API_PARSERS="ParleyAPI:$API/QueryParameters.swift,$API/PercentEncoding.swift,$API/APIError.swift,$API/CursorToken.swift,$API/Base64URL.swift,$API/ETag.swift,$API/Representation.swift"

# The router needs the whole API module (Router.swift reaches every resource type through
# ResourceKind.type), so it is built over the whole store too, linked with SQLite but never opening it.
API_ALL="ParleyStore:$STORE ParleyAPI:$API"

HARNESSES=(fuzz-request-parser fuzz-query fuzz-date fuzz-router fuzz-body)
declare -A MODULES=(
    [fuzz-request-parser]="$HTTP_CORE"
    [fuzz-query]="$HTTP_CORE $STORE_VALUES $API_PARSERS"
    [fuzz-date]="$HTTP_CORE $STORE_VALUES $API_PARSERS"
    [fuzz-router]="$HTTP_CORE $API_ALL"
    [fuzz-body]="$HTTP_CORE $API_ALL"
)
declare -A SOURCE=(
    [fuzz-request-parser]=$FUZZ/Harnesses/RequestParserFuzz.swift
    [fuzz-query]=$FUZZ/Harnesses/QueryFuzz.swift
    [fuzz-date]=$FUZZ/Harnesses/DateFuzz.swift
    [fuzz-router]=$FUZZ/Harnesses/RouterFuzz.swift
    [fuzz-body]=$FUZZ/Harnesses/BodyFuzz.swift
)
declare -A MAX_LEN=(
    [fuzz-request-parser]=4096
    [fuzz-query]=1024
    [fuzz-date]=64
    [fuzz-router]=512
    [fuzz-body]=4096
)
# Extra compiler flags per module name, and extra link flags per harness.
declare -A MODULE_FLAGS=()
declare -A LINK_FLAGS=(
    [fuzz-router]="-lsqlite3 $OUT/ParleyResources.o"
    [fuzz-body]="-lsqlite3 $OUT/ParleyResources.o"
)

# --- Toolchain ---------------------------------------------------------------------------------

command -v "$SWIFTC" >/dev/null || { echo "fuzz: $SWIFTC not found; install the Swift toolchain" >&2; exit 2; }
SWIFT_BIN=$(dirname "$(readlink -f "$(command -v "$SWIFTC")")")
# libFuzzer ships with the Swift toolchain as clang's runtime library.
if ! compgen -G "$SWIFT_BIN/../lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a" >/dev/null \
   && ! compgen -G "$SWIFT_BIN/../lib/swift/clang/lib/linux/libclang_rt.fuzzer-*.a" >/dev/null; then
    echo "fuzz: warning: no libclang_rt.fuzzer in the toolchain next to $SWIFT_BIN; the link may fail" >&2
fi
# -I Sources/CSQLite: the system module map for SQLite, for the harnesses built over the whole store;
# -I Sources/ParleyResources/include: the embedded migrations and document the store reads (its C file
# is compiled below and linked into the harnesses that need it).
FLAGS=(-O -parse-as-library -sanitize=fuzzer,address -g -suppress-warnings -I Sources/CSQLite -I Sources/ParleyResources/include)
# The toolchain's lld links cleanly; the system gold linker warns on every ASan symbol.
if [ -x "$SWIFT_BIN/ld.lld" ] || command -v ld.lld >/dev/null; then FLAGS+=(-use-ld=lld); fi
COMPILER_ID=$("$SWIFTC" --version 2>&1 | sha256sum | cut -c1-16)

mkdir -p "$OUT/modules"
# The C target with the embedded files (C23 #embed); the compiler in the Swift toolchain builds it.
"$SWIFT_BIN/clang" -std=c23 -O1 -c Sources/ParleyResources/resources.c -I Sources/ParleyResources/include \
    -o "$OUT/ParleyResources.o"

module_files() {  # "Name:path,path" -> the .swift files, one per line, sorted
    local spec=$1 paths path
    IFS=, read -ra paths <<<"${spec#*:}"
    for path in "${paths[@]}"; do
        if [ -d "$path" ]; then find "$path" -name '*.swift' -type f; else echo "$path"; fi
    done | sort
}

# Builds a harness's modules (when not cached) and the harness itself (when stale).
# Returns non-zero when a compile fails; every step checks its own status, since `set -e` does
# not apply inside a function called as a condition.
USED_MODULES=()
build() {
    local name=$1 spec module digest=$COMPILER_ID dir files file started=$SECONDS include=() linked=()
    for spec in ${MODULES[$name]}; do
        module=${spec%%:*}
        mapfile -t files < <(module_files "$spec")
        for file in "${files[@]}"; do
            [ -f "$file" ] || { echo "fuzz: $name needs $file, which does not exist" >&2; return 1; }
        done
        digest=$({ echo "$digest ${FLAGS[*]} ${MODULE_FLAGS[$module]:-} $module"
                   for file in "${files[@]}"; do echo "== $file"; cat "$file"; done; } | sha256sum | cut -c1-16)
        dir=$OUT/modules/$module-$digest
        if [ ! -f "$dir/lib$module.a" ]; then
            echo "fuzz: compiling module $module (${#files[@]} files) for $name"
            rm -rf "$dir.tmp$$" && mkdir -p "$dir.tmp$$" || return 1
            # shellcheck disable=SC2086  # MODULE_FLAGS holds several words
            "$SWIFTC" "${FLAGS[@]}" ${MODULE_FLAGS[$module]:-} "${include[@]}" -enable-testing \
                -module-name "$module" -emit-module -emit-module-path "$dir.tmp$$/$module.swiftmodule" \
                -emit-library -static -o "$dir.tmp$$/lib$module.a" "${files[@]}" || { rm -rf "$dir.tmp$$"; return 1; }
            rm -rf "$dir" && mv "$dir.tmp$$" "$dir" || return 1
        fi
        USED_MODULES+=("$dir")
        include+=(-I "$dir")
        linked=("$dir/lib$module.a" "${linked[@]}")  # dependents before their dependencies
    done
    digest=$({ echo "$digest ${LINK_FLAGS[$name]:-}"; cat "${SOURCE[$name]}"; } | sha256sum | cut -c1-16)
    if [ -x "$OUT/$name" ] && [ "$(cat "$OUT/$name.stamp" 2>/dev/null)" = "$digest" ]; then
        echo "fuzz: $name is up to date"
        return 0
    fi
    local harness_module
    harness_module=Fuzz$(tr -cd 'A-Za-z0-9' <<<"${name#fuzz-}")
    rm -f "$OUT/$name.stamp"
    # shellcheck disable=SC2086
    "$SWIFTC" "${FLAGS[@]}" "${include[@]}" -module-name "$harness_module" -o "$OUT/$name.tmp$$" \
        "${SOURCE[$name]}" "${linked[@]}" ${LINK_FLAGS[$name]:-} || { rm -f "$OUT/$name.tmp$$"; return 1; }
    mv "$OUT/$name.tmp$$" "$OUT/$name" && echo "$digest" >"$OUT/$name.stamp" || return 1
    echo "fuzz: built $name in $(( SECONDS - started )) s"
}

hexdump_file() {
    od -A x -t x1z -v "$1" | head -n 64
    [ "$(wc -c <"$1")" -le 1024 ] || echo "... ($(wc -c <"$1") bytes in all)"
}

# --- Run ---------------------------------------------------------------------------------------

selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${HARNESSES[@]}")
for name in "${selected[@]}"; do
    [ -n "${MODULES[$name]:-}" ] || { echo "fuzz: unknown harness $name (known: ${HARNESSES[*]})" >&2; exit 2; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/parley-fuzz.XXXXXX")
failed=0
cleanup() { if [ "$failed" = 0 ] && [ -z "${FUZZ_KEEP:-}" ]; then rm -rf "$TMP"; else echo "fuzz: kept $TMP"; fi; }
trap cleanup EXIT

build_started=$SECONDS
summary=()
built=()
for name in "${selected[@]}"; do
    if build "$name"; then
        built+=("$name")
    else
        failed=1
        echo "fuzz: $name DOES NOT BUILD" >&2
        summary+=("$name: ** DOES NOT BUILD **")
    fi
done
echo "fuzz: build step took $(( SECONDS - build_started )) s"
# After a build of every harness, drop cached modules no harness uses any more.
if [ "$failed" = 0 ] && [ ${#selected[@]} = ${#HARNESSES[@]} ]; then
    for dir in "$OUT"/modules/*; do
        [[ " ${USED_MODULES[*]} " == *" $dir "* ]] || rm -rf "$dir"
    done
fi

COMMON=(-timeout=10 -rss_limit_mb=2048)
for name in "${built[@]}"; do
    bin=$ROOT/$OUT/$name
    broken=0

    # 1. Every reproducer found so far must pass.
    regressions=()
    if [ -d "$FUZZ/Regressions/$name" ]; then
        while IFS= read -r -d '' file; do regressions+=("$file"); done \
            < <(find "$FUZZ/Regressions/$name" -type f ! -name '*.md' -print0 | sort -z)
    fi
    if [ ${#regressions[@]} -gt 0 ]; then
        for file in "${regressions[@]}"; do
            if ! "$bin" "${COMMON[@]}" "$file" >"$TMP/$name.regression.log" 2>&1; then
                failed=1 broken=1
                echo "fuzz: $name FAILS on regression input $file" >&2
                grep -v '^INFO:\|^Running:\|^Executed' "$TMP/$name.regression.log" | tail -n 60 >&2
                hexdump_file "$file" >&2
            fi
        done
        if [ "$broken" = 0 ]; then
            echo "fuzz: $name: ${#regressions[@]} regression input(s) pass"
        else
            summary+=("$name: ** FAILS a regression input; not fuzzed **")
            continue
        fi
    fi
    [ -z "${FUZZ_BUILD_ONLY:-}" ] || continue

    # 2. Fuzz for a bounded time from a throwaway copy of the seed corpus.
    corpus=$TMP/corpus/$name
    artifacts=$TMP/artifacts/$name
    mkdir -p "$corpus" "$artifacts"
    [ -d "$FUZZ/Corpus/$name" ] && cp -R "$FUZZ/Corpus/$name/." "$corpus/"
    dict=()
    [ -f "$FUZZ/Dictionaries/$name.dict" ] && dict=(-dict="$FUZZ/Dictionaries/$name.dict")
    echo "fuzz: $name for $SECONDS_EACH s"
    log=$TMP/$name.log
    set +e
    "$bin" "${COMMON[@]}" -max_total_time="$SECONDS_EACH" -max_len="${MAX_LEN[$name]}" \
        -use_value_profile=1 -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" \
        "$corpus" >"$log" 2>&1
    status=$?
    set -e
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || true)
    [ -n "$done_line" ] || done_line=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")
    corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$done_line")
    line="$name: ${execs:-?} execs, ${rate:-?} exec/s, cov ${cov:-?} edges, ft ${ft:-?}, corpus ${corp:-?}, rss ${rss:-?} MB"
    crashes=$(find "$artifacts" -type f | sort)
    if [ "$status" != 0 ] || [ -n "$crashes" ]; then
        failed=1
        echo "fuzz: $name FOUND A FAILURE (libFuzzer exit $status)" >&2
        grep -v '^#[0-9]\|^INFO:\|^stat::' "$log" | tail -n 80 >&2
        for file in $crashes; do
            echo "fuzz: reproducer $file ($(wc -c <"$file") bytes); replay with: $OUT/$name $file" >&2
            hexdump_file "$file" >&2
        done
        echo "fuzz: to keep it as a regression test: cp <reproducer> $FUZZ/Regressions/$name/<what-it-is>" >&2
        summary+=("$line  ** FAILED **")
    else
        summary+=("$line")
    fi
done

echo "fuzz: summary"
for line in "${summary[@]}"; do echo "  $line"; done
exit "$failed"
