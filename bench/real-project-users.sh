#!/usr/bin/env bash
# Project users on the real test bed (../shared/openstack): instance-ha in keystone mode on port 8090, in the
# Keystone catalog as service type instance-ha (created here if the catalog has none, and removed at the end;
# if it has one, Masakari's, its endpoints point here while the script runs and are restored at the end).
# As the project member demo, with the OpenStack CLI: sets instanceha:priority on compute1's servers
# (PRIORITIES, default "vm1=5 vm2=2 vm3=1"), then compute1 fails and is recovered, and demo lists and shows
# the notification (python3-masakariclient). Prints each VM move's start and end with its priority, the tier
# order the moves kept, and what demo sees. Needs: mvn -B package -DskipTests, a running test bed (its
# default layout: vm1..vm3 on compute1). Afterwards: ../shared/openstack/openstack-up.sh revive-host compute1.
set -euo pipefail
cd "$(dirname "$0")/.."
TESTBED=${TESTBED:-../shared/openstack/openstack-up.sh}
eval "$($TESTBED env)"
PORT=8090
PRIORITIES=${PRIORITIES:-"vm1=5 vm2=2 vm3=1"}
URL="http://127.0.0.1:$PORT/v1/%(tenant_id)s"
OWN_SERVICE=
RESTORE=()
if ! openstack service show instance-ha >/dev/null 2>&1; then
  openstack service create --name instance-ha instance-ha -f value -c id >/dev/null
  for face in public internal admin; do openstack endpoint create --region RegionOne instance-ha $face "$URL" >/dev/null; done
  OWN_SERVICE=yes
else
  while read -r id url; do
    RESTORE+=("$id=$url")
    openstack endpoint set --url "$URL" "$id"
  done < <(openstack endpoint list --service instance-ha -f value -c ID -c URL)
fi
java @deploy/jvm.options -jar target/instance-ha-0.1.0-SNAPSHOT.jar --server.port=$PORT \
  --spring.datasource.url=jdbc:h2:mem:projectusers --instanceha.auth.mode=keystone \
  --instanceha.auth.admin-password=realrun-password \
  --instanceha.openstack.auth-url=$OS_AUTH_URL --instanceha.openstack.password=$OS_PASSWORD \
  --instanceha.detection.mode=observe \
  --instanceha.recovery.evacuation-poll-interval=1s > target/real-project-users-app.log 2>&1 &
APP=$!
cleanup() {
  kill $APP
  if [ -n "$OWN_SERVICE" ]; then openstack service delete instance-ha; fi
  for e in "${RESTORE[@]}"; do openstack endpoint set --url "${e#*=}" "${e%%=*}"; done
}
trap cleanup EXIT
for i in $(seq 1 60); do sleep 1; curl -s localhost:$PORT/actuator/health >/dev/null && break; done
ADMIN_TOKEN=$(openstack token issue -f value -c id)
T="X-Auth-Token: $ADMIN_TOKEN"
S=$(curl -s -H "$T" -X POST localhost:$PORT/v1/segments -H 'Content-Type: application/json' -d '{"segment":{"name":"real","recovery_method":"auto","service_type":"COMPUTE"}}' | python3 -c "import json,sys;print(json.load(sys.stdin)['segment']['uuid'])")
for h in compute1 compute2 compute3 compute4; do
  curl -s -o /dev/null -w "host $h: %{http_code}\n" -H "$T" -X POST localhost:$PORT/v1/segments/$S/hosts -H 'Content-Type: application/json' -d "{\"host\":{\"name\":\"$h\",\"type\":\"COMPUTE\",\"control_attributes\":\"SSH\"}}"
done

demo() { OS_USERNAME=demo OS_PROJECT_NAME=demo openstack "$@"; }
for p in $PRIORITIES; do
  echo "+ (demo) openstack server set --property HA_Enabled=True --property instanceha:priority=${p#*=} ${p%=*}"
  demo server set --property HA_Enabled=True --property "instanceha:priority=${p#*=}" "${p%=*}"
done
echo "+ (demo) openstack segment list  # a member reads segments in summary"
demo segment list -f value -c name -c recovery_method 2>&1 | head -3 || true
echo "+ (demo) openstack segment create mine auto COMPUTE  # writes are the administrators'"
demo segment create mine auto COMPUTE 2>&1 | head -2 || true
echo "+ (demo) openstack segment host list $S  # hosts are the administrators' and readers'"
demo segment host list "$S" 2>&1 | head -2 || true

$TESTBED fail-host compute1
T0=$(date +%s.%N)
N=$(curl -s -H "$T" -X POST localhost:$PORT/v1/notifications -H 'Content-Type: application/json' -d "{\"notification\":{\"type\":\"COMPUTE_HOST\",\"hostname\":\"compute1\",\"generated_time\":\"$(date -u +%Y-%m-%dT%H:%M:%S.%6N)\",\"payload\":{\"event\":\"STOPPED\",\"host_status\":\"NORMAL\",\"cluster_status\":\"OFFLINE\"}}}" | python3 -c "import json,sys;print(json.load(sys.stdin)['notification']['notification_uuid'])")
while true; do
  ST=$(curl -s -H "$T" localhost:$PORT/v1/notifications/$N | python3 -c "import json,sys;print(json.load(sys.stdin)['notification']['status'])")
  case $ST in finished|error|ignored|failed) break;; esac
  sleep 1
done
echo "notification $N: $ST after $(python3 -c "print(round($(date +%s.%N)-$T0,1))") s"
curl -s -H "$T" -H 'OpenStack-API-Version: instance-ha 1.3' "localhost:$PORT/v1/notifications/$N/vmoves?sort_key=start_time&sort_dir=asc" \
  | PRIORITIES="$PRIORITIES" python3 -c "
import json,os,sys
prio=dict(p.split('=') for p in os.environ['PRIORITIES'].split())
moves=json.load(sys.stdin)['vmoves']
for v in moves: print(' ', v['instance_name'], 'priority', prio.get(v['instance_name'],'3'), v['status'], v['source_host'], '->', v['dest_host'], 'start', v['start_time'], 'end', v['end_time'])
bad=[(a['instance_name'],b['instance_name']) for a in moves for b in moves
     if int(prio.get(a['instance_name'],3)) < int(prio.get(b['instance_name'],3)) and b['start_time'] < a['end_time']]
print('tier order kept:', 'yes' if not bad else 'no, ' + str(bad))"
echo "+ (demo) openstack notification list"
demo notification list -c notification_uuid -c type -c status -c source_host_uuid
echo "+ (demo) openstack notification show $N"
demo notification show $N -c notification_uuid -c status -c payload
