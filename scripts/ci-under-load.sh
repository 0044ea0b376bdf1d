#!/usr/bin/env bash
# ci-under-load.sh - run .ci/run from fresh clones of HEAD while two CPU-bound processes run beside it,
# as a busy CI box would (the test suite must stay green there: no test may depend on speed).
#
# usage: scripts/ci-under-load.sh [RUNS] [-h|--help]     RUNS: consecutive runs [3]
#
# Installs stress-ng from Debian if missing, starts `stress-ng --cpu 2`, clones HEAD into a scratch
# directory beside a link to ../shared for each run, runs its .ci/run, and prints one line per run
# (exit status, minutes). Exit 0 only when every run passed. Logs: /tmp/ci-under-load.<N>.log.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
case ${1:-} in -h|--help) usage; exit 0;; esac
RUNS=${1:-3}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=$(cd "$ROOT/../shared" && pwd)

command -v stress-ng >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q stress-ng; }
stress-ng --cpu 2 --quiet &
stress=$!
trap 'kill $stress 2>/dev/null || true' EXIT

failed=0
for i in $(seq 1 "$RUNS"); do
    work=$(mktemp -d /tmp/ci-under-load.XXXXXX)
    git clone -q "$ROOT" "$work/main"
    ln -s "$SHARED" "$work/shared"
    start=$SECONDS
    status=0
    (cd "$work/main" && .ci/run) >"/tmp/ci-under-load.$i.log" 2>&1 || status=$?
    printf 'ci-under-load: run %d/%d: exit %d after %.1f min (log /tmp/ci-under-load.%d.log)\n' "$i" "$RUNS" "$status" \
        "$(echo "($SECONDS - $start) / 60" | bc -l)" "$i"
    [ "$status" -eq 0 ] || failed=$((failed + 1))
    rm -rf "$work"
done
[ "$failed" -eq 0 ]
