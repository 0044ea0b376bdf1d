#!/usr/bin/env python3
"""footprint-bench.py - start-up, resident memory, throughput and GC pauses of the daemon under
sets of JVM options, the sets alternating run by run on the same machine (issue #18, items 5-7).

usage: scripts/footprint-bench.py [--reps 3] [--config DIR] [--big DIR] [--load S] [--window 16]
                                  [--gc-log] [--after-shrink S] NAME=OPTIONS [NAME=OPTIONS ...]

For each repetition and each options set, in turn:
  1. starts `java OPTIONS -jar JAR` on a copy of DIR's config.data and hmac.key (default: the
     12-node synthetic cluster of ../shared/conformance), UDP on a free port of 127.0.0.1;
  2. start-up: time from just before the process is created to the first signed ping answer
     (a ping every 2 ms, each reply's HMAC checked);
  3. load: the C load generator (confdload, built from ../shared/tools into /tmp when missing)
     for S seconds after 1 s of warm-up, window W, issue #7's mixed request mix (the node role of
     the served master's name); qps, p99 and the
     server's CPU per query;
  4. RSS (VmRSS of /proc/PID/status) after the load, and the peak (VmHWM);
  5. with --big DIR: renames DIR's config.data over the served one, waits for its serial, then
     renames the small config back, waits for it, waits --after-shrink seconds (default 30) and
     reads RSS again (is memory given back?);
  6. with --gc-log: adds -Xlog:gc:file=... and reports the longest pause while the load ran.
OPTIONS "launcher" means the launcher's default (bin/ganeti-confd); leading VAR=VALUE words of OPTIONS
are set in the daemon's environment (e.g. "MALLOC_ARENA_MAX=2 -Xmx512m ..."). Prints one line per run and
a table of medians. Environment: CONFD_JAR (default target/quarkus-app/quarkus-run.jar), SHARED
(default ../shared). Not part of ./mvnw verify or CI: CPU heavy, run it on an otherwise idle machine.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.abspath(os.environ.get("SHARED", os.path.join(ROOT, "..", "shared")))
sys.path.insert(0, os.path.join(SHARED, "tools"))
import difftest  # noqa: E402

MIX = "0:20,3:10,1=MASTER:30,10=/cluster/cluster_name:30,5:10"


def launcher_opts():
    """The launcher's default JVM options, after its default environment (MALLOC_ARENA_MAX)."""
    text = open(os.path.join(ROOT, "bin", "ganeti-confd")).read()
    env = "".join("%s=%s " % m for m in re.findall(r"^export (\w+)=\$\{\w+:-(\S+)\}$", text, re.M))
    return env + re.search(r'read -r -a java_opts <<<"\$\{JAVA_OPTS-(.*)\}"', text).group(1)


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def ask(key, port, spec, timeout):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(timeout)
    try:
        data, rsalt = difftest.build_datagram(key, spec)
        s.sendto(data, ("127.0.0.1", port))
        reply, _ = difftest.decode_reply(key, s.recv(65536), rsalt)
        return reply
    except (socket.timeout, ConnectionRefusedError):
        return None
    finally:
        s.close()


def wait_serial(key, port, serial, limit=120):
    start = time.monotonic()
    while time.monotonic() - start < limit:
        r = ask(key, port, {"type": 3}, 0.05)
        if r is not None and r.get("serial") == serial:
            return time.monotonic() - start
        time.sleep(0.005)
    raise SystemExit("serial %s not served within %s s" % (serial, limit))


def serial_of(path):
    return json.load(open(path))["cluster"]["serial_no"]


def rss_kib(pid, field="VmRSS"):
    for line in open("/proc/%d/status" % pid):
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def confdload():
    path = os.path.join(tempfile.gettempdir(), "confdload")
    src = os.path.join(SHARED, "tools", "confdload.c")
    if not os.path.exists(path) or os.path.getmtime(path) < os.path.getmtime(src):
        subprocess.check_call(["gcc", "-O2", "-pthread", "-o", path, src, "-lcrypto"])
    return path


def longest_pause(log, since):
    """Longest pause (ms) in a -Xlog:gc log among lines logged after `since` seconds of uptime."""
    worst = 0.0
    for line in open(log):
        m = re.match(r"\[(\d+\.\d+)s\].*Pause.* (\d+\.\d+)ms$", line.strip())
        if m and float(m.group(1)) >= since:
            worst = max(worst, float(m.group(2)))
    return worst


