#!/usr/bin/env bash
# Fencing against the real test bed (../shared/openstack with its BMCs, bmc-up.sh start): starts instance-ha
# against its Keystone and Nova, gives every compute host its BMC (bmc-up.sh fencing-json), plays a failure
# and reports it as masakari-monitors' host monitor would, with host_status UNKNOWN (it cannot tell whether
# the host is off). Prints what happened: the notification, each task's last message, where the host's
# servers are, and what the BMC says.
#   bench/real-fencing.sh hang compute1          the host hangs, its BMC still says On: instance-ha powers it
#                                                off, then evacuates
#   bench/real-fencing.sh chassis-dead compute2  host and BMC dead: nothing can confirm Off; the operators'
#                                                task, no evacuation, until it is completed with confirmed_off
# Needs: mvn -B package -DskipTests, a running test bed with BMCs. Afterwards: bmc-up.sh bmc-restart <host>,
# then openstack-up.sh revive-host <host>.
set -euo pipefail
cd "$(dirname "$0")/.."
SCENARIO=${1:?hang or chassis-dead}
VICTIM=${2:?computeN}
BMC=${BMCUP:-../shared/openstack/bmc-up.sh}
IHA_OPTS="--instanceha.secrets.key=realrun-secrets-key --instanceha.fencing.attempts=2 --instanceha.fencing.retry-delay=5s ${IHA_OPTS:-}"
source bench/lib-real.sh
register_bmcs "$BMC"
servers() { openstack server list --all-projects --long -f value -c Name -c Status -c Host | sort; }
echo "before:"; servers | sed 's/^/  /'
$BMC "$SCENARIO" "$VICTIM"
sleep 1
T0=$(date +%s.%N)
N=$(curl -s $A -X POST localhost:$PORT/v1/notifications -H 'Content-Type: application/json' -d "{\"notification\":{\"type\":\"COMPUTE_HOST\",\"hostname\":\"$VICTIM\",\"generated_time\":\"$(date -u +%Y-%m-%dT%H:%M:%S.%6N)\",\"payload\":{\"event\":\"STOPPED\",\"host_status\":\"UNKNOWN\",\"cluster_status\":\"OFFLINE\"}}}" | python3 -c "import json,sys;print(json.load(sys.stdin)['notification']['notification_uuid'])")
echo "notification $N reported"
if [ "$SCENARIO" = chassis-dead ]; then
  for i in $(seq 1 120); do
    TASK=$(curl -s $A "localhost:$PORT/engine-rest/task?processInstanceBusinessKey=$N" | python3 -c "import json,sys;t=json.load(sys.stdin);print(t[0]['id']+' '+t[0]['name'] if t else '')")
    [ -n "$TASK" ] && break; sleep 1
  done
  echo "after $(python3 -c "print(round($(date +%s.%N)-$T0,1))") s: task '${TASK#* }'"
  curl -s $A "localhost:$PORT/engine-rest/task/${TASK%% *}/form-variables" | python3 -c "
import json,sys
v=json.load(sys.stdin)
for k in ('bmcSummary','novaServiceSummary','instancesWaiting','fencingEvidence'): print('  '+k+':', (v.get(k) or {}).get('value'))"
  echo "servers while the task waits:"; servers | sed 's/^/  /'
  curl -s -o /dev/null -w "confirmed_off: %{http_code}\n" $A -X POST "localhost:$PORT/engine-rest/task/${TASK%% *}/complete" -H 'Content-Type: application/json' \
    -d '{"variables":{"operatorDecision":{"value":"confirmed_off"},"operatorComment":{"value":"chassis dead, power cords pulled"}}}'
fi
await_end $N
show_details $N
echo "after:"; servers | sed 's/^/  /'
$BMC status | grep "$VICTIM " || true
grep -E "WARN|ERROR" target/real-recovery-app.log | grep -v "PageNotFound" | head -8 || true
