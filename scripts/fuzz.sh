#!/usr/bin/env bash
# fuzz.sh - fuzz every Jazzer target for its campaign length (maxDuration in its @FuzzTest: 5 minutes),
# one after the other, keeping the generated corpus; not part of `verify` (there the targets only
# replay their committed seeds).
#
# usage: scripts/fuzz.sh [TARGET...] [-h|--help]
#   TARGET  Class#method of a fuzz test (default: all of them, listed below)
#
# For each target it prints one line: how long it fuzzed, how many inputs it ran, the size of its
# generated corpus (.cifuzz-corpus/<Class>/<method>/, kept between runs, so each campaign starts
# where the last stopped) and its findings. A finding stops that target's campaign: Jazzer writes
# the crashing input into the target's seed directory
# (src/test/resources/<package of Class>/<Class>Inputs/<method>/), where `verify` replays it from
# then on; commit it with the fix. Exit status: 0 no findings, 1 findings, 2 usage or build error.
# Full output of each campaign: target/fuzz/<Class>#<method>.log.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

ALL=(
    'RequestFuzzTest#arbitraryDatagramsAreNeverAnsweredUnlessSigned'
    'RequestFuzzTest#signedMessagesAreAnsweredOrDroppedWithoutFailing'
    'ConfigParserFuzzTest#anyFileLoadsOrIsRefusedWithOneLine'
    'DocumentParsersFuzzTest#reusedParsersDecodeAnyDatagramAsFreshOnes'
    'DocumentParsersFuzzTest#reusedParsersDecodeAnySignedMessageAsFreshOnes'
)
targets=()
for arg in "$@"; do
    case $arg in
        -h|--help) usage; exit 0;;
        *#*) targets+=("$arg");;
        *) echo "fuzz: not a Class#method target: $arg (see --help)" >&2; exit 2;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${ALL[@]}")

mkdir -p target/fuzz
./mvnw -B -q test-compile >target/fuzz/build.log 2>&1 || { echo "fuzz: build failed, see target/fuzz/build.log" >&2; exit 2; }

seeds_dir() {
    local source
    source=$(find src/test/java -name "${1%%#*}.java" | head -1)
    echo "src/test/resources/$(dirname "${source#src/test/java/}")/${1%%#*}Inputs/${1#*#}"
}
count_files() { if [ -n "$1" ] && [ -d "$1" ]; then find "$1" -type f | wc -l; else echo 0; fi; }

findings=0
for target in "${targets[@]}"; do
    log=target/fuzz/$target.log
    seeds=$(seeds_dir "$target")
    seeds_before=$(count_files "$seeds")
    start=$SECONDS
    status=0
    JAZZER_FUZZ=1 ./mvnw -B -o test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1 || status=$?
    elapsed=$((SECONDS - start))
    corpus=$(find .cifuzz-corpus -type d -path "*${target%%#*}/${target#*#}" 2>/dev/null | head -1 || true)
    runs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 | grep -oE '[0-9]+' | head -1 || true)
    [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    new_seeds=$(( $(count_files "$seeds") - seeds_before ))
    if [ "$status" -ne 0 ] || [ "$new_seeds" -gt 0 ]; then
        findings=$((findings + 1))
        result="FINDING (exit $status, $new_seeds new input(s) in $seeds)"
    else
        result="no findings"
    fi
    printf 'fuzz %s: %d s, %s inputs run, corpus %s files: %s\n' "$target" "$elapsed" "${runs:-?}" \
        "$(count_files "$corpus")" "$result"
done
[ "$findings" -eq 0 ]
