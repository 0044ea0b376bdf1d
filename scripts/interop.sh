#!/usr/bin/env bash
# interop.sh - check our confd daemon against Ganeti's own client tooling (Ganeti 3.0.2, Debian).
#
# usage: scripts/interop.sh [--jar PATH] [--ganeti-configs] [-h|--help]
#
#   --jar PATH         the daemon to test (default target/quarkus-app/quarkus-run.jar, relative to
#                      the repo root; the script cd's to the repo root itself)
#   --ganeti-configs   also load Ganeti's raw testsuite files cluster_config_2.*.json, one at a
#                      time and byte for byte, and check that PING and CLUSTER_MASTER answer
#   -h, --help         print this header
#
# For every directory in $SHARED/conformance/ it starts the daemon on that directory's config.data
# and hmac.key (free ports on 127.0.0.1), waits for it to answer a ping, and then checks:
#   a. difftest.py check against the directory's golden.jsonl: must print "conformance: N/N";
#   b. Ganeti's stock confd-client tool (via confd-client-port.sh): exit code 0 and the lines it
#      prints when every query is answered (including CLUSTER_MASTER with *string* field codes);
#   c. Ganeti's Python client library (ganeti.confd.client): PING, CLUSTER_MASTER,
#      NODE_ROLE_BYNAME, NODE_PIP_BY_INSTANCE_IP, NODE_PIP_LIST, MC_PIP_LIST,
#      INSTANCES_IPS_LIST, NODE_DRBD, INSTANCE_DISKS, CONFIG_QUERY and DATA_COLLECTORS each get a
#      status-0 reply (and, where the config states it directly, the right answer); an unknown
#      non-ASCII node name gets a status-1 reply that the library can decode (valid UTF-8).
# Then, for every directory, the other way round: our Java client (`java -jar JAR query`) against
# Ganeti's real Haskell daemon (ganeti-ref.sh serve; needs root): every one of the 12 request types
# must be answered with status 0 (exit code 0).
# Last line: "interop: P passed, F failed". Exit status 0 only when F is 0 (2: usage/setup error).
#
# Environment:
#   SHARED           the shared/ folder (default: ../shared beside the repo)
#   DAEMON_CMD       command that starts the server under test, in the foreground, instead of our
#                    jar. Placeholders: {JAR} {CONFIG} {KEY} {DIR} {PORT} {HPORT} {ADDR}
#                    ({DIR} holds config.data and hmac.key). Default:
#                      java -jar {JAR} --config-file {CONFIG} --hmac-key-file {KEY} \
#                           -p {PORT} -b {ADDR} --http-port {HPORT}
#                    e.g. the real Ganeti daemon:
#                      DAEMON_CMD='../shared/tools/ganeti-ref.sh serve {DIR} {PORT}' scripts/interop.sh
#   JAVA             java binary for the default command (default: java)
#   STARTUP_TIMEOUT  seconds to wait for the first ping answer (default 60)
#   GREF             where ganeti-ref.sh unpacks Ganeti (default /tmp/ganeti-ref)
#   GANETI_PY        Python that runs Ganeti's client code (default /usr/bin/python3: the system
#                    Python, where ganeti-ref.sh installs the client's dependencies)
#   KEEP_TMP=1       keep the scratch directory (daemon logs, tool outputs) and print its path
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

JAR=target/quarkus-app/quarkus-run.jar
GANETI_CONFIGS=0
while [ $# -gt 0 ]; do
  case $1 in
    --jar) [ $# -ge 2 ] || { echo "interop: --jar needs a path" >&2; exit 2; }; JAR=$2; shift 2;;
    --jar=*) JAR=${1#--jar=}; shift;;
    --ganeti-configs) GANETI_CONFIGS=1; shift;;
    -h|--help) usage; exit 0;;
    *) echo "interop: unknown argument: $1 (see --help)" >&2; exit 2;;
  esac
done

SHARED=${SHARED:-$ROOT/../shared}
[ -d "$SHARED/tools" ] || { echo "interop: no shared folder at $SHARED (set SHARED=...)" >&2; exit 2; }
SHARED=$(cd "$SHARED" && pwd)
TOOLS=$SHARED/tools
PY=${GANETI_PY:-/usr/bin/python3}
JAVA=${JAVA:-java}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-60}
ADDR=127.0.0.1
DEFAULT_CMD="$JAVA -jar {JAR} --config-file {CONFIG} --hmac-key-file {KEY} -p {PORT} -b {ADDR} --http-port {HPORT}"
CMD_TEMPLATE=${DAEMON_CMD:-$DEFAULT_CMD}

