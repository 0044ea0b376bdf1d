#!/usr/bin/env bash
# benchmarks.sh - regenerate the end-to-end comparison of issue #7: our daemon vs Ganeti 3.0.2's
# Haskell ganeti-confd vs the C yardstick `udpecho --hmac --check`, loaded by the C load generator
# confdload through ../shared/tools/perf_compare.sh (alternating runs A B C A B C ..., medians).
#
# usage: scripts/benchmarks.sh [--duration S] [--warmup S] [--reps N] [--pause S] [--skip-build]
#                              [--out FILE.md] [-h|--help]
#   --duration S   counted seconds per run [4]       --warmup S   uncounted seconds before each run [3]
#   --reps N       runs per server and scenario [3]  --pause S    pause between runs [0.5]
#   --skip-build   use the existing target/quarkus-app/quarkus-run.jar
#   --out FILE     markdown report [docs/benchmarks-e2e.md]; the raw JSON lines of every run go
#                  beside it (FILE with .jsonl instead of .md)
#
# What it does (from the repo root; the shared folder is ../shared or $SHARED):
#   1. ./mvnw -B -q package -DskipTests (our jar), unless --skip-build;
#   2. make -C ../shared/tools (confdload, udpecho; installs libssl-dev with apt-get if missing);
#   3. config dirs in a scratch dir: "small" = Ganeti's testsuite 2.16 config upgraded to 3.0
#      (ganeti-ref.sh mkcfg), "large" = mkconfig.py --nodes 200 --instances 4000 --groups 4 --seed 2
#      with the same hmac.key;
#   4. perf_compare.sh scenarios, closed loop, one confdload socket, every reply's HMAC checked:
#        small  ping   window 16    haskell, ours, udpecho
#        small  mixed  window 16    haskell, ours, udpecho
#        large  mixed  window 16    haskell, ours
#        large  mixed  window 128   haskell, ours
#      "mixed" is issue #7's mix in confdload's syntax: ping 20 %, master 10 %, node role of the
#      master 30 %, config pointer /cluster/cluster_name 30 %, MC IPs 10 %
#      (0:20,3:10,1=MASTER:30,10=/cluster/cluster_name:30,5:10); udpecho answers every request
#      with a ping reply, so it stays the per-datagram yardstick;
#   5. writes the markdown table (medians, ratios to Haskell and to udpecho) and the raw JSON lines.
#
# It is CPU heavy (the servers and confdload share the machine's cores) and takes about
# 4 + reps * 10 * (duration + warmup + pause) seconds plus start-ups: run it on an otherwise idle
# machine, never in CI. Needs root (ganeti-ref.sh serve uses a private mount namespace; apt-get).
# Environment: SHARED (shared folder), OURS_JAVA_OPTS (JVM options for our daemon), GREF.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

DURATION=4 WARMUP=3 REPS=3 PAUSE=0.5 BUILD=1 OUT=docs/benchmarks-e2e.md
while [ $# -gt 0 ]; do
  case $1 in
    --duration) DURATION=$2; shift 2;;
    --warmup) WARMUP=$2; shift 2;;
    --reps) REPS=$2; shift 2;;
    --pause) PAUSE=$2; shift 2;;
    --skip-build) BUILD=0; shift;;
    --out) OUT=$2; shift 2;;
    -h|--help) usage; exit 0;;
    *) echo "benchmarks: unknown argument: $1 (see --help)" >&2; exit 2;;
  esac
done

SHARED=${SHARED:-$ROOT/../shared}
[ -d "$SHARED/tools" ] || { echo "benchmarks: no shared folder at $SHARED (set SHARED=...)" >&2; exit 2; }
SHARED=$(cd "$SHARED" && pwd)
TOOLS=$SHARED/tools
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
RAW=${OUT%.md}.jsonl

log() { echo "# benchmarks: $*" >&2; }

# 1. our jar
if [ "$BUILD" = 1 ]; then
  log "building the jar (./mvnw -B -q package -DskipTests)"
  ./mvnw -B -q package -DskipTests
fi
[ -f "$JAR" ] || { echo "benchmarks: no jar at $JAR (build it, or drop --skip-build)" >&2; exit 2; }

# 2. the C tools
if ! dpkg -s libssl-dev >/dev/null 2>&1; then
  log "installing libssl-dev"
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q libssl-dev >/dev/null
fi
make -s -C "$TOOLS"

# 3. configs
WORK=$(mktemp -d /tmp/confd-benchmarks.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
log "configs in $WORK"
"$TOOLS/ganeti-ref.sh" mkcfg "$WORK/small" >/dev/null
mkdir -p "$WORK/large"
python3 "$TOOLS/mkconfig.py" --nodes 200 --instances 4000 --groups 4 --seed 2 -o "$WORK/large/config.data"
cp "$WORK/small/hmac.key" "$WORK/large/hmac.key"
KEY=$WORK/small/hmac.key

master_of() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); m=d["cluster"]["master_node"]; print(d["nodes"].get(m,{}).get("name",m))' "$1/config.data"
}
mixed() { echo "0:20,3:10,1=$(master_of "$1"):30,10=/cluster/cluster_name:30,5:10"; }

