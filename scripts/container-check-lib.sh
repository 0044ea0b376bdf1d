# container-check-lib.sh - the pod checks of scripts/container-check.sh (sourced by it; uses its
# ok/fail/check, $PY, $SHARED, $WORK, $IMAGE, $KUSTOMIZE).

# A free UDP port and a free TCP port on 127.0.0.1.
free_ports() {
    "$PY" - <<'EOF'
import socket
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0))
t = socket.socket(); t.bind(("127.0.0.1", 0))
print(u.getsockname()[1], t.getsockname()[1])
EOF
}

# confd_wait PORT KEYFILE T0 TIMEOUT [SERIAL]: asks CLUSTER_MASTER (every 10 ms) until a reply
# signed with KEYFILE comes (and, given SERIAL, carries that cluster serial); prints the seconds
# since T0 (epoch seconds) and the serial. Exit 1 on timeout.
confd_wait() {
    "$PY" - "$SHARED/tools" "$@" <<'EOF'
import json, socket, sys, time
sys.path.insert(0, sys.argv[1])
import confdq
port, key, t0, timeout = int(sys.argv[2]), open(sys.argv[3], "rb").read(), float(sys.argv[4]), float(sys.argv[5])
want = int(sys.argv[6]) if len(sys.argv) > 6 else None
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
deadline = time.time() + timeout
last = None
while time.time() < deadline:
    _, reply = confdq.ask(s, ("127.0.0.1", port), key, {"type": 3}, 0.05)
    if reply and reply.get("status") == 0:
        last = reply["serial"]
        if want is None or last == want:
            print("%.3f %d" % (time.time() - t0, last))
            sys.exit(0)
    time.sleep(0.01)
print("%.3f %s" % (time.time() - t0, last))
sys.exit(1)
EOF
}

# http_wait PORT PATH T0 TIMEOUT: seconds since T0 at which GET PATH answered 200 (exit 1: never).
http_wait() {
    local port=$1 path=$2 t0=$3 timeout=$4 deadline
    deadline=$(echo "$(date +%s.%N) + $timeout" | bc)
    while [ "$(echo "$(date +%s.%N) < $deadline" | bc)" = 1 ]; do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port$path")" = 200 ]; then
            echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.3f\n'
            return 0
        fi
        sleep 0.05
    done
    echo "never"
    return 1
}

# with_serial SRC DEST SERIAL: SRC (a config.data) with its cluster serial set to SERIAL, written
# to DEST (replies carry /cluster/serial_no, PROTOCOL.md section 3).
with_serial() {
    "$PY" -c 'import json, sys
c = json.load(open(sys.argv[1])); c["cluster"]["serial_no"] = int(sys.argv[3])
json.dump(c, open(sys.argv[2], "w"))' "$1" "$2" "$3"
}

# The kubelet's atomic writer: DIR/..TIMESTAMP/FILE, DIR/..data -> ..TIMESTAMP (replaced by a
# rename), DIR/FILE -> ..data/FILE. kubelet_write DIR FILE SOURCE MODE: a new version of FILE.
kubelet_write() {
    local dir=$1 file=$2 source=$3 mode=$4 stamp old=""
    stamp=..$(date -u +%Y_%m_%d_%H_%M_%S.%N)
    mkdir -p "$dir/$stamp"
    cp "$source" "$dir/$stamp/$file"
    chown 0:185 "$dir/$stamp" "$dir/$stamp/$file"
    chmod 0755 "$dir/$stamp"
    chmod "$mode" "$dir/$stamp/$file"
    [ -L "$dir/..data" ] && old=$(readlink "$dir/..data")
    ln -sfn "$stamp" "$dir/..data_tmp"
    mv -T "$dir/..data_tmp" "$dir/..data"
    [ -L "$dir/$file" ] || ln -s "..data/$file" "$dir/$file"
    [ -z "$old" ] || rm -rf "${dir:?}/$old"
}

# Ganeti's own write: a complete new file renamed over the old one, in the host path.
ganeti_write() {
    local dest=$1 source=$2 owner=$3 mode=$4
    cp "$source" "$dest.new"
    chown "$owner" "$dest.new"
    chmod "$mode" "$dest.new"
    mv -f "$dest.new" "$dest"
}

# timed_update WHAT WANT PORT KEYFILE SERIAL WRITE...: runs WRITE, then checks that a reply signed
# with KEYFILE (carrying SERIAL, unless empty) comes within 1.5 s.
timed_update() {
    local what=$1 want=$2 port=$3 key=$4 serial=$5 started out figure
    shift 5
    started=$(date +%s.%N)
    "$@"
    if out=$(confd_wait "$port" "$key" "$started" 5 ${serial:+"$serial"}); then
        figure=${out% *}
        check "$what" "$want served after $figure s (limit 1.5 s)" test "$(echo "$figure <= 1.5" | bc)" = 1
    else
        fail "$what: $want not served within 5 s"
    fi
}

