#!/usr/bin/env bash
# reload-bench.sh - time from renaming a large config.data over a running daemon's small one to the
# first reply carrying the new serial: ours vs Ganeti 3.0.2's daemon, alternating, same machine.
#
# usage: scripts/reload-bench.sh [--reps 3] [--nodes 1000 --instances 10000] [--only ours|ganeti] [--pace S] [--after S]
# Needs ../shared/tools (mkconfig.py, difftest.py, ganeti-ref.sh: root, downloads Debian packages)
# and a built jar. Prints one line per run and a markdown table. Not part of ./mvnw verify or CI.
# The client asks for the serial in a busy loop (a CPU hog beside the server, as a worst case);
# --pace S waits S seconds between its queries instead (the reload then has a core to itself).
# --after S renames the big config S seconds after the first reply (default 8; 2 times a reload
# right after start-up, before the JIT has compiled the parser).
# Environment: OURS_JAVA_OPTS (JVM options for our daemon; default: the launcher's, bin/ganeti-confd),
# MALLOC_ARENA_MAX (default 2, as the launcher sets it),
# CONFD_JAR (the jar to run; default target/quarkus-app/quarkus-run.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=3 NODES=1000 INSTANCES=10000 SERVERS="ours ganeti" PACE=0 AFTER=8
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) REPS=$2; shift 2;;
    --nodes) NODES=$2; shift 2;;
    --instances) INSTANCES=$2; shift 2;;
    --only) SERVERS=$2; shift 2;;
    --pace) PACE=$2; shift 2;;
    --after) AFTER=$2; shift 2;;
    -h|--help) sed -n '2,12p' "$0"; exit 0;;
    *) echo "reload-bench.sh: unknown option $1" >&2; exit 2;;
  esac
done
SHARED=$(cd "${SHARED:-../shared}" && pwd)
JAR=${CONFD_JAR:-target/quarkus-app/quarkus-run.jar}
LAUNCHER_OPTS=$(sed -n 's/^read -r -a java_opts <<<"${JAVA_OPTS-\(.*\)}"$/\1/p' bin/ganeti-confd)
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
case " $SERVERS " in *" ganeti "*) "$SHARED/tools/ganeti-ref.sh" setup >/dev/null;; esac
WORK=$(mktemp -d /tmp/confd-reload.XXXXXX)
KEY=src/test/resources/conformance/testsuite-2.16/hmac.key
python3 "$SHARED/tools/mkconfig.py" --nodes "$NODES" --instances "$INSTANCES" --groups 8 --seed 3 -o "$WORK/big.data"
cp src/test/resources/conformance/testsuite-2.16/config.data "$WORK/small.data"
BIG_SERIAL=$(python3 -c "import json; print(json.load(open('$WORK/big.data'))['cluster']['serial_no'])")
SMALL_SERIAL=$(python3 -c "import json; print(json.load(open('$WORK/small.data'))['cluster']['serial_no'])")
echo "big config: $(stat -c %s "$WORK/big.data") bytes, cluster serial $BIG_SERIAL (small: $SMALL_SERIAL)"

cat > "$WORK/wait_serial.py" <<PYEOF
import socket, sys, time
sys.path.insert(0, "$SHARED/tools")
import difftest
import os
key = open(sys.argv[1], "rb").read(); port = int(sys.argv[2]); want = int(sys.argv[3]); limit = float(sys.argv[4])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.05)
start = time.monotonic()
if len(sys.argv) > 6:
    os.rename(sys.argv[5], sys.argv[6])  # the rename is the start of the measurement
pace = float(os.environ.get("PACE", "0"))
while time.monotonic() - start < limit:
    if pace:
        time.sleep(pace)
    data, rsalt = difftest.build_datagram(key, {"type": 3})
    s.sendto(data, ("127.0.0.1", port))
    try:
        while True:
            payload = s.recv(65536)
            r, _ = difftest.decode_reply(key, payload, rsalt)
            if r is not None and r.get("serial") == want:
                print("%.3f" % (time.monotonic() - start)); sys.exit(0)
            if r is not None:
                break
    except socket.timeout:
        pass
print("timeout"); sys.exit(1)
PYEOF

run_one() {  # run_one NAME: start the server on the small config, rename the big one over it, time it
  local name=$1 dir=$WORK/$1 port pid t
  rm -rf "$dir"; mkdir -p "$dir"; cp "$WORK/small.data" "$dir/config.data"; cp "$KEY" "$dir/hmac.key"
  port=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if [ "$name" = ours ]; then
    # shellcheck disable=SC2086
    MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} setsid java ${OURS_JAVA_OPTS:-$LAUNCHER_OPTS} -jar "$JAR" --config-file "$dir/config.data" --hmac-key-file "$dir/hmac.key" -p "$port" \
      -b 127.0.0.1 --http-port 0 >"$dir/log" 2>&1 &
  else
    setsid "$SHARED/tools/ganeti-ref.sh" serve "$dir" "$port" >"$dir/log" 2>&1 &
  fi
  pid=$!
  python3 "$WORK/wait_serial.py" "$KEY" "$port" "$SMALL_SERIAL" 90 >/dev/null
  sleep "$AFTER"   # a running daemon, past its start-up (by default)
  cp "$WORK/big.data" "$dir/.config.data.new"
  t=$(PACE=$PACE python3 "$WORK/wait_serial.py" "$KEY" "$port" "$BIG_SERIAL" 60 "$dir/.config.data.new" "$dir/config.data" || true)
  kill -TERM -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ "$name" = ours ] && grep -o 'Loaded .* bytes in [0-9]* ms' "$dir/log" | tail -n1 | sed 's/^/  /' >&2
  echo "$t"
}

declare -A RESULTS
for rep in $(seq "$REPS"); do
  for name in $SERVERS; do
    t=$(run_one "$name" | tail -n1)
    echo "run $rep $name: $t s from rename to the new serial"
    RESULTS[$name]="${RESULTS[$name]:-} $t"
  done
done
echo
echo "| server | rename → new serial served (s), $REPS runs | median |"
echo "|---|---|---|"
for name in $SERVERS; do
  med=$(echo "${RESULTS[$name]}" | tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "| $name |${RESULTS[$name]} | $med |"
done
