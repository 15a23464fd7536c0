#!/usr/bin/env python3
"""Record how real Nova answers the power actions of an instance-failure recovery.

Usage: bench/capture-power-samples.py SERVER_ID [OUTDIR]
Needs the test bed of ../shared/openstack running (admin/secret on http://127.0.0.1:5000/v3). Writes
{"request": {...}, "response": {...}} files like ../shared/nova-samples: stop, start and their states
on the way, the 409s of stop on a stopped server and start on an active one, and the states paused,
rescued and resized with what stop answers there, and resetState. The server ends ACTIVE.
"""
import json, os, sys, time
import requests

KS = "http://127.0.0.1:5000/v3"
NOVA = "http://127.0.0.1:8774"
SERVER = sys.argv[1]
OUT = sys.argv[2] if len(sys.argv) > 2 else "src/test/resources/nova-samples"
S = requests.Session()
TOKEN = None
MV = "2.53"


def rec(name, method, path, body=None, mv=MV, save=True):
    h = {"Accept": "application/json", "OpenStack-API-Version": "compute " + mv,
         "X-OpenStack-Nova-API-Version": mv}
    if TOKEN:
        h["X-Auth-Token"] = TOKEN
    if body is not None:
        h["Content-Type"] = "application/json"
    url = path if path.startswith("http") else NOVA + path
    t0 = time.time()
    r = S.request(method, url, headers=h, data=json.dumps(body) if body is not None else None)
    dt = time.time() - t0
    try:
        rb = r.json()
    except ValueError:
        rb = r.text
    if save:
        doc = {"request": {"method": method, "url": url, "headers": h, "body": body},
               "response": {"status": r.status_code, "elapsed_s": round(dt, 3), "headers": dict(r.headers),
                            "body": rb}}
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(doc, f, indent=2)
        print(f"{r.status_code} {method} {path} -> {name} ({dt:.2f}s)")
    return r, rb


def show(name=None):
    _, b = rec(name or "-", "GET", f"/v2.1/servers/{SERVER}", save=name is not None)
    s = b["server"]
    return s["status"], s["OS-EXT-STS:vm_state"], s["OS-EXT-STS:task_state"]


def wait_for(status, name):
    t0 = time.time()
    seen = []
    while time.time() - t0 < 120:
        st = show()
        if not seen or seen[-1] != st:
            seen.append(st)
        if st[0] == status and st[2] is None:
            print(f"   {status} after {time.time() - t0:.2f}s via {seen}")
            show(name)
            return
        time.sleep(0.2)
    raise SystemExit(f"{SERVER} not {status} in 120 s: {seen}")


def action(name, body):
    return rec(name, "POST", f"/v2.1/servers/{SERVER}/action", body)


def main():
    global TOKEN
    auth = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "admin", "domain": {"name": "Default"}, "password": "secret"}}},
        "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}
    TOKEN = S.post(KS + "/auth/tokens", json=auth).headers["X-Subject-Token"]
    show("server-show-before-stop-mv2.53")
    action("server-action-os-stop-mv2.53", {"os-stop": None})
    show("server-show-during-stop-mv2.53")
    wait_for("SHUTOFF", "server-show-after-stop-mv2.53")
    action("server-action-os-stop-when-stopped-error-mv2.53", {"os-stop": None})
    action("server-action-os-start-mv2.53", {"os-start": None})
    show("server-show-during-start-mv2.53")
    wait_for("ACTIVE", "server-show-after-start-mv2.53")
    action("server-action-os-start-when-active-error-mv2.53", {"os-start": None})

    action("-", {"pause": None})
    wait_for("PAUSED", "server-show-paused-mv2.53")
    action("server-action-os-stop-when-paused-error-mv2.53", {"os-stop": None})
    action("-", {"unpause": None})
    wait_for("ACTIVE", "-")

    action("-", {"rescue": None})
    wait_for("RESCUE", "server-show-rescued-mv2.53")
    action("-", {"unrescue": None})
    wait_for("ACTIVE", "-")

    _, flavors = rec("-", "GET", "/v2.1/flavors/detail", save=False)
    _, b = rec("-", "GET", f"/v2.1/servers/{SERVER}", save=False)
    current = b["server"]["flavor"].get("original_name")
    bigger = sorted((f for f in flavors["flavors"] if f["name"] != current), key=lambda f: f["ram"])
    print("flavors:", [(f["name"], f["vcpus"], f["ram"]) for f in bigger], "current", current)
    action("-", {"resize": {"flavorRef": bigger[0]["id"]}})
    wait_for("VERIFY_RESIZE", "server-show-resized-mv2.53")
    action("server-action-os-stop-when-resized-error-mv2.53", {"os-stop": None})
    action("server-action-os-resetState-active-mv2.53", {"os-resetState": {"state": "active"}})
    show("server-show-after-reset-state-mv2.53")


if __name__ == "__main__":
    main()
