#!/usr/bin/env python3
"""difftest_mutations.py - serve each generated mutation with Ganeti's daemon and ours, compare.

usage: difftest_mutations.py --jar JAR --shared SHARED --mutations DIR --key HMAC_KEY [--keep DIR]

DIR holds what config_mutations.py wrote. Starts Ganeti 3.0.2's real daemon (ganeti-ref.sh serve,
needs root) on one directory and our daemon (java -jar JAR) on another, both with HMAC_KEY, then for
every mutation: writes ref.data / ours.data over the served config.data (atomic rename), waits
until each daemon serves the mutation's cluster serial, and runs `difftest.py compare` on the
mutation's queries. Prints one line per mutation with a difference (and its difftest report under
--keep), and a last line "difftest-mutations: N passed, M failed" (passed: every query of the
mutation gave the same reply on both). Exit status 0 only when M is 0.
"""
import argparse, hashlib, hmac, json, os, re, shutil, socket, subprocess, sys, tempfile, time, uuid

RELOAD_TIMEOUT = 20.0


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cluster_serial(port, key):
    """The serial of a CLUSTER_MASTER reply (status 0), or None."""
    rsalt = str(uuid.uuid4())
    msg = json.dumps({"protocol": 1, "type": 3, "rsalt": rsalt}) + "\n"
    salt = "%d" % time.time()
    digest = hmac.new(key, (salt + msg).encode(), hashlib.sha1).hexdigest()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(0.5)
        s.sendto(b"plj0" + json.dumps({"msg": msg, "salt": salt, "hmac": digest}).encode(), ("127.0.0.1", port))
        try:
            data = s.recv(65536)
        except socket.timeout:
            return None
    reply = json.loads(json.loads(data[4:].decode("latin-1"))["msg"])
    return reply["serial"] if reply["status"] == 0 else None


def install(src, directory):
    tmp = os.path.join(directory, ".config.data.new")
    shutil.copyfile(src, tmp)
    os.rename(tmp, os.path.join(directory, "config.data"))


def await_serial(ports, key, serial):
    deadline = time.monotonic() + RELOAD_TIMEOUT
    pending = set(ports)
    while pending and time.monotonic() < deadline:
        pending = {p for p in pending if cluster_serial(p, key) != serial}
        if pending:
            time.sleep(0.05)
    return pending


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jar", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--mutations", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--keep")
    a = ap.parse_args()
    key = open(a.key, "rb").read()
    work = tempfile.mkdtemp(prefix="difftest-mutations.")
    ref_dir, our_dir = os.path.join(work, "ref"), os.path.join(work, "ours")
    mutations = sorted(d for d in os.listdir(a.mutations) if d.isdigit())
    for d, name in ((ref_dir, "ref.data"), (our_dir, "ours.data")):
        os.makedirs(d)
        shutil.copyfile(a.key, os.path.join(d, "hmac.key"))
        shutil.copyfile(os.path.join(a.mutations, mutations[0], name), os.path.join(d, "config.data"))
    ref_port, our_port, http_port = free_port(), free_port(), free_port()
    logs = [open(os.path.join(work, n + ".log"), "w") for n in ("ref", "ours")]
    procs = [
        subprocess.Popen([os.path.join(a.shared, "tools", "ganeti-ref.sh"), "serve", ref_dir, str(ref_port)],
                         stdout=logs[0], stderr=subprocess.STDOUT, start_new_session=True),
        subprocess.Popen(["java", "-jar", a.jar, "--config-file", os.path.join(our_dir, "config.data"),
                          "--hmac-key-file", os.path.join(our_dir, "hmac.key"), "-p", str(our_port),
                          "-b", "127.0.0.1", "--http-port", str(http_port)],
                         stdout=logs[1], stderr=subprocess.STDOUT, start_new_session=True),
    ]
    passed = failed = queries = differences = 0
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (cluster_serial(ref_port, key) is None
                                               or cluster_serial(our_port, key) is None):
            time.sleep(0.2)
        for m in mutations:
            d = os.path.join(a.mutations, m)
            serial = json.load(open(os.path.join(d, "ours.data")))["cluster"]["serial_no"]
            install(os.path.join(d, "ref.data"), ref_dir)
            install(os.path.join(d, "ours.data"), our_dir)
            stale = await_serial([ref_port, our_port], key, serial)
            desc = open(os.path.join(d, "mutation.json")).read().strip()
            if stale:
                failed += 1
                who = " and ".join("Ganeti" if p == ref_port else "ours" for p in sorted(stale))
                print("%s: %s did not serve the mutation: %s" % (m, who, desc))
                continue
            run = subprocess.run([sys.executable, os.path.join(a.shared, "tools", "difftest.py"), "compare",
                                  "--ref", "127.0.0.1:%d" % ref_port, "--ref-key", a.key,
                                  "--cand", "127.0.0.1:%d" % our_port, "--cand-key", a.key,
                                  os.path.join(d, "queries.json")], capture_output=True, text=True)
            score = re.search(r"conformance: (\d+)/(\d+)", run.stdout)
            ok, total = (int(score.group(1)), int(score.group(2))) if score else (0, 0)
            queries += total
            differences += total - ok
            if score and ok == total:
                passed += 1
                continue
            failed += 1
            print("%s: %d/%d queries differ: %s" % (m, total - ok, total, desc))
            if a.keep:
                os.makedirs(a.keep, exist_ok=True)
                with open(os.path.join(a.keep, m + ".txt"), "w") as f:
                    f.write(desc + "\n" + run.stdout + run.stderr)
    finally:
        for p in procs:
            try:
                os.killpg(p.pid, 15)
            except ProcessLookupError:
                pass
        for p in procs:
            p.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print("queries compared: %d, differing: %d" % (queries, differences))
    print("difftest-mutations: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