ours() { echo "ours=cmd:java ${OURS_JAVA_OPTS:-} -jar $JAR --config-file $1/config.data --hmac-key-file $1/hmac.key -p {PORT} -b 127.0.0.1 --http-port 0"; }
haskell() { echo "haskell=cmd:$TOOLS/ganeti-ref.sh serve $1 {PORT}"; }
udpecho() { echo "udpecho=cmd:$TOOLS/bin/udpecho --port {PORT} --hmac $1/hmac.key --check"; }

mkdir -p "$(dirname "$OUT")"
: >"$RAW.tmp"
scenario() {   # name config window mix servers...
  local name=$1 dir=$2 window=$3 mix=$4; shift 4
  log "scenario $name (window $window, mix $mix)"
  local out=$WORK/$name.jsonl
  "$TOOLS/perf_compare.sh" --key "$KEY" --window "$window" --mix "$mix" --duration "$DURATION" \
    --warmup "$WARMUP" --reps "$REPS" --pause "$PAUSE" --out "$out" "$@"
  python3 - "$out" "$name" "$(basename "$dir")" >>"$RAW.tmp" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    d.update(scenario=sys.argv[2], config=sys.argv[3])
    print(json.dumps(d, sort_keys=True))
PY
}

SMALL=$WORK/small LARGE=$WORK/large
scenario small-ping-w16 "$SMALL" 16 0 "$(haskell "$SMALL")" "$(ours "$SMALL")" "$(udpecho "$SMALL")"
scenario small-mixed-w16 "$SMALL" 16 "$(mixed "$SMALL")" "$(haskell "$SMALL")" "$(ours "$SMALL")" "$(udpecho "$SMALL")"
scenario large-mixed-w16 "$LARGE" 16 "$(mixed "$LARGE")" "$(haskell "$LARGE")" "$(ours "$LARGE")"
scenario large-mixed-w128 "$LARGE" 128 "$(mixed "$LARGE")" "$(haskell "$LARGE")" "$(ours "$LARGE")"
mv "$RAW.tmp" "$RAW"

# 5. report
python3 - "$RAW" "$OUT" "$DURATION" "$WARMUP" "$REPS" <<'PY'
import json, statistics, sys, datetime, platform, os
raw, out, duration, warmup, reps = sys.argv[1:6]
runs = [json.loads(l) for l in open(raw)]
med = statistics.median
scenarios = []
for r in runs:
    if r["scenario"] not in scenarios:
        scenarios.append(r["scenario"])
def col(rs, k):
    return [r[k] for r in rs if k in r]
def m(rs, k):
    v = col(rs, k)
    return med(v) if v else None
def f(v, digits=1):
    return "-" if v is None else ("%.0f" % v if abs(v) >= 1000 else ("%." + str(digits) + "f") % v)
lines = []
lines.append("# End-to-end comparison (generated by scripts/benchmarks.sh)")
lines.append("")
lines.append("%s, %s, %d CPUs; closed loop, one confdload socket, every reply's HMAC checked; "
             "%s s counted after %s s warm-up, %s alternating runs per server; medians (min..max for qps). "
             "Ratios are of medians measured in the same alternating run. Load average at start: %s." % (
                 datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), platform.node(), os.cpu_count(),
                 duration, warmup, reps, open("/proc/loadavg").read().split()[0]))
lines.append("")
lines.append("| scenario | server | qps | p50 µs | p99 µs | p99.9 µs | server CPU µs/query | lost | bad | err | vs Haskell | vs udpecho |")
lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
for s in scenarios:
    rs = [r for r in runs if r["scenario"] == s]
    servers = []
    for r in rs:
        if r["server"] not in servers:
            servers.append(r["server"])
    by = {n: [r for r in rs if r["server"] == n] for n in servers}
    q = {n: m(by[n], "qps") for n in servers}
    for n in servers:
        qs = col(by[n], "qps")
        vs_h = "%.2f×" % (q[n] / q["haskell"]) if q.get("haskell") else "-"
        vs_u = "%.0f %%" % (100 * q[n] / q["udpecho"]) if q.get("udpecho") else "-"
        lines.append("| %s | %s | %s (%s..%s) | %s | %s | %s | %s | %d | %d | %d | %s | %s |" % (
            s, n, f(q[n]), f(min(qs)), f(max(qs)), f(m(by[n], "p50_us")), f(m(by[n], "p99_us")),
            f(m(by[n], "p999_us")), f(m(by[n], "server_cpu_us_per_q")), sum(col(by[n], "lost")),
            sum(col(by[n], "bad")), sum(col(by[n], "status_err")), vs_h, vs_u))
lines.append("")
lines.append("Raw runs (one JSON object per run, confdload's fields plus server, rep, scenario, config): `%s`." %
             os.path.basename(raw))
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
log "report: $OUT, raw runs: $RAW"