if [[ $CMD_TEMPLATE == *"{JAR}"* ]]; then
  [ -f "$JAR" ] || { echo "interop: no jar at $JAR (build it first, or pass --jar / DAEMON_CMD)" >&2; exit 2; }
  JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
fi

WORK=$(mktemp -d /tmp/interop.XXXXXX)
LIVE=     # process group id of the server currently running (only one runs at a time)
CHILD=    # pid of the long tool currently running (see run)
PASSED=0
FAILED=0

stop_daemon() {  # stop_daemon PGID: TERM the server's whole process group, KILL what is left
  # after 5 s (signalling the group, not the pid: a wrapper may have died while the server lives on)
  local pgid=$1 _
  [ -n "$pgid" ] || return 0
  kill -TERM -- "-$pgid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$pgid" 2>/dev/null || true
  wait "$pgid" 2>/dev/null || true
  [ "$LIVE" != "$pgid" ] || LIVE=
}
cleanup() {
  if [ -n "$CHILD" ]; then kill -TERM "$CHILD" 2>/dev/null || true; wait "$CHILD" 2>/dev/null || true; fi
  stop_daemon "$LIVE"
  if [ "${KEEP_TMP:-0}" = 1 ]; then echo "interop: scratch files kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pass() { PASSED=$((PASSED + 1)); echo "PASS $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }
indent() { sed 's/^/    /'; }
# run CMD...: run a long tool in the background and wait for it, so that a TERM/INT reaches the
# traps at once instead of after the tool (bash defers traps while a foreground child runs)
run() { local rc=0; "$@" & CHILD=$!; wait "$CHILD" || rc=$?; CHILD=; return "$rc"; }

# ---------------------------------------------------------------------------------------------
# Python helper (no Ganeti code; the 'pylib' part only *uses* Ganeti's client library).
cat >"$WORK/helper.py" <<'PYEOF'
import json, socket, sys, time


def load(path):
    with open(path) as f:
        return json.load(f)


def master_facts(cfg):
    """(master name, cluster master_ip, master's primary_ip) as the config states them."""
    cl = cfg["cluster"]
    nodes = cfg.get("nodes") or {}
    ref = cl.get("master_node")
    node = nodes.get(ref)
    if node is None:  # 2.7/2.8 layout keys nodes by name; be lenient either way
        node = next((n for n in nodes.values() if n.get("name") == ref), {})
    return node.get("name", ref), cl.get("master_ip"), node.get("primary_ip")


def freeport(kind):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM if kind == "udp" else socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
    s.close()


def expect_client(cfg_path):
    """Lines the stock confd-client prints when every query is answered.
    Output: 'x<TAB>line' (whole line must appear) or 's<TAB>text' (some line must contain it)."""
    name, mip, pip = master_facts(load(cfg_path))
    for line in ["- Checking confd results", "- Ping: OK", "- Master: OK (%s)" % name,
                 "- Master: OK (%s)" % [name, mip, pip], "- Node role for master: OK",
                 "- Node primary ip query: OK", "- Master candidates primary IP query: OK",
                 "- Instance primary IP query: OK", "- Instance IP to node IP query: OK",
                 "- Timing tests"]:
        print("x\t" + line)
    print("s\tms per ping request")
    print("s\tms per instance ips request")


def judge_basic(cfg_path):
    """Reads confdq.py output for [PING, CLUSTER_MASTER] on stdin; one PASS/FAIL line each."""
    cfg = load(cfg_path)
    name = master_facts(cfg)[0]
    want = {0: ("PING", cfg.get("version")), 3: ("CLUSTER_MASTER", name)}
    for line in sys.stdin:
        rec = json.loads(line)
        label, expected = want[rec["q"]["type"]]
        rep = rec["reply"]
        if rep is None:
            print("FAIL %s: no reply" % label)
        elif "client_error" in rep:
            print("FAIL %s: unreadable reply (%s)" % (label, rep["client_error"]))
        elif rep.get("status") != 0:
            print("FAIL %s: status %s, answer %.300r" % (label, rep.get("status"), rep.get("answer")))
        elif rep.get("answer") != expected:
            print("FAIL %s: answer %r, config says %r" % (label, rep.get("answer"), expected))
        else:
            print("PASS %s: status 0, answer %r, serial %s" % (label, rep["answer"], rep.get("serial")))


