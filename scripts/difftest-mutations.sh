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
status=0
# Ganeti's own Haskell client (mon-collector lv: NODE_INSTANCES then INSTANCE_DISKS, strict about
# members) against ours on a config with unknown members in data_collectors, instances and disks.
MC=$OUT/mon-collector; mkdir -p "$MC/root/var/lib/ganeti"
KEYFILE=src/test/resources/conformance/synthetic-n12-i60-g3-s1/hmac.key
cp "$KEYFILE" "$MC/root/var/lib/ganeti/hmac.key"; echo 127.0.0.1 >"$MC/root/var/lib/ganeti/ssconf_master_candidates_ips"
NODE=$(python3 - "$MC/config.data" <<'PYEOF'
import collections, json, sys
c = json.load(open("src/test/resources/conformance/synthetic-n12-i60-g3-s1/config.data"))
c["cluster"]["data_collectors"]["lv"]["zz_unknown"] = 1
for i in c["instances"].values():
    i["zz_unknown"] = {"a": 1}; i["disk_template"] = "drbd"
for d in c["disks"].values():
    d["zz_unknown"] = 1
    for ch in d.get("children", []):
        ch["zz_child"] = True
json.dump(c, open(sys.argv[1], "w"))
n = collections.Counter(i["primary_node"] for i in c["instances"].values() if i["disks"]).most_common(1)[0][0]
print(c["nodes"][n]["name"])
PYEOF
)
PORT=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
HPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar "$JAR" --config-file "$MC/config.data" --hmac-key-file "$KEYFILE" -p "$PORT" -b 127.0.0.1 \
  --http-port "$HPORT" >"$MC/ours.log" 2>&1 &
OURS=$!
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$HPORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
GREF=${GREF:-/tmp/ganeti-ref}
if GANETI_ROOTDIR=$MC/root unshare -u sh -c "hostname '$NODE' && exec '$GREF/root/usr/lib/ganeti/3.0/usr/lib/ganeti/mon-collector' \
     lv -f '$GREF/root/usr/share/ganeti/testsuite/test/data/lvs_lv.txt' -a 127.0.0.1 -p $PORT" >"$MC/lv.out" 2>"$MC/lv.err" \
   && grep -q '"name":"lv"' "$MC/lv.out"; then
  echo "mon-collector lv against ours (unknown members in data_collectors, instances, disks): ok"
else
  echo "mon-collector lv against ours: FAILED: $(head -c 400 "$MC/lv.err")"; status=1
fi
kill "$OURS"; wait "$OURS" 2>/dev/null || true

python3 scripts/config_mutations.py --seed "${SEED:-1}" --count "${COUNT:-200}" --out "$OUT/mutations" \
  src/test/resources/conformance/*/config.data
python3 scripts/difftest_mutations.py --jar "$JAR" --shared "$SHARED" --mutations "$OUT/mutations" \
  --key src/test/resources/conformance/synthetic-n12-i60-g3-s1/hmac.key ${KEEP:+--keep "$OUT/reports"} || status=$?

[ -n "${KEEP:-}" ] || rm -rf "$OUT"
exit $status
