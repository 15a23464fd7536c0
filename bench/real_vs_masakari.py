"""The same host failure three times on the real test bed: the cloud's own limit (no engine), Masakari 14
with its upstream defaults, and instance-ha. Called by bench/real-vs-masakari.sh, which starts instance-ha
first; see there. Prints each figure and the two ratios, then exits.

Each run puts K fresh servers (HA_Enabled=True) on the victim host, kills its nova-compute with the test
bed's fail-host, reports or handles the failure, and waits until every one of them is ACTIVE on another
host with no task state; then revive-host puts the victim back into service for the next run.
"""
import concurrent.futures
import datetime
import os
import statistics
import subprocess
import sys
import time

import requests

TESTBED = os.environ.get("TESTBED", "../shared/openstack/openstack-up.sh")
KS = os.environ["OS_AUTH_URL"].rstrip("/")
PW = os.environ["OS_PASSWORD"]
NOVA = "http://127.0.0.1:8774/v2.1"
GLANCE = "http://127.0.0.1:9292"
MASAKARI = "http://127.0.0.1:15868/v1"
IHA = "http://localhost:%s/v1" % os.environ["PORT"]
IHA_AUTH = ("admin", os.environ["IHA_PASSWORD"])
VICTIM = sys.argv[1] if len(sys.argv) > 1 else "compute1"
K = int(os.environ.get("K", "3"))
R = int(os.environ.get("R", "3"))
# Warm-up pairs, not counted: the first force-down and the first evacuations after the test bed starts run
# Nova's cold code (one first force-down took 1.4 s where later ones take 35 ms; a first limit run 15 s).
W = int(os.environ.get("W", "1"))
HOSTS = ["compute1", "compute2", "compute3", "compute4"]
FINAL = ("finished", "error", "failed", "ignored")


def token(project="admin"):
    body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "admin", "domain": {"id": "default"}, "password": PW}}},
        "scope": {"project": {"name": project, "domain": {"id": "default"}}}}}
    r = requests.post(KS + "/auth/tokens", json=body, timeout=60)
    r.raise_for_status()
    return r.headers["X-Subject-Token"]


def call(method, url, tok, mv=None, ok=(200, 201, 202, 204), service="compute", **kw):
    headers = {"X-Auth-Token": tok, "Accept": "application/json"}
    if mv:
        headers["OpenStack-API-Version"] = "%s %s" % (service, mv)
    r = requests.request(method, url, headers=headers, timeout=120, **kw)
    if r.status_code not in ok:
        raise SystemExit("%s %s -> %s %s" % (method, url, r.status_code, r.text[:400]))
    return r.json() if r.text and r.headers.get("Content-Type", "").startswith("application/json") else None


def servers_on(tok, host):
    return call("GET", NOVA + "/servers/detail?all_tenants=1&host=" + host, tok, "2.53")["servers"]


def testbed(*args):
    subprocess.run([TESTBED, *args], check=True, stdout=subprocess.DEVNULL)


def prepare(tok, run):
    """K servers on the victim, all ACTIVE and HA_Enabled; returns their ids."""
    have = [s for s in servers_on(tok, VICTIM) if s["status"] == "ACTIVE"]
    if len(have) < K:
        demo = token("demo")
        image = call("GET", GLANCE + "/v2/images?name=cirros-fake", demo)["images"][0]["id"]
        for i in range(K - len(have)):
            call("POST", NOVA + "/servers", demo, "2.74", json={"server": {
                "name": "rvm-%s-%d" % (run, i + 1), "flavorRef": "1", "imageRef": image, "networks": "none",
                "host": VICTIM, "metadata": {"HA_Enabled": "True"}}})
        deadline = time.time() + 300
        while time.time() < deadline:
            have = servers_on(tok, VICTIM)
            if len(have) >= K and all(s["status"] == "ACTIVE" and not s.get("OS-EXT-STS:task_state") for s in have):
                break
            time.sleep(2)
        else:
            raise SystemExit("the servers on %s did not become ACTIVE" % VICTIM)
    for s in have:
        call("POST", NOVA + "/servers/%s/metadata" % s["id"], tok, json={"metadata": {"HA_Enabled": "True"}})
    return [s["id"] for s in have]


