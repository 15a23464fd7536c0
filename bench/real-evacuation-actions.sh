#!/usr/bin/env bash
# Evacuation actions against the real test bed (../shared/openstack): the servers of the victim host get
# metadata instanceha:action (the first "skip", the second "evacuate_stopped", the third "ask", the rest their
# class's action), the host's nova-compute is killed and reported, and the script prints what Nova and
# instance-ha did with each: the skipped one left where it is, the asked one waiting in "Rebuild ...?" until the
# script answers rebuild, the evacuate_stopped one refused by a Nova older than 2.95 (the test bed's Zed is 2.93)
# and handed to the operators with the reason. Needs: mvn -B package -DskipTests, a running test bed with servers
# on the victim. Afterwards: openstack-up.sh revive-host <host>; the metadata is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
VICTIM=${1:-compute1}
source bench/lib-real.sh
mapfile -t IDS < <(openstack server list --all-projects --host "$VICTIM" -f value -c ID | head -3)
[ ${#IDS[@]} -ge 3 ] || { echo "need 3 servers on $VICTIM"; exit 1; }
ACTIONS=(skip evacuate_stopped ask)
cleanup() { for id in "${IDS[@]}"; do openstack server unset --property instanceha:action "$id" || true; done; kill $APP; }
trap cleanup EXIT
for i in 0 1 2; do openstack server set --property instanceha:action=${ACTIONS[$i]} "${IDS[$i]}"; done
echo "plan of $VICTIM:"
curl -s $A localhost:$PORT/v1/segments/$S/recovery-plan | python3 -c "
import json,sys
for h in json.load(sys.stdin)['recovery_plan']['hosts']:
  if h['name']=='$VICTIM':
    for i in h['instances']: print('  ', i['name'], i['evacuation_class'], i['action'], i['target_host'], i['reason'] or '')"
${TESTBED:-../shared/openstack/openstack-up.sh} fail-host $VICTIM
T0=$(date +%s.%N)
N=$(curl -s $A -X POST localhost:$PORT/v1/notifications -H 'Content-Type: application/json' -d "{\"notification\":{\"type\":\"COMPUTE_HOST\",\"hostname\":\"$VICTIM\",\"generated_time\":\"$(date -u +%Y-%m-%dT%H:%M:%S.%6N)\",\"payload\":{\"event\":\"STOPPED\",\"host_status\":\"NORMAL\",\"cluster_status\":\"OFFLINE\"}}}" | python3 -c "import json,sys;print(json.load(sys.stdin)['notification']['notification_uuid'])")
echo "notification $N reported"
tasks() { curl -s $A "localhost:$PORT/engine-rest/task?processInstanceBusinessKey=$N&taskDefinitionKey=$1" | python3 -c "
import json,sys
for t in json.load(sys.stdin): print(t['id'], t['name'])"; }
for i in $(seq 1 120); do ASK=$(tasks AskBeforeRebuild); [ -n "$ASK" ] && break; sleep 0.5; done
echo "after $(python3 -c "print(round($(date +%s.%N)-$T0,1))") s: task '${ASK#* }'; answering rebuild"
curl -s -o /dev/null -w "  rebuild: %{http_code}\n" $A -X POST "localhost:$PORT/engine-rest/task/${ASK%% *}/complete" -H 'Content-Type: application/json' -d '{"variables":{"operatorDecision":{"value":"rebuild"}}}'
for i in $(seq 1 240); do BYHAND=$(tasks RecoverByHand); [ -n "$BYHAND" ] && break; sleep 0.5; done
echo "after $(python3 -c "print(round($(date +%s.%N)-$T0,1))") s: task '${BYHAND#* }'"
sleep 5
curl -s $A -H 'OpenStack-API-Version: instance-ha 1.3' localhost:$PORT/v1/notifications/$N/vmoves | python3 -c "
import json,sys
for v in json.load(sys.stdin)['vmoves']: print(' ', v['instance_name'], v['status'], v['source_host'], '->', v['dest_host'], '|', v['message'])"
show_details $N
echo "servers:"; openstack server list --all-projects --long -f value -c Name -c Status -c Host | sort | sed 's/^/  /'
curl -s -o /dev/null -w "give up the refused one: %{http_code}\n" $A -X POST "localhost:$PORT/engine-rest/task/${BYHAND%% *}/complete" -H 'Content-Type: application/json' -d '{"variables":{"operatorDecision":{"value":"give_up"},"operatorComment":{"value":"this Nova cannot leave it stopped"}}}'
await_end $N
