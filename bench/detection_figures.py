"""Prints the figures of one bench/real-detection.sh run, from instance-ha's v1 API and the openstack CLI.

    python3 bench/detection_figures.py BASE_URL USER:PASSWORD NOTIFICATION T0 VICTIM SERVERS...

T0 is the moment of the failure (seconds since the epoch), SERVERS the names of the servers that were on
VICTIM. Prints, each in seconds after T0: the notification, fencing confirmed ("Fence host" answered Off),
the first evacuation (the earliest VM move's start), and the last server ACTIVE elsewhere (the latest VM
move's end, which the workflow records once Nova shows the server settled on its new host), then checks with
the openstack CLI where each server is now.
"""
import base64
import datetime
import json
import subprocess
import sys
import urllib.request

base, credentials, notification, t0, victim = sys.argv[1:6]
servers = sys.argv[6:]
t0 = float(t0)
auth = "Basic " + base64.b64encode(credentials.encode()).decode()


def get(path, version):
    request = urllib.request.Request(base + path, headers={"Authorization": auth,
                                                           "OpenStack-API-Version": "instance-ha " + version})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def after_t0(utc):
    """A v1 timestamp (UTC, no zone) as seconds after T0."""
    at = datetime.datetime.fromisoformat(utc).replace(tzinfo=datetime.timezone.utc).timestamp()
    return round(at - t0, 1)


n = get("/v1/notifications/" + notification, "1.1")["notification"]
fenced = [d for t in n["recovery_workflow_details"] if t["name"] == "Fence host"
          for d in t["progress_details"] if "answered Off" in d["message"] or "is off" in d["message"]]
moves = get("/v1/notifications/%s/vmoves?limit=1000" % notification, "1.3").get("vmoves", []) \
    if n["type"] == "COMPUTE_HOST" else []
starts = [m["start_time"] for m in moves if m["start_time"]]
ends = [m["end_time"] for m in moves if m["end_time"] and m["status"] == "succeeded"]
print("FIGURES %s: %d server(s) on it; notification %s (%s %s) at %s s; fencing confirmed at %s s; "
      "first evacuation at %s s; last server ACTIVE elsewhere at %s s; status %s" % (
          victim, len(servers), notification, n["type"], json.dumps(n["payload"], sort_keys=True),
          after_t0(n["created_at"]), after_t0(fenced[0]["timestamp"]) if fenced else "-",
          after_t0(min(starts)) if starts else "-",
          after_t0(max(ends)) if len(ends) == len(servers) and ends else "-", n["status"]))
listing = json.loads(subprocess.run(["openstack", "server", "list", "--all-projects", "--long", "-f", "json",
                                     "-c", "Name", "-c", "Status", "-c", "Host"], check=True,
                                    capture_output=True, text=True).stdout)
for s in listing:
    if s["Name"] in servers:
        moved = s["Host"] != victim
        print("  %s: %s on %s%s" % (s["Name"], s["Status"], s["Host"],
                                    "" if moved else " (not moved)"))
