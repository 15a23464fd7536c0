# Shared by the bench/real-*.sh scripts: starts instance-ha (H2 in memory) on port 8090 against the
# test bed's Keystone and Nova, and registers compute1..4 in a segment "real". Sets A (curl credentials),
# PORT and S (the segment's uuid); stops the application when the calling script exits. IHA_OPTS: more
# arguments for the application.
eval "$(${TESTBED:-../shared/openstack/openstack-up.sh} env)"
PORT=8090
java @deploy/jvm.options -jar target/instance-ha-0.1.0-SNAPSHOT.jar --server.port=$PORT \
  --spring.datasource.url=jdbc:h2:mem:realrun \
  --instanceha.auth.admin-password=realrun-password \
  --instanceha.openstack.auth-url=$OS_AUTH_URL --instanceha.openstack.password=$OS_PASSWORD \
  --instanceha.recovery.evacuation-poll-interval=1s --logging.level.org.instanceha.nova.ComputeMetrics=DEBUG ${IHA_OPTS:-} > target/real-recovery-app.log 2>&1 &
APP=$!
trap "kill $APP" EXIT
for i in $(seq 1 60); do sleep 1; curl -s localhost:$PORT/actuator/health >/dev/null && break; done
A="-u admin:realrun-password"
S=$(curl -s $A -X POST localhost:$PORT/v1/segments -H 'Content-Type: application/json' -d '{"segment":{"name":"real","recovery_method":"auto","service_type":"COMPUTE"}}' | python3 -c "import json,sys;print(json.load(sys.stdin)['segment']['uuid'])")
for h in compute1 compute2 compute3 compute4; do
  curl -s -o /dev/null -w "host $h: %{http_code}\n" $A -X POST localhost:$PORT/v1/segments/$S/hosts -H 'Content-Type: application/json' -d "{\"host\":{\"name\":\"$h\",\"type\":\"COMPUTE\",\"control_attributes\":\"SSH\"}}"
done

# await_end NOTIFICATION: polls it until it has a final status; sets ST and prints the time since T0.
await_end() {
  while true; do
    ST=$(curl -s $A localhost:$PORT/v1/notifications/$1 | python3 -c "import json,sys;print(json.load(sys.stdin)['notification']['status'])")
    case $ST in finished|error|ignored|failed) break;; esac
    sleep 0.5
  done
  T1=$(date +%s.%N)
  echo "notification $1: $ST after $(python3 -c "print(round($T1-$T0,1))") s"
}

# show_details NOTIFICATION: its message and each task of its workflow with its last message.
show_details() {
  curl -s $A -H 'OpenStack-API-Version: instance-ha 1.1' localhost:$PORT/v1/notifications/$1 | python3 -c "
import json,sys
n=json.load(sys.stdin)['notification']; print(' message:', n['message'])
for t in n['recovery_workflow_details']: print('  ', t['name'], t['state'], t['progress_details'][-1]['message'])"
}

# register_bmcs BMCUP: gives every host of segment S its BMC and management address from `BMCUP fencing-json`.
register_bmcs() {
  local line h body uuid
  while read -r line; do
    h=$(python3 -c "import json,sys;print(json.loads(sys.argv[1])['host'])" "$line")
    body=$(python3 -c "import json,sys;d=json.loads(sys.argv[1]);print(json.dumps({'host':{'control_attributes':json.dumps(d['control_attributes'])}}))" "$line")
    uuid=$(curl -s $A localhost:$PORT/v1/segments/$S/hosts | python3 -c "import json,sys;print([x['uuid'] for x in json.load(sys.stdin)['hosts'] if x['name']=='$h'][0])")
    curl -s -o /dev/null -w "BMC of $h: %{http_code}\n" $A -X PUT localhost:$PORT/v1/segments/$S/hosts/$uuid -H 'Content-Type: application/json' -d "$body"
  done < <($1 fencing-json)
}
