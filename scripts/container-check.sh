#!/usr/bin/env bash
# container-check.sh - build the JVM image and run the DaemonSet's pod for real, with podman.
#
# usage: scripts/container-check.sh [--rebuild-base] [--keep] [-h|--help]
#
#   --rebuild-base   build the Debian base image again even if it exists
#   --keep           leave the scratch directory (pod files, logs) and print its path
#
# Run as root on a machine of this project's kind (Debian 12), from anywhere; not part of .ci/run.
# It:
#  1. installs podman, buildah, runc, mmdebstrap, python3-yaml, curl and bc from Debian's packages
#     where missing, and runs podman with runc and no default ulimits (CONTAINERS_CONF; crun and
#     the default ulimits fail on this machine's hybrid cgroups, ../shared/CONTAINERS.md);
#  2. builds the application (./mvnw package) when target/quarkus-app is missing;
#  3. builds a Java 17 base image from Debian packages (mmdebstrap, no registry needed):
#     localhost/ganeti-confd-base:bookworm-jre17, with user 185 as in the UBI images;
#  4. builds src/main/docker/Dockerfile.jvm on it (--build-arg BASE_IMAGE, --pull=never);
#  5. renders the pod the DaemonSet creates from the real manifests with kustomize (kubectl
#     kustomize, or kustomize build) and scripts/render-pod.py, which prints every adaptation
#     made for podman; once for deploy/kubernetes/base (Ganeti's /var/lib/ganeti as a host path)
#     and once for overlays/configmap (config.data and hmac.key as the kubelet lays out a
#     ConfigMap and a Secret: timestamped directory, ..data link swapped by rename);
#  6. runs each with `podman kube play` and checks it from outside the container, one line each,
#     `ok|FAIL <what>: <figure>`: the pod's confinement, the first signed answer, the probes'
#     URLs within their budgets, the conformance vectors (../shared/tools/difftest.py check),
#     /status, a live update (a Ganeti-style rename in the host path; a ..data swap of the
#     config and of the key), RSS, SIGTERM (exit 143 within 2 s), and the image's size.
# Last line: "container-check: N passed, M failed"; exit status 0 only when M is 0 (2: setup error).
#
# Environment: SHARED (default ../shared beside the repository), IMAGE (default
# localhost/ganeti-confd:<project version>), BASE_IMAGE (default localhost/ganeti-confd-base:bookworm-jre17).
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SHARED=${SHARED:-$(cd "$ROOT/.." && pwd)/shared}
REBUILD_BASE=0
KEEP=0
while [ $# -gt 0 ]; do
    case $1 in
        --rebuild-base) REBUILD_BASE=1 ;;
        --keep) KEEP=1 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "container-check: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

setup_error() {
    echo "container-check: error: $*" >&2
    exit 2
}
[ "$(id -u)" = 0 ] || setup_error "run as root (podman kube play with host paths, mmdebstrap)"
[ -d "$SHARED/conformance" ] || setup_error "no $SHARED/conformance (set SHARED)"

passed=0
failed=0
ok() {
    echo "ok $*"
    passed=$((passed + 1))
}
fail() {
    echo "FAIL $*"
    failed=$((failed + 1))
}
check() { # check WHAT FIGURE CONDITION...
    local what=$1 figure=$2
    shift 2
    if "$@"; then ok "$what: $figure"; else fail "$what: $figure"; fi
}

# 1. Tools.
missing=()
for pkg in podman buildah runc mmdebstrap python3-yaml curl bc; do
    dpkg-query -W -f '${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "container-check: installing ${missing[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi
PY=/usr/bin/python3
if kubectl kustomize --help >/dev/null 2>&1 && kubectl kustomize deploy/kubernetes/base >/dev/null 2>&1; then
    KUSTOMIZE=(kubectl kustomize)
elif command -v kustomize >/dev/null 2>&1; then
    KUSTOMIZE=(kustomize build)
else
    setup_error "no kustomize: needs kubectl >= 1.21 (kubectl kustomize) or kustomize on the PATH (Debian's kubernetes-client 1.20 is too old for the overlay's patches)"
fi

WORK=$(mktemp -d /tmp/container-check.XXXXXX)
cleanup() {
    local pod
    for pod in $(podman pod ls --filter label=app.kubernetes.io/name=ganeti-confd --filter name=confd-check- --format '{{.Name}}' 2>/dev/null); do
        podman pod rm -f "$pod" >/dev/null 2>&1 || true
    done
    if [ "$KEEP" = 1 ]; then echo "container-check: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
cat >"$WORK/containers.conf" <<'EOF'
[containers]
default_ulimits = []
[engine]
runtime = "runc"
EOF
export CONTAINERS_CONF=$WORK/containers.conf

# 2. The application.
version=$(sed -n 's/^    <version>\(.*\)<\/version>/\1/p' pom.xml | head -1)
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "container-check: building the application (./mvnw -B package -DskipTests)"
    ./mvnw -B -q package -DskipTests >"$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log" >&2; setup_error "the build failed"; }
fi

# 3. The base image, from Debian packages.
BASE_IMAGE=${BASE_IMAGE:-localhost/ganeti-confd-base:bookworm-jre17}
IMAGE=${IMAGE:-localhost/ganeti-confd:$version}
if [ "$REBUILD_BASE" = 1 ] || ! podman image exists "$BASE_IMAGE"; then
    echo "container-check: building $BASE_IMAGE with mmdebstrap (about a minute)"
    start=$SECONDS
    mmdebstrap --variant=essential --include=openjdk-17-jre-headless \
        --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
        --dpkgopt='path-exclude=/usr/share/locale/*' \
        --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
        --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
        --customize-hook='echo "jboss:x:185:185:ganeti-confd:/home/jboss:/usr/sbin/nologin" >>"$1/etc/passwd"; echo "jboss:x:185:" >>"$1/etc/group"' \
        bookworm "$WORK/base.tar" /etc/apt/sources.list.d/debian.sources >"$WORK/mmdebstrap.log" 2>&1 ||
        { tail -20 "$WORK/mmdebstrap.log" >&2; setup_error "mmdebstrap failed"; }
    podman import --change 'USER 185' --change 'ENV LANG=C.UTF-8' --change 'CMD ["/bin/bash"]' \
        "$WORK/base.tar" "$BASE_IMAGE" >/dev/null
    rm -f "$WORK/base.tar"
    echo "container-check: $BASE_IMAGE built in $((SECONDS - start)) s"
fi

# 4. The image.
if podman build --pull=never --build-arg BASE_IMAGE="$BASE_IMAGE" -f src/main/docker/Dockerfile.jvm \
    -t "$IMAGE" . >"$WORK/image.log" 2>&1; then
    ok "image builds on the Debian base: $IMAGE"
else
    tail -20 "$WORK/image.log" >&2
    fail "image builds on the Debian base: see above"
    echo "container-check: $passed passed, $failed failed"
    exit 1
fi
size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
base_size=$(podman image inspect --format '{{.Size}}' "$BASE_IMAGE")
ok "image size: $((size / 1000000)) MB ($((base_size / 1000000)) MB of it the Debian base with the JRE)"

# shellcheck source=scripts/container-check-lib.sh
. "$ROOT/scripts/container-check-lib.sh"

run_variant base testsuite-2.16
run_variant overlays/configmap synthetic-n12-i60-g3-s1

echo "container-check: $passed passed, $failed failed"
[ "$failed" = 0 ]
