"""A host's whole round on the real test bed: power loss, recovery, power on, return to service, failback.
Called by bench/real-return.sh (which starts instance-ha and gives the hosts their BMCs); see there. Prints the
times from the power-on and a FIGURES line; exits 1 when a server is not home within 400 s of the power-on.
"""
import os
import subprocess
import sys
import time

import requests

os.environ.setdefault("PORT", "8090")
os.environ.setdefault("IHA_PASSWORD", "realrun-password")
import real_vs_masakari as bed  # noqa: E402  (reads the environment set above)

BMCUP = os.environ.get("BMCUP", "../shared/openstack/bmc-up.sh")
CHASSIS = os.path.join(os.path.dirname(BMCUP), "bmc", "chassis.sh")
SEGMENT = os.environ["IHA_SEGMENT"]


def iha(method, path, **kw):
    r = requests.request(method, bed.IHA + path, auth=bed.IHA_AUTH, timeout=30, **kw)
    r.raise_for_status()
    return r.json() if r.text else None


def since(t):
    return round(time.time() - t, 1)


def main():
    tok = bed.token()
    iha("PUT", "/segments/%s/policy" % SEGMENT, json={"policy": {"return_to_service": "auto", "failback": True}})
    ids = bed.prepare(tok, "ret")
    host = [h for h in iha("GET", "/segments/%s/hosts" % SEGMENT)["hosts"] if h["name"] == bed.VICTIM][0]
    time.sleep(5)
    t0 = time.time()
    subprocess.run([BMCUP, "power-loss", bed.VICTIM], check=True, stdout=subprocess.DEVNULL)
    uuid = None
    while uuid is None and since(t0) < 120:
        found = [n for n in iha("GET", "/notifications")["notifications"] if n["source_host_uuid"] == host["uuid"]]
        uuid = found[0]["notification_uuid"] if found else None
        time.sleep(0.5)
    if uuid is None:
        raise SystemExit("no notification for %s within 120 s of its power loss" % bed.VICTIM)
    status = None
    while status not in bed.FINAL and since(t0) < 300:
        status = iha("GET", "/notifications/" + uuid)["notification"]["status"]
        time.sleep(0.5)
    print("power loss of %s: notification %s %s after %s s" % (bed.VICTIM, uuid, status, since(t0)))
    time.sleep(5)
    before = bed.service(tok)["updated_at"]
    ton = time.time()
    subprocess.run([CHASSIS, bed.VICTIM, "set", "power", "1"], check=True, stdout=subprocess.DEVNULL)
    print("powered %s on through its BMC" % bed.VICTIM)
    heartbeat = returned = home = None
    not_active = set()
    while since(ton) < 400:
        svc = bed.service(tok)
        if heartbeat is None and svc["updated_at"] != before:
            heartbeat = since(ton)
            print("first heartbeat after %s s" % heartbeat)
        on_maintenance = iha("GET", "/segments/%s/hosts/%s" % (SEGMENT, host["uuid"]))["host"]["on_maintenance"]
        if returned is None and not svc["forced_down"] and svc["status"] == "enabled" and not on_maintenance:
            returned = since(ton)
            print("in service after %s s" % returned)
        listed = {s["id"]: s for s in bed.call("GET", bed.NOVA + "/servers/detail?all_tenants=1", tok,
                                               "2.53")["servers"]}
        # A live migration shows MIGRATING: what counts is a server not running (power_state 1) or stopped.
        not_active |= {sid for sid in ids if sid in listed and (listed[sid]["status"] in ("SHUTOFF", "ERROR")
                                                               or listed[sid].get("OS-EXT-STS:power_state") != 1)}
        if returned is not None and all(sid in listed and listed[sid]["OS-EXT-SRV-ATTR:host"] == bed.VICTIM
                                        and listed[sid]["status"] == "ACTIVE"
                                        and not listed[sid].get("OS-EXT-STS:task_state") for sid in ids):
            home = since(ton)
            print("all %d server(s) ACTIVE at home after %s s" % (len(ids), home))
            break
        time.sleep(1)
    moves = iha("GET", "/notifications/%s/vmoves" % uuid, headers={"OpenStack-API-Version": "instance-ha 1.3"})
    for m in moves["vmoves"]:
        print("  %-14s %-10s %-9s %s -> %s %s" % (m["type"], m["instance_name"], m["status"], m["source_host"],
                                                 m["dest_host"], m.get("message") or ""))
    print("FIGURES %s K=%d heartbeat=%s in_service=%s (%s after the heartbeat) home=%s (%s after the heartbeat)"
          " not_running=%d" % (bed.VICTIM, len(ids), heartbeat, returned,
                              None if returned is None or heartbeat is None else round(returned - heartbeat, 1),
                              home, None if home is None or heartbeat is None else round(home - heartbeat, 1),
                              len(not_active)))
    sys.exit(0 if home is not None else 1)


if __name__ == "__main__":
    main()
