# Shared by the bench/real-*.sh scripts: starts instance-ha (H2 in memory) on port 8090 against the
# test bed's Keystone and Nova, and registers compute1..4 in a segment "real". Sets A (curl credentials),
# PORT and S (the segment's uuid); stops the application when the calling script exits.
eval "$(${TESTBED:-../shared/openstack/openstack-up.sh} env)"
PORT=8090
java -jar target/instance-ha-0.1.0-SNAPSHOT.jar --server.port=$PORT \
  --spring.datasource.url=jdbc:h2:mem:realrun \
  --instanceha.auth.admin-password=realrun-password \
  --instanceha.openstack.auth-url=$OS_AUTH_URL --instanceha.openstack.password=$OS_PASSWORD \
  --instanceha.recovery.evacuation-poll-interval=1s > target/real-recovery-app.log 2>&1 &
APP=$!
trap "kill $APP" EXIT
for i in $(seq 1 60); do sleep 1; curl -s localhost:$PORT/actuator/health >/dev/null && break; done
A="-u admin:realrun-password"
S=$(curl -s $A -X POST localhost:$PORT/v1/segments -H 'Content-Type: application/json' -d '{"segment":{"name":"real","recovery_method":"auto","service_type":"COMPUTE"}}' | python3 -c "import json,sys;print(json.load(sys.stdin)['segment']['uuid'])")
for h in compute1 compute2 compute3 compute4; do
  curl -s -o /dev/null -w "host $h: %{http_code}\n" $A -X POST localhost:$PORT/v1/segments/$S/hosts -H 'Content-Type: application/json' -d "{\"host\":{\"name\":\"$h\",\"type\":\"COMPUTE\",\"control_attributes\":\"SSH\"}}"
done
