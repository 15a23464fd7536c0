#!/usr/bin/env bash
# instance-ha side by side with Masakari 14 and with the cloud's own limit, on the real test bed
# (../shared/openstack), which this script does not bring up: start it with
#   WITH_MASAKARI=1 ../shared/openstack/openstack-up.sh all
# then (after mvn -B package -DskipTests):
#   bench/real-vs-masakari.sh [HOST]          K=3 servers on HOST (default compute1), R=3, W=1
# W warm-up pairs of the first two (not counted: Nova's first force-down and evacuations run cold code),
# then R runs each of the first two, alternating, and one of Masakari (it takes minutes), each with K fresh
# HA_Enabled servers on HOST, whose nova-compute the test bed kills:
#  1. the cloud's own limit, no engine: force the service down, disable it, send every evacuation at
#     once, poll every second until every server is ACTIVE on another host (time from the force-down);
#  2. instance-ha, reported right after the kill (notification created_at to final updated_at);
#  3. Masakari 14 with its upstream defaults, reported the same way (the same two timestamps).
# After each run the test bed's revive-host puts HOST back into service. Prints the three figures and
# the two ratios of their medians (RESULT line).
set -euo pipefail
cd "$(dirname "$0")/.."
# The same host fails R times within minutes: not a duplicate for this run.
IHA_OPTS=--instanceha.notifications.duplicate-interval=1s
source bench/lib-real.sh
IHA_SEGMENT=$S PORT=$PORT IHA_PASSWORD=realrun-password K=${K:-3} R=${R:-3} W=${W:-1} python3 bench/real_vs_masakari.py "${1:-compute1}"