def pylib(key_file, host, port, cfg_path):
    """Queries through Ganeti's own client library, the way Ganeti's tools use it."""
    from ganeti import constants as C, errors, utils
    from ganeti.confd import client as cc

    cfg = load(cfg_path)
    cl = cfg["cluster"]
    nodes = cfg.get("nodes") or {}
    insts = cfg.get("instances") or {}
    disks = cfg.get("disks") or {}
    master, mip, mpip = master_facts(cfg)
    ERROR = object()  # expected answer marker: the reply must have status 1 (any answer)

    def node_name(ref):
        return (nodes.get(ref) or {}).get("name", ref)

    def drbd_nodes(d):
        out = []
        if d.get("dev_type") == "drbd" and isinstance(d.get("logical_id"), list):
            out += d["logical_id"][:2]
        for ch in d.get("children") or []:
            out += drbd_nodes(ch)
        return out

    def inst_disks(i):
        for d in i.get("disks") or []:
            yield disks.get(d, {}) if isinstance(d, str) else d

    by_name = sorted(insts.values(), key=lambda i: i.get("name", ""))
    drbd_node = next((node_name(n) for i in by_name for d in inst_disks(i)
                      for n in drbd_nodes(d)), master)
    inst = next((i["name"] for i in by_name if i.get("disks")),
                by_name[0]["name"] if by_name else "no-such-instance")
    default_link = ((cl.get("nicparams") or {}).get("default") or {}).get("link")
    ips = sorted({n["ip"] for i in by_name for n in i.get("nics") or []
                  if n.get("ip") and (n.get("nicparams") or {}).get("link", default_link) == default_link})[:3]

    checks = [
        ("PING", C.CONFD_REQ_PING, None, cfg.get("version")),
        ("CLUSTER_MASTER", C.CONFD_REQ_CLUSTER_MASTER, None, master),
        ("CLUSTER_MASTER fields [0,1,2]", C.CONFD_REQ_CLUSTER_MASTER,
         {C.CONFD_REQQ_FIELDS: [C.CONFD_REQFIELD_NAME, C.CONFD_REQFIELD_IP,
                                C.CONFD_REQFIELD_MNODE_PIP]}, [master, mip, mpip]),
        ("NODE_ROLE_BYNAME %s" % master, C.CONFD_REQ_NODE_ROLE_BYNAME, master,
         C.CONFD_NODE_ROLE_MASTER),
        ("NODE_PIP_BY_INSTANCE_IP ip-list %s" % ips, C.CONFD_REQ_NODE_PIP_BY_INSTANCE_IP,
         {C.CONFD_REQQ_IPLIST: ips}, None),
        ("NODE_PIP_LIST", C.CONFD_REQ_NODE_PIP_LIST, None, None),
        ("MC_PIP_LIST", C.CONFD_REQ_MC_PIP_LIST, None, None),
        ("INSTANCES_IPS_LIST (default link)", C.CONFD_REQ_INSTANCES_IPS_LIST, None, None),
        ("NODE_DRBD %s" % drbd_node, C.CONFD_REQ_NODE_DRBD, drbd_node, None),
        ("INSTANCE_DISKS %s" % inst, C.CONFD_REQ_INSTANCE_DISKS, inst, None),
        ("CONFIG_QUERY /cluster/cluster_name", C.CONFD_REQ_CONFIG_QUERY, "/cluster/cluster_name",
         cl.get("cluster_name")),
        ("DATA_COLLECTORS", C.CONFD_REQ_DATA_COLLECTORS, None, None),
        # an error reply that echoes a non-ASCII name must still be valid UTF-8 for the library
        ("NODE_ROLE_BYNAME n\\u00e9ud (unknown node): readable error reply",
         C.CONFD_REQ_NODE_ROLE_BYNAME, "n\u00e9ud", ERROR),
    ]

    key = utils.ReadFile(key_file)  # the key as Ganeti's tools read it: the file's text, verbatim
    store = cc.StoreResultCallback()
    counting = cc.ConfdCountingCallback(store)
    client = cc.ConfdClient(key, [host], counting, port=int(port))
    sent = []
    for label, rtype, query, expected in checks:
        req = cc.ConfdClientRequest(type=rtype, query=query)
        counting.RegisterQuery(req.rsalt)
        client.SendRequest(req, async_=False)
        sent.append((label, req, expected))
    # AllAnswered() also turns true when unanswered queries expire, so each reply is looked up
    # in the store below; an exception out of the library (e.g. a reply that is not valid UTF-8)
    # is recorded and reported for the queries left without a reply
    errors_seen = []
    deadline = time.time() + 5
    while not counting.AllAnswered() and time.time() < deadline:
        try:
            client.ReceiveReply(timeout=1)
        except Exception as err:  # pylint: disable=broad-except
            errors_seen.append("%s: %s" % (type(err).__name__, err))

    for label, req, expected in sent:
        got, up = store.GetResponse(req.rsalt)
        if not got:
            print("FAIL pylib %s: no reply%s" % (label, " (the library raised %s)"
                                                  % "; ".join(errors_seen) if errors_seen else ""))
            continue
        r = up.server_reply
        if expected is ERROR:
            if r.status == C.CONFD_REPL_STATUS_ERROR:
                print("PASS pylib %s: status 1, answer %.70r" % (label, r.answer))
            else:
                print("FAIL pylib %s: status %s (want 1), answer %.300r" % (label, r.status, r.answer))
        elif r.status != C.CONFD_REPL_STATUS_OK:
            print("FAIL pylib %s: status %s, answer %.300r" % (label, r.status, r.answer))
        elif expected is not None and r.answer != expected:
            print("FAIL pylib %s: answer %.300r, config says %.300r" % (label, r.answer, expected))
        else:
            text = json.dumps(r.answer)
            print("PASS pylib %s: status 0, serial %s, answer %s"
                  % (label, r.serial, text if len(text) <= 70 else text[:67] + "..."))

    # Not a check of the server: record that the library still refuses NODE_INSTANCES (type 8).
    try:
        cc.ConfdClientRequest(type=C.CONFD_REQ_NODE_INSTANCES, query=master)
        print("note pylib NODE_INSTANCES: the library now accepts type 8")
    except errors.ConfdClientError as err:
        print("note pylib NODE_INSTANCES: the library refuses type 8 (%s); not sent" % err)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"freeport": freeport, "expect-client": expect_client, "judge-basic": judge_basic,
     "pylib": pylib}[cmd](*args)