def run(name, opts, a, work):
    d = os.path.join(work, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    shutil.copy(os.path.join(a.config, "config.data"), os.path.join(d, "config.data"))
    shutil.copy(os.path.join(a.config, "hmac.key"), os.path.join(d, "hmac.key"))
    key = open(os.path.join(d, "hmac.key"), "rb").read()
    port = free_port()
    jvm = (launcher_opts() if opts == "launcher" else opts).split()
    env = dict(os.environ)
    while jvm and re.match(r"[A-Z_][A-Z0-9_]*=", jvm[0]):  # leading VAR=VALUE words: the environment
        var, value = jvm.pop(0).split("=", 1)
        env[var] = value
    gclog = os.path.join(d, "gc.log")
    if a.gc_log:
        jvm.append("-Xlog:gc:file=%s:uptime" % gclog)
    cmd = ["java"] + jvm + ["-jar", a.jar, "--config-file", os.path.join(d, "config.data"),
                            "--hmac-key-file", os.path.join(d, "hmac.key"), "-p", str(port),
                            "-b", "127.0.0.1", "--http-port", "0"]
    log = open(os.path.join(d, "log"), "w")
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=env)
    out = {"name": name}
    try:
        while True:
            if ask(key, port, {"type": 0}, 0.002) is not None:
                out["start_s"] = time.monotonic() - t0
                break
            if proc.poll() is not None or time.monotonic() - t0 > 60:
                raise SystemExit("%s did not answer; see %s" % (name, os.path.join(d, "log")))
        if a.load > 0:
            master = ask(key, port, {"type": 3}, 1)["answer"]
            load_start = time.monotonic() - t0 + 1
            res = subprocess.run(
                [confdload(), "--key", os.path.join(d, "hmac.key"), "--port", str(port),
                 "--duration", str(a.load), "--warmup", "1", "--window", str(a.window),
                 "--mix", MIX.replace("MASTER", master), "--server-pid", str(proc.pid)],
                capture_output=True, text=True, check=True)
            j = json.loads(res.stdout.strip().splitlines()[-1])
            out["qps"] = j.get("qps")
            out["p99_us"] = j.get("p99_us")
            out["cpu_us"] = j.get("server_cpu_us_per_q")
            if a.gc_log:
                out["max_pause_ms"] = longest_pause(gclog, load_start)
        out["rss_mib"] = rss_kib(proc.pid) / 1024
        out["hwm_mib"] = rss_kib(proc.pid, "VmHWM") / 1024
        if a.big:
            small = os.path.join(d, "config.data")
            big_serial, small_serial = serial_of(os.path.join(a.big, "config.data")), serial_of(small)
            shutil.copy(os.path.join(a.big, "config.data"), os.path.join(d, ".big"))
            out["renamed_at"] = time.strftime("%H:%M:%S", time.gmtime()) + ("%.3f" % (time.time() % 1))[1:]
            os.rename(os.path.join(d, ".big"), small)
            out["big_s"] = wait_serial(key, port, big_serial)
            time.sleep(3)
            out["big_rss_mib"] = rss_kib(proc.pid) / 1024
            shutil.copy(os.path.join(a.config, "config.data"), os.path.join(d, ".small"))
            time.sleep(1.1)  # the reload interval
            os.rename(os.path.join(d, ".small"), small)
            wait_serial(key, port, small_serial)
            time.sleep(a.after_shrink)
            out["shrunk_rss_mib"] = rss_kib(proc.pid) / 1024
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()
        log.close()
    loads = re.findall(r"Loaded .*?(\d+) bytes in (\d+) ms", open(os.path.join(d, "log")).read())
    out["loads"] = " ".join("%sB:%sms" % l for l in loads)
    return out


def main():
    p = argparse.ArgumentParser(usage=__doc__)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--config", default=os.path.join(SHARED, "conformance", "synthetic-n12-i60-g3-s1"))
    p.add_argument("--big")
    p.add_argument("--load", type=float, default=10)
    p.add_argument("--window", type=int, default=16)
    p.add_argument("--gc-log", action="store_true")
    p.add_argument("--keep", action="store_true", help="keep the daemons' logs")
    p.add_argument("--after-shrink", type=float, default=30)
    p.add_argument("--jar", default=os.environ.get("CONFD_JAR", os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar")))
    p.add_argument("sets", nargs="+", metavar="NAME=OPTIONS")
    a = p.parse_args()
    sets = [s.split("=", 1) for s in a.sets]
    work = tempfile.mkdtemp(prefix="confd-footprint.")
    results = {name: [] for name, _ in sets}
    for rep in range(a.reps):
        for name, opts in sets:
            r = run(name, opts, a, work)
            results[name].append(r)
            print("run %d %s" % (rep + 1, json.dumps(r)), flush=True)
    keys = [k for k in results[sets[0][0]][0] if k not in ("name", "loads", "renamed_at")]
    print("\n| options | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 1) + "|")
    for name, _ in sets:
        med = ["%.3g" % statistics.median(r[k] for r in results[name] if r.get(k) is not None) for k in keys]
        print("| %s | %s |" % (name, " | ".join(med)))
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print("logs kept in " + work)


if __name__ == "__main__":
    main()
