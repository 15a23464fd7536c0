#!/usr/bin/env bash
# A host's whole round on the real test bed (../shared/openstack with its BMCs, bmc-up.sh start): K servers on
# HOST, the segment's policy return_to_service auto and failback on, the host loses its power through its BMC,
# instance-ha's own monitor reports it and the servers are evacuated; then the host is powered on through its BMC
# (nothing else: no revive-host) and the script measures, from the power-on, its first nova-compute heartbeat,
# its return to service (forced_down unset, nova-compute enabled, off maintenance) and every server ACTIVE at
# home again, and counts the servers seen not running meanwhile (power_state not 1, or SHUTOFF/ERROR; a live
# migration shows MIGRATING, which is running) (a FIGURES line).
#   bench/real-return.sh compute1        K=3 by default; IHA_OPTS: more arguments for instance-ha
# Needs: mvn -B package -DskipTests, a running test bed with BMCs, nothing else on port 8090.
set -euo pipefail
cd "$(dirname "$0")/.."
VICTIM=${1:?computeN}
BMC=${BMCUP:-../shared/openstack/bmc-up.sh}
# The test bed's Nova: service_down_time 15 s, report_interval 3 s; a monitor cycle every second, 2 to confirm.
IHA_OPTS="--instanceha.secrets.key=realrun-secrets-key --instanceha.detection.mode=report \
  --instanceha.detection.stale-after=15s --instanceha.detection.report-interval=3s \
  --instanceha.detection.interval=1s --instanceha.detection.confirm-cycles=2 ${IHA_OPTS:-}"
source bench/lib-real.sh
register_bmcs "$BMC"
PORT=$PORT IHA_PASSWORD=realrun-password IHA_SEGMENT=$S BMCUP=$BMC PYTHONPATH=bench \
  python3 bench/real_return.py "$VICTIM"