def remove(tok, ids):
    """Deletes a run's servers, so that the targets keep their room for the next run."""
    for sid in ids:
        call("DELETE", NOVA + "/servers/" + sid, tok, "2.53", ok=(204, 404))
    deadline = time.time() + 120
    while time.time() < deadline:
        listed = {s["id"] for s in call("GET", NOVA + "/servers/detail?all_tenants=1", tok, "2.53")["servers"]}
        if not listed & set(ids):
            return
        time.sleep(2)
    raise SystemExit("the servers of the last run were not deleted within 120 s")


def all_moved(tok, ids):
    """Every one of the servers ACTIVE on another host, no task state: one listing per look."""
    listed = {s["id"]: s for s in call("GET", NOVA + "/servers/detail?all_tenants=1", tok, "2.53")["servers"]}
    return all(sid in listed and listed[sid]["status"] == "ACTIVE" and not listed[sid].get("OS-EXT-STS:task_state")
               and listed[sid]["OS-EXT-SRV-ATTR:host"] != VICTIM for sid in ids)


def service(tok):
    return call("GET", NOVA + "/os-services?binary=nova-compute&host=" + VICTIM, tok, "2.53")["services"][0]


def cloud_limit(tok, ids):
    """No engine: force down, disable, every evacuation at once, poll every second."""
    testbed("fail-host", VICTIM)
    t0 = time.time()
    sid = service(tok)["id"]
    call("PUT", NOVA + "/os-services/" + sid, tok, "2.53", json={"forced_down": True})
    call("PUT", NOVA + "/os-services/" + sid, tok, "2.53",
         json={"status": "disabled", "disabled_reason": "bench: cloud limit"})
    with concurrent.futures.ThreadPoolExecutor(len(ids)) as pool:
        list(pool.map(lambda i: call("POST", NOVA + "/servers/%s/action" % i, tok, "2.29",
                                     json={"evacuate": {}}), ids))
    while not all_moved(tok, ids):
        time.sleep(1)
    return time.time() - t0


def report(url, auth, headers, host):
    body = {"notification": {"type": "COMPUTE_HOST", "hostname": host,
                             "generated_time": datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%S.%f"),
                             "payload": {"event": "STOPPED", "host_status": "NORMAL", "cluster_status": "OFFLINE"}}}
    r = requests.post(url + "/notifications", json=body, auth=auth, headers=headers, timeout=60)
    if r.status_code != 202:
        raise SystemExit("report to %s -> %s %s" % (url, r.status_code, r.text[:400]))
    return r.json()["notification"]["notification_uuid"]


def await_final(url, auth, headers, uuid, limit):
    deadline = time.time() + limit
    while time.time() < deadline:
        n = requests.get(url + "/notifications/" + uuid, auth=auth, headers=headers, timeout=60).json()["notification"]
        if n["status"] in FINAL:
            return n
        time.sleep(1)
    raise SystemExit("notification %s did not end within %d s" % (uuid, limit))


def stored_seconds(n):
    """From the notification's created_at to its final updated_at, as the API shows them."""
    parse = lambda t: datetime.datetime.fromisoformat(t.replace("Z", "").split("+")[0])
    return (parse(n["updated_at"]) - parse(n["created_at"])).total_seconds()


def instance_ha(tok, ids):
    """A STOPPED host went on maintenance in the run before: back into the segment first."""
    segment = os.environ["IHA_SEGMENT"]
    for h in requests.get(IHA + "/segments/%s/hosts" % segment, auth=IHA_AUTH, timeout=60).json()["hosts"]:
        if h["name"] == VICTIM and h["on_maintenance"]:
            requests.put(IHA + "/segments/%s/hosts/%s" % (segment, h["uuid"]), auth=IHA_AUTH, timeout=60,
                         json={"host": {"on_maintenance": False}}).raise_for_status()
    testbed("fail-host", VICTIM)
    uuid = report(IHA, IHA_AUTH, {}, VICTIM)
    n = await_final(IHA, IHA_AUTH, {}, uuid, 600)
    if n["status"] != "finished" or not all_moved(tok, ids):
        raise SystemExit("instance-ha ended %s: %s" % (n["status"], n.get("message")))
    return stored_seconds(n)


