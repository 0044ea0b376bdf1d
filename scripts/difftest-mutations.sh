#!/usr/bin/env bash
# difftest-mutations.sh - differential test against Ganeti 3.0.2's real daemon on mutated configs.
#
# usage: scripts/difftest-mutations.sh [-h|--help]          (as root, from anywhere in a clone)
#
# Generates COUNT mutations of the conformance configs (src/test/resources/conformance/*/config.data)
# with scripts/config_mutations.py and seed SEED: optional members dropped or set to null, members
# Ganeti does not know added at every level, and the shapes real clusters have (diskless, NICs on
# networks, routed/openvswitch, no IP, IPv6, no LVM, offline/drained nodes, non-ASCII, long and
# prefix names). Then serves each with Ganeti's daemon (the file without the unknown members, which
# Ganeti refuses) and with ours (the file as generated), compares every request type's replies with
# ../shared/tools/difftest.py compare, and prints one line per mutation with a difference and a
# last line "difftest-mutations: N passed, M failed". Exit status 0 only when M is 0.
#
# Builds target/quarkus-app/quarkus-run.jar if it is missing (./mvnw package -DskipTests, under
# flock /tmp/mvn.lock when flock exists) and runs `ganeti-ref.sh setup` if Ganeti is not unpacked.
# Not part of CI: it needs root (the reference daemon runs in a private mount namespace).
#
# Environment:
#   SEED      generator seed (default 1)          COUNT   mutations (default 200)
#   SHARED    the shared/ folder (default ../shared beside the repo)
#   KEEP      a directory to keep the mutations and the difftest report of every failing one
#   GREF      where ganeti-ref.sh unpacks Ganeti (default /tmp/ganeti-ref)
set -euo pipefail
case "${1:-}" in -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SHARED=${SHARED:-$ROOT/../shared}
[ -d "$SHARED/tools" ] || { echo "difftest-mutations: no shared folder at $SHARED (set SHARED=...)" >&2; exit 2; }
SHARED=$(cd "$SHARED" && pwd)
[ "$(id -u)" = 0 ] || { echo "difftest-mutations: run as root (Ganeti's daemon needs a mount namespace)" >&2; exit 2; }
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ]; then
  LOCK=(); command -v flock >/dev/null && LOCK=(flock /tmp/mvn.lock)
  "${LOCK[@]}" ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true
fi
"$SHARED/tools/ganeti-ref.sh" setup >/dev/null
OUT=${KEEP:-$(mktemp -d /tmp/difftest-mutations.XXXXXX)}
mkdir -p "$OUT"
python3 scripts/config_mutations.py --seed "${SEED:-1}" --count "${COUNT:-200}" --out "$OUT/mutations" \
  src/test/resources/conformance/*/config.data
status=0
python3 scripts/difftest_mutations.py --jar "$JAR" --shared "$SHARED" --mutations "$OUT/mutations" \
  --key src/test/resources/conformance/synthetic-n12-i60-g3-s1/hmac.key ${KEEP:+--keep "$OUT/reports"} || status=$?
[ -n "${KEEP:-}" ] || rm -rf "$OUT"
exit $status