# run_variant KUSTOMIZE_DIR VECTORS: renders deploy/kubernetes/KUSTOMIZE_DIR as a pod serving
# ../shared/conformance/VECTORS, runs it and checks it.
run_variant() {
    local variant=$1 vectors=$2
    local name=confd-check-${variant##*/} vec=$SHARED/conformance/$2
    local dir=$WORK/$name udp http t0 out serial pid ctr figure
    local -a host_paths
    mkdir -p "$dir"
    read -r udp http < <(free_ports)
    echo "--- deploy/kubernetes/$variant: pod $name, UDP 127.0.0.1:$udp, HTTP 127.0.0.1:$http, vectors $vectors"
    serial=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["cluster"]["serial_no"])' "$vec/config.data")
    if [ "$variant" = base ]; then
        # Ganeti's layout: config.data 0640 gnt-masterd:gnt-confd, hmac.key 0440 gnt-confd:gnt-masterd.
        mkdir -p "$dir/lib"
        ganeti_write "$dir/lib/config.data" "$vec/config.data" 0:185 0640
        ganeti_write "$dir/lib/hmac.key" "$vec/hmac.key" 185:0 0440
        host_paths=(--host-path "ganeti-lib=$dir/lib")
    else
        mkdir -p "$dir/config" "$dir/hmac-key"
        kubelet_write "$dir/config" config.data "$vec/config.data" 0644
        kubelet_write "$dir/hmac-key" hmac.key "$vec/hmac.key" 0440
        host_paths=(--host-path "config=$dir/config" --host-path "hmac-key=$dir/hmac-key")
    fi
    if ! "${KUSTOMIZE[@]}" "deploy/kubernetes/$variant" >"$dir/rendered.yaml" 2>"$dir/kustomize.err" ||
        ! "$PY" scripts/render-pod.py --name "$name" --image "$IMAGE" --udp-port "$udp" --http-port "$http" \
            "${host_paths[@]}" <"$dir/rendered.yaml" >"$dir/pod.yaml" 2>"$dir/adaptations"; then
        cat "$dir/kustomize.err" "$dir/adaptations" >&2
        fail "render deploy/kubernetes/$variant: see above"
        return
    fi
    sed 's/^/  /' "$dir/adaptations"
    ok "render deploy/kubernetes/$variant: $(grep -c '^adapted:' "$dir/adaptations") adaptations for podman, listed above"

    # The probes' URLs, checked from the host (podman runs none of them without systemd), each
    # within its budget from the manifest: the startup probe's period x failureThreshold. They
    # are polled from the moment of kube play, beside the first UDP query.
    local budget probe path
    budget=$("$PY" -c 'import sys, yaml
p = yaml.safe_load(open(sys.argv[1]))["spec"]["containers"][0]["startupProbe"]
print(p["periodSeconds"] * p["failureThreshold"])' "$dir/pod.yaml")
    t0=$(date +%s.%N)
    if ! podman kube play "$dir/pod.yaml" >"$dir/play.log" 2>&1; then
        cat "$dir/play.log" >&2
        fail "podman kube play: see above"
        return
    fi
    for probe in startupProbe readinessProbe livenessProbe; do
        path=$("$PY" -c 'import sys, yaml
print(yaml.safe_load(open(sys.argv[1]))["spec"]["containers"][0][sys.argv[2]]["httpGet"]["path"])' "$dir/pod.yaml" "$probe")
        echo "$path" >"$dir/$probe.path"
        http_wait "$http" "$path" "$t0" "$budget" >"$dir/$probe.time" &
    done
    ctr=$name-confd
    if out=$(confd_wait "$udp" "$vec/hmac.key" "$t0" 60); then
        ok "first signed answer: ${out% *} s after kube play (serial ${out#* })"
    else
        fail "first signed answer: none within 60 s"
        podman logs "$ctr" 2>&1 | tail -20
        wait
        podman pod rm -f "$name" >/dev/null 2>&1
        return
    fi
    wait
    for probe in startupProbe readinessProbe livenessProbe; do
        path=$(cat "$dir/$probe.path")
        figure=$(cat "$dir/$probe.time")
        if [ "$figure" != never ]; then
            ok "$probe GET $path: 200 after $figure s (budget $budget s)"
        else
            fail "$probe GET $path: not 200 within $budget s"
        fi
    done
    pid=$(podman inspect --format '{{.State.Pid}}' "$ctr")

    # The confinement the manifest asks for, as the kernel sees the daemon's process.
    local status uid capeff seccomp nnp rss
    status=$(cat "/proc/$pid/status")
    uid=$(awk '/^Uid:/ { print $2 }' <<<"$status")
    capeff=$(awk '/^CapEff:/ { print $2 }' <<<"$status")
    seccomp=$(awk '/^Seccomp:/ { print $2 }' <<<"$status")
    nnp=$(awk '/^NoNewPrivs:/ { print $2 }' <<<"$status")
    check "non-root user" "uid $uid" test "$uid" = 185
    check "all capabilities dropped" "CapEff $capeff" test "$capeff" = 0000000000000000
    check "seccomp filter" "Seccomp $seccomp, NoNewPrivs $nnp" test "$seccomp" = 2 -a "$nnp" = 1
    check "read-only root file system" "$(podman inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$ctr")" \
        test "$(podman inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$ctr")" = true
    check "host network" "$(podman inspect --format '{{.HostConfig.NetworkMode}}' "$ctr")" \
        test "$(podman inspect --format '{{.HostConfig.NetworkMode}}' "$ctr")" = host
    local limit
    limit=$(podman inspect --format '{{.HostConfig.Memory}}' "$ctr")
    check "memory limit of the manifest" "$((limit / 1048576)) MiB" test "$limit" = $((512 * 1048576))
    local listeners
    listeners=$(podman logs "$ctr" 2>&1 | grep -o 'with [0-9]* socket(s) ([a-z]*)' | head -1)
    check "native transport in the container" "${listeners:-no start-up line}" grep -q '(epoll)' <<<"$listeners"

    # The public vectors, over UDP from the host.
    out=$("$PY" "$SHARED/tools/difftest.py" check --cand "127.0.0.1:$udp" --cand-key "$vec/hmac.key" "$vec/golden.jsonl" 2>&1 | tail -1)
    check "conformance vectors $vectors" "$out" grep -qE '^conformance: ([0-9]+)/\1$' <<<"$out"
    out=$(curl -s --max-time 2 "http://127.0.0.1:$http/status" | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["serial"])' 2>/dev/null || echo none)
    check "/status serial" "$out (the cluster serial of config.data: $serial)" test "$out" = "$serial"

    # A live update, as it arrives in this layout.
    local next=$((serial + 1))
    with_serial "$vec/config.data" "$dir/next.data" "$next"
    if [ "$variant" = base ]; then
        timed_update "Ganeti-style rename over config.data (host path)" "serial $next" "$udp" "$vec/hmac.key" "$next" \
            ganeti_write "$dir/lib/config.data" "$dir/next.data" 0:185 0640
    else
        timed_update "ConfigMap ..data swap of config.data" "serial $next" "$udp" "$vec/hmac.key" "$next" \
            kubelet_write "$dir/config" config.data "$dir/next.data" 0644
        head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/new.key"
        timed_update "Secret ..data swap of hmac.key (rotation)" "the new key" "$udp" "$dir/new.key" "" \
            kubelet_write "$dir/hmac-key" hmac.key "$dir/new.key" 0440
        if out=$(confd_wait "$udp" "$vec/hmac.key" "$(date +%s.%N)" 2); then
            ok "previous key during the rotation grace period: still answered"
        else
            fail "previous key during the rotation grace period: not answered"
        fi
    fi

    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
    ok "RSS after the checks: $((rss / 1024)) MiB (limit 512 MiB)"

    local stop_start stop_time exit_code
    stop_start=$(date +%s.%N)
    podman pod stop -t 10 "$name" >/dev/null 2>&1
    stop_time=$(echo "$(date +%s.%N) - $stop_start" | bc | xargs printf '%.2f')
    exit_code=$(podman inspect --format '{{.State.ExitCode}}' "$ctr")
    check "SIGTERM (podman pod stop)" "exit $exit_code after $stop_time s (want 143 within 2 s)" \
        test "$exit_code" = 143 -a "$(echo "$stop_time <= 2" | bc)" = 1
    podman logs "$ctr" 2>/dev/null >"$dir/daemon.log" || true
    local errors
    errors=$(grep -c ' ERROR ' "$dir/daemon.log" || true)
    check "daemon log" "$(wc -l <"$dir/daemon.log") lines, $errors ERROR, $(grep -c ' WARN ' "$dir/daemon.log" || true) WARN" test "$errors" = 0
    grep ' WARN \| ERROR ' "$dir/daemon.log" | sed 's/^/  /' || true
    podman pod rm -f "$name" >/dev/null 2>&1 || true
}
