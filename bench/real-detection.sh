#!/usr/bin/env bash
# instance-ha's own host monitor against the real test bed (../shared/openstack with its BMCs, bmc-up.sh start):
# starts instance-ha with the monitor in mode report (stale after the test bed's service_down_time, 15 s), gives
# every compute host its BMC and management address (bmc-up.sh fencing-json), plays one failure and posts
# nothing. Prints, in seconds after the failure, for the K servers on the host: the notification, fencing
# confirmed, the first evacuation, the last server ACTIVE elsewhere (a FIGURES line, bench/detection_figures.py),
# then the workflow's details and where each server is.
#   TIMING=defaults bench/real-detection.sh hang compute2    the same with the monitor's default timing
#   bench/real-detection.sh power-loss compute1       bmc-up.sh power-loss: COMPUTE_HOST NORMAL, evacuation
#   bench/real-detection.sh hang compute2             bmc-up.sh hang: COMPUTE_HOST UNKNOWN, fenced, evacuation
#   bench/real-detection.sh fail-host compute3        openstack-up.sh fail-host: PROCESS, nothing evacuated
#   bench/real-detection.sh lying-bmc compute2        the BMC says Off while the host runs (its power file set to
#                                                     0): nothing may be reported for 60 s; the metric of the
#                                                     verdict "BMC and host disagree" says 1
# Needs: mvn -B package -DskipTests, a running test bed with BMCs. Afterwards: bmc-up.sh power-loss/hang leave the
# host off: bmc-up.sh bmc-restart and openstack-up.sh revive-host bring it back.
set -euo pipefail
cd "$(dirname "$0")/.."
FAILURE=${1:?power-loss, hang, fail-host or lying-bmc}
VICTIM=${2:?computeN}
BMC=${BMCUP:-../shared/openstack/bmc-up.sh}
TESTBED=${TESTBED:-../shared/openstack/openstack-up.sh}
# The test bed's Nova: service_down_time 15 s, report_interval 3 s. TIMING=defaults keeps the monitor's own
# defaults (a cycle every 5 s, 3 confirming cycles); else a cycle every second and 2 confirming cycles.
if [ "${TIMING:-fast}" = defaults ]; then TIMING_OPTS=""
else TIMING_OPTS="--instanceha.detection.interval=1s --instanceha.detection.confirm-cycles=2"; fi
IHA_OPTS="--instanceha.secrets.key=realrun-secrets-key --instanceha.detection.mode=report \
  --instanceha.detection.stale-after=15s --instanceha.detection.report-interval=3s $TIMING_OPTS ${IHA_OPTS:-}"
# A lie is only heard when the BMC is read: a host that looks well has its BMC read every bmc-check-interval.
[ "$FAILURE" = lying-bmc ] && IHA_OPTS="$IHA_OPTS --instanceha.detection.bmc-check-interval=10s"
source bench/lib-real.sh
register_bmcs "$BMC"
servers() { openstack server list --all-projects --long -f value -c Name -c Status -c Host | sort; }
echo "before:"; servers | sed 's/^/  /'
ON_VICTIM=$(servers | awk -v h="$VICTIM" '$3 == h {print $1}')
evacuations() { openstack --os-compute-api-version 2.59 server migration list --type evacuation -f value -c Id | wc -l; }
EVACUATIONS_BEFORE=$(evacuations)
sleep 5
T0=$(date +%s.%N)
case $FAILURE in
  power-loss|hang) $BMC "$FAILURE" "$VICTIM" ;;
  fail-host) $TESTBED fail-host "$VICTIM" ;;
  lying-bmc) echo 0 > "${OSH:-/var/lib/osh}/bmc/$VICTIM.power" ;;
esac
if [ "$FAILURE" = lying-bmc ]; then
  sleep 60
  verdict=$(curl -s $A "localhost:$PORT/actuator/prometheus" | grep '^instanceha_detection_hosts{verdict="BMC and host disagree"}' || true)
  reported=$(curl -s $A localhost:$PORT/v1/notifications | python3 -c "import json,sys;print(len(json.load(sys.stdin)['notifications']))")
  echo "60 s after the BMC of $VICTIM began to say Off: $reported notification(s); ${verdict:-no host shown as disagreeing}"
  echo 1 > "${OSH:-/var/lib/osh}/bmc/$VICTIM.power"
  echo "after:"; servers | sed 's/^/  /'
  echo "Nova's evacuation records since: $(( $(evacuations) - EVACUATIONS_BEFORE ))"
  [ "$reported" = 0 ] || exit 1
  exit 0
fi
VUUID=$(curl -s $A localhost:$PORT/v1/segments/$S/hosts | python3 -c "import json,sys;print([x['uuid'] for x in json.load(sys.stdin)['hosts'] if x['name']=='$VICTIM'][0])")
for i in $(seq 1 240); do
  N=$(curl -s $A localhost:$PORT/v1/notifications | python3 -c "import json,sys;n=[x for x in json.load(sys.stdin)['notifications'] if x['source_host_uuid']=='$VUUID'];print(n[0]['notification_uuid'] if n else '')")
  [ -n "$N" ] && break; sleep 0.25
done
echo "notification $N after $(python3 -c "print(round($(date +%s.%N)-$T0,1))") s"
[ -n "$N" ] || { echo "no notification for $VICTIM within 60 s"; exit 1; }
await_end $N
show_details $N
python3 bench/detection_figures.py http://localhost:$PORT "admin:realrun-password" $N $T0 $VICTIM $ON_VICTIM
echo "Nova's evacuation records since the failure: $(( $(evacuations) - EVACUATIONS_BEFORE ))" \
  "(a stopped nova-compute must lead to none)"
grep -E "Host monitor" target/real-recovery-app.log | head -5 || true