def masakari_segment(tok):
    headers = {"X-Auth-Token": tok}
    segments = requests.get(MASAKARI + "/segments", headers=headers, timeout=60).json()["segments"]
    segment = next((s for s in segments if s["name"] == "bench"), None)
    if segment is None:
        segment = requests.post(MASAKARI + "/segments", headers=headers, timeout=60, json={"segment": {
            "name": "bench", "recovery_method": "auto", "service_type": "COMPUTE"}}).json()["segment"]
    hosts = {h["name"]: h for h in requests.get(MASAKARI + "/segments/%s/hosts" % segment["uuid"], headers=headers,
                                                timeout=60).json()["hosts"]}
    for name in HOSTS:
        if name not in hosts:
            requests.post(MASAKARI + "/segments/%s/hosts" % segment["uuid"], headers=headers, timeout=60, json={
                "host": {"name": name, "type": "COMPUTE", "control_attributes": "SSH"}}).raise_for_status()
        elif hosts[name]["on_maintenance"]:
            requests.put(MASAKARI + "/segments/%s/hosts/%s" % (segment["uuid"], hosts[name]["uuid"]),
                         headers=headers, timeout=60, json={"host": {"on_maintenance": False}}).raise_for_status()


def masakari(tok, ids):
    masakari_segment(tok)
    testbed("fail-host", VICTIM)
    headers = {"X-Auth-Token": tok}
    uuid = report(MASAKARI, None, headers, VICTIM)
    n = await_final(MASAKARI, None, {"X-Auth-Token": token()}, uuid, 1200)
    if n["status"] != "finished" or not all_moved(tok, ids):
        raise SystemExit("Masakari ended %s" % n["status"])
    return stored_seconds(n)


def main():
    """W warm-up pairs, then R runs of the limit and of instance-ha (alternating), one of Masakari (it takes
    minutes); medians of the counted runs."""
    tok = token()
    figures = {"the cloud's own limit": [], "instance-ha": [], "Masakari 14": []}
    pair = [("the cloud's own limit", cloud_limit), ("instance-ha", instance_ha)]
    runs = [(n, f, False) for n, f in pair] * W + [(n, f, True) for n, f in pair] * R \
        + [("Masakari 14", masakari, True)]
    for i, (name, run, counted) in enumerate(runs):
        ids = prepare(tok, "r%d" % i)
        print("%s%s: %s with %d servers (%s)" % (name, "" if counted else " (warm-up, not counted)", VICTIM,
                                                 len(ids), " ".join(ids)), flush=True)
        seconds = run(tok, ids)
        if counted:
            figures[name].append(seconds)
        print("  %.1f s" % seconds, flush=True)
        testbed("revive-host", VICTIM)
        tok = token()
        remove(tok, ids)
    limit, ours, theirs = (statistics.median(figures[n]) for n in ("the cloud's own limit", "instance-ha",
                                                                   "Masakari 14"))
    show = lambda n: ", ".join("%.1f" % f for f in figures[n])
    print("RESULT %s, %d servers, medians of %s: cloud's own limit %.1f s (%s), instance-ha %.1f s (%s), Masakari 14"
          " %.1f s (%s); instance-ha is %.2f x the cloud's limit and %.1f x faster than Masakari"
          % (VICTIM, K, "%d runs (Masakari 1) after %d warm-up pair(s)" % (R, W), limit, show("the cloud's own limit"), ours, show("instance-ha"),
             theirs, show("Masakari 14"), ours / limit, theirs / ours))


if __name__ == "__main__":
    main()
