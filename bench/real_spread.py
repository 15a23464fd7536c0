"""instance-ha on a fresh JVM against the cloud's own limit, on the real test bed, for hosts of several sizes.
Called by bench/real-spread.sh; see there. For each K in KS: W warm-up pairs (not counted: Nova's cold code),
then R pairs, alternating: the cloud's own limit (force-down, disable, every evacuation sent at once, Nova's
scheduler choosing) and instance-ha started afresh for the run (a new JVM, nothing warmed by an earlier run),
each on K fresh HA_Enabled servers of the victim host, whose nova-compute the test bed kills. Prints each figure,
the medians and their ratio (a RESULT line per K).
"""
import os
import statistics
import subprocess
import sys
import time

import requests

os.environ.setdefault("PORT", "8090")
os.environ.setdefault("IHA_PASSWORD", "realrun-password")
import real_vs_masakari as bed  # noqa: E402  (reads the environment set above)

PORT = os.environ["PORT"]
JAR = "target/instance-ha-0.1.0-SNAPSHOT.jar"
KS = [int(k) for k in os.environ.get("KS", "3,7").split(",")]
OPTS = os.environ.get("IHA_OPTS", "").split()
IDLE = os.environ.get("IDLE", "1") == "1"
# SAME_JVM=1: one instance-ha for all runs (warm after the first), to tell the engine's first-recovery cost from
# the rest.
SAME_JVM = os.environ.get("SAME_JVM", "0") == "1"


def start_instance_ha(log):
    """A new JVM as bench/lib-real.sh starts it, the four hosts in segment "real"; returns the process."""
    app = subprocess.Popen(["java", "@deploy/jvm.options", "-jar", JAR, "--server.port=" + PORT,
                            "--spring.datasource.url=jdbc:h2:mem:realrun",
                            "--instanceha.auth.admin-password=" + os.environ["IHA_PASSWORD"],
                            "--instanceha.openstack.auth-url=" + os.environ["OS_AUTH_URL"],
                            "--instanceha.openstack.password=" + os.environ["OS_PASSWORD"],
                            *([] if any("evacuation-poll-interval" in o for o in OPTS)
                              else ["--instanceha.recovery.evacuation-poll-interval=1s"]),
                            "--instanceha.notifications.duplicate-interval=1s",
                            # A JVM kept across runs must not watch the victim between them (the limit's runs kill
                            # it too, and a return to service would race the next run).
                            *(["--instanceha.detection.mode=off"] if SAME_JVM else []), *OPTS],
                           stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if requests.get("http://localhost:%s/actuator/health/readiness" % PORT, timeout=2).status_code == 200:
                break
        except requests.RequestException:
            pass
        time.sleep(0.5)
    else:
        app.kill()
        raise SystemExit("instance-ha did not become ready within 90 s (see %s)" % log.name)
    segment = requests.post(bed.IHA + "/segments", auth=bed.IHA_AUTH, timeout=30, json={"segment": {
        "name": "real", "recovery_method": "auto", "service_type": "COMPUTE"}}).json()["segment"]["uuid"]
    for host in bed.HOSTS:
        requests.post(bed.IHA + "/segments/%s/hosts" % segment, auth=bed.IHA_AUTH, timeout=30, json={"host": {
            "name": host, "type": "COMPUTE", "control_attributes": "SSH"}}).raise_for_status()
    os.environ["IHA_SEGMENT"] = segment
    return app


def cpu_seconds(pid):
    """The process's user and system CPU time so far (/proc/PID/stat), in seconds."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_idle(pid, limit=90):
    """Until the JVM has used under 10 % of a core for 3 s running (its start's compiling is over), as a node that
    has been up a while meets a failure; returns the seconds waited."""
    start = time.time()
    quiet, last = 0, cpu_seconds(pid)
    while quiet < 3 and time.time() - start < limit:
        time.sleep(1)
        now = cpu_seconds(pid)
        quiet = quiet + 1 if now - last < 0.1 else 0
        last = now
    return time.time() - start


KEPT = {}


def recovery(app, tok, ids):
    """One recovery by the running JVM, once it is idle; prints the CPU it used."""
    if IDLE:
        print("  (instance-ha idle after %.0f s)" % wait_until_idle(app.pid), flush=True)
    before = cpu_seconds(app.pid)
    seconds = bed.instance_ha(tok, ids)
    print("  (instance-ha used %.1f s of CPU for the recovery)" % (cpu_seconds(app.pid) - before), flush=True)
    return seconds


def fresh_instance_ha(tok, ids):
    if SAME_JVM:
        if "app" not in KEPT:
            KEPT["log"] = open("target/real-spread-app.log", "ab")
            KEPT["app"] = start_instance_ha(KEPT["log"])
        return recovery(KEPT["app"], tok, ids)
    with open("target/real-spread-app.log", "ab") as log:
        app = start_instance_ha(log)
        try:
            return recovery(app, tok, ids)
        finally:
            app.terminate()
            app.wait(30)


def main():
    results = []
    for k in KS:
        bed.K = k
        figures = {"limit": [], "instance-ha": []}
        pair = [("limit", bed.cloud_limit), ("instance-ha", fresh_instance_ha)]
        runs = [(n, f, False) for n, f in pair] * bed.W + [(n, f, True) for n, f in pair] * bed.R
        tok = bed.token()
        for i, (name, run, counted) in enumerate(runs):
            ids = bed.prepare(tok, "k%dr%d" % (k, i))
            seconds = run(tok, ids)
            print("%d servers, %s%s: %.1f s" % (k, name, "" if counted else " (warm-up)", seconds), flush=True)
            if counted:
                figures[name].append(seconds)
            bed.testbed("revive-host", bed.VICTIM)
            tok = bed.token()
            bed.remove(tok, ids)
        limit, ours = statistics.median(figures["limit"]), statistics.median(figures["instance-ha"])
        results.append(("RESULT %s, %d servers, medians of %d runs (" + ("one JVM for all" if SAME_JVM else "fresh JVM each")
                        + "): cloud's own limit %.1f s (%s), instance-ha %.1f s (%s): %.2f x the limit") % (
                           bed.VICTIM, k, bed.R, limit, ", ".join("%.1f" % f for f in figures["limit"]), ours,
                           ", ".join("%.1f" % f for f in figures["instance-ha"]), ours / limit))
        print(results[-1], flush=True)
    if "app" in KEPT:
        KEPT["app"].terminate()
        KEPT["app"].wait(30)
    print("\n".join(results))


if __name__ == "__main__":
    main()