PYEOF
helper() { "$PY" "$WORK/helper.py" "$@"; }

# ---------------------------------------------------------------------------------------------
echo "interop: ganeti-ref.sh setup ..."
GREF_OUT=$("$TOOLS/ganeti-ref.sh" setup) || { echo "interop: ganeti-ref.sh setup failed" >&2; exit 2; }
GREF=$(printf '%s\n' "$GREF_OUT" | tail -n1)
export GREF
PYPATH=$("$TOOLS/ganeti-ref.sh" pypath)
echo "interop: Ganeti reference in $GREF"
echo "interop: server command: $CMD_TEMPLATE"

q() { printf '%q' "$1"; }

# start_daemon NAME DIR -> sets DPID, DPORT, DLOG; returns 1 if it never answered a ping
start_daemon() {
  local name=$1 dir=$2 cmd t0 reply
  DPORT=$(helper freeport udp)
  local hport; hport=$(helper freeport tcp)
  DLOG=$WORK/$name.daemon.log
  cmd=$CMD_TEMPLATE
  cmd=${cmd//\{JAR\}/$(q "$JAR")}
  cmd=${cmd//\{CONFIG\}/$(q "$dir/config.data")}
  cmd=${cmd//\{KEY\}/$(q "$dir/hmac.key")}
  cmd=${cmd//\{DIR\}/$(q "$dir")}
  cmd=${cmd//\{PORT\}/$DPORT}
  cmd=${cmd//\{HPORT\}/$hport}
  cmd=${cmd//\{ADDR\}/$ADDR}
  echo "  start: $cmd"
  # own process group (setsid keeps the pid: a background child is no group leader), so that
  # stop_daemon can end the server and whatever it spawned, and nothing else
  setsid bash -c "exec $cmd" </dev/null >"$DLOG" 2>&1 &
  DPID=$!
  LIVE=$DPID
  t0=$SECONDS
  while [ $((SECONDS - t0)) -lt "$STARTUP_TIMEOUT" ]; do
    if ! kill -0 "$DPID" 2>/dev/null; then
      echo "  the server exited during start-up; its log:"; tail -n 30 "$DLOG" | indent
      return 1
    fi
    reply=$(echo '[{"type": 0}]' | "$PY" "$TOOLS/confdq.py" --key "$dir/hmac.key" --host "$ADDR" \
              --port "$DPORT" --timeout 0.5 - 2>/dev/null || true)
    if [[ $reply == *'"reply": {'* ]]; then
      echo "  answering a ping on $ADDR:$DPORT after $((SECONDS - t0)) s (pid $DPID)"
      return 0
    fi
    sleep 0.5
  done
  echo "  no ping answer within $STARTUP_TIMEOUT s; its log:"; tail -n 30 "$DLOG" | indent
  return 1
}

check_difftest() {  # check_difftest NAME DIR
  local name=$1 dir=$2 out=$WORK/$1.difftest.out last
  run "$PY" "$TOOLS/difftest.py" check --cand "$ADDR:$DPORT" --cand-key "$dir/hmac.key" \
    "$dir/golden.jsonl" >"$out" 2>&1 || true
  last=$(tail -n1 "$out")
  if [[ $last =~ ^conformance:\ ([0-9]+)/([0-9]+)$ ]] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ]; then
    pass "$name difftest: $last"
  else
    fail "$name difftest: ${last:-no output} (want N/N)"
    sed -n '/^mismatches/,$p' "$out" | head -n 60 | indent
  fi
}

check_confd_client() {  # check_confd_client NAME DIR
  local name=$1 dir=$2 out=$WORK/$1.confd-client.out err=$WORK/$1.confd-client.err rc=0 kind text
  run "$TOOLS/confd-client-port.sh" "$DPORT" -a "$ADDR" --hmac "$(cat "$dir/hmac.key")" \
    >"$out" 2>"$err" || rc=$?
  if [ "$rc" = 0 ]; then
    pass "$name confd-client: exit code 0"
  else
    fail "$name confd-client: exit code $rc; stdout and stderr:"
    cat "$out" "$err" | indent
  fi
  while IFS=$'\t' read -r kind text; do
    if [ "$kind" = x ] && grep -qFx -- "$text" "$out"; then pass "$name confd-client prints: $text"
    elif [ "$kind" = s ] && grep -qF -- "$text" "$out"; then pass "$name confd-client prints: ...$text"
    else fail "$name confd-client does not print: $text"
    fi
  done < <(helper expect-client "$dir/config.data")
}

check_pylib() {  # check_pylib NAME DIR
  local name=$1 dir=$2 line out=$WORK/$1.pylib.out rc=0
  PYTHONPATH=$PYPATH run "$PY" "$WORK/helper.py" pylib "$dir/hmac.key" "$ADDR" "$DPORT" \
    "$dir/config.data" >"$out" 2>&1 || rc=$?
  while IFS= read -r line; do
    case $line in
      "PASS "*) pass "$name ${line#PASS }";;
      "FAIL "*) fail "$name ${line#FAIL }";;
      *) echo "     $name $line";;
    esac
  done <"$out"
  grep -q '^PASS \|^FAIL ' "$out" || [ "$rc" != 0 ] || fail "$name pylib: printed no result"
  [ "$rc" = 0 ] || fail "$name pylib: the Python snippet failed (exit $rc)"
}

# ---------------------------------------------------------------------------------------------
ndirs=0
for dir in "$SHARED"/conformance/*/; do
  dir=${dir%/}
  if [ ! -f "$dir/config.data" ] || [ ! -f "$dir/hmac.key" ] || [ ! -f "$dir/golden.jsonl" ]; then
    continue
  fi
  ndirs=$((ndirs + 1))
  name=$(basename "$dir")
  echo "== $name"
  if ! start_daemon "$name" "$dir"; then
    fail "$name: server answers a ping"
    stop_daemon "$DPID"
    continue
  fi
  pass "$name: server answers a ping"
  check_difftest "$name" "$dir"
  check_confd_client "$name" "$dir"
  check_pylib "$name" "$dir"
  if kill -0 "$DPID" 2>/dev/null; then pass "$name: server still running"; else fail "$name: server died"; fi
  stop_daemon "$DPID"
done
[ "$ndirs" -gt 0 ] || fail "no conformance directories under $SHARED/conformance"

check_java_client() {  # check_java_client NAME DIR: our query command against the running daemon
  local name=$1 dir=$2 type arg out rc
  while IFS=$'\t' read -r type arg; do
    out=$WORK/$name.java-client.$type.out
    rc=0
    # shellcheck disable=SC2086
    run "${JAVA:-java}" -jar "$JAR" query --peers "$ADDR:$DPORT" --hmac-key-file "$dir/hmac.key" --timeout 3 \
      $type $arg >"$out" 2>&1 || rc=$?
    if [ "$rc" = 0 ]; then pass "$name java client $type $arg: $(head -c 100 "$out" | head -n1)"
    else fail "$name java client $type $arg: exit $rc: $(head -c 300 "$out")"
    fi
  done < <("$PY" - "$dir/config.data" <<'PYEOF'
import json, sys
c = json.load(open(sys.argv[1]))
nodes = c["nodes"]; cl = c["cluster"]
master = nodes[cl["master_node"]]["name"] if cl["master_node"] in nodes else cl["master_node"]
inst = next(iter(sorted(c["instances"].values(), key=lambda i: i["name"])))
drbd = [d for d in c.get("disks", {}).values() if d.get("dev_type") == "drbd"]
drbd_node = nodes[drbd[0]["logical_id"][0]]["name"] if drbd else master
link = cl["nicparams"]["default"]["link"]
ips = [n["ip"] for i in c["instances"].values() for n in i["nics"] if n.get("ip") and n.get("nicparams", {}).get("link", link) == link]
for row in [("ping", ""), ("node-role", master), ("master", ""), ("master", "--fields 0,1,2"), ("node-pips", ""),
            ("mc-pips", ""), ("instance-ips", ""), ("node-drbd", drbd_node), ("node-instances", master),
            ("instance-disks", inst["name"]), ("config", "/cluster/cluster_name"), ("data-collectors", "")] + \
           ([("node-pip-by-instance-ip", ips[0])] if ips else []):
    print("%s\t%s" % row)
PYEOF
)
}

for dir in "$SHARED"/conformance/*/; do
  dir=${dir%/}
  [ -f "$dir/config.data" ] && [ -f "$dir/hmac.key" ] || continue
  name=$(basename "$dir")
  echo "== $name: our Java client against Ganeti's own daemon"
  SAVED_TEMPLATE=$CMD_TEMPLATE
  CMD_TEMPLATE="$TOOLS/ganeti-ref.sh serve {DIR} {PORT} {ADDR}"
  if start_daemon "$name-ref" "$dir"; then
    check_java_client "$name" "$dir"
  else
    fail "$name: Ganeti's daemon answers a ping"
  fi
  stop_daemon "$DPID"
  CMD_TEMPLATE=$SAVED_TEMPLATE
done

if [ "$GANETI_CONFIGS" = 1 ]; then
  data=$GREF/root/usr/share/ganeti/testsuite/test/data
  shopt -s nullglob
  files=("$data"/cluster_config_2.*.json)
  shopt -u nullglob
  [ ${#files[@]} -gt 0 ] || fail "no cluster_config_2.*.json under $data"
  # numeric version order: 2.7 ... 2.16
  mapfile -t files < <(printf '%s\n' "${files[@]}" | sort -V)
  for f in "${files[@]}"; do
    name=$(basename "$f" .json)
    echo "== $name (Ganeti testsuite file, unmodified: $f)"
    dir=$WORK/$name
    mkdir -p "$dir"
    cp "$f" "$dir/config.data"
    head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/hmac.key"
    if ! start_daemon "$name" "$dir"; then
      fail "$name: server answers a ping"
      stop_daemon "$DPID"
      continue
    fi
    while IFS= read -r line; do
      case $line in
        "PASS "*) pass "$name ${line#PASS }";;
        *) fail "$name ${line#FAIL }";;
      esac
    done < <(echo '[{"type": 0}, {"type": 3}]' | "$PY" "$TOOLS/confdq.py" --key "$dir/hmac.key" \
               --host "$ADDR" --port "$DPORT" --timeout 2 - | helper judge-basic "$dir/config.data")
    stop_daemon "$DPID"
  done
fi

echo "interop: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
