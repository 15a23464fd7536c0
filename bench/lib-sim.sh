# Shared by the benchmarks over the application's jar (simulator-recovery.sh, rack-failure.sh, intake.sh):
# finds (or builds) the jar, and small helpers. Sets JAR.
JAR=$(ls target/instance-ha-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -B -q package -DskipTests
  JAR=$(ls target/instance-ha-*.jar | head -1)
fi

# json EXPR: evaluates EXPR over the JSON document on stdin (as d).
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# cpu PID: CPU seconds (user + system) the process has used.
cpu() { awk '{print ($14 + $15) / 100}' /proc/$1/stat; }
# rss PID FIELD: resident memory in MB, FIELD VmRSS (now) or VmHWM (peak).
rss() { awk -v k="$2:" '$1 == k {print int($2 / 1024)}' /proc/$1/status; }

# seed_header: the projects, users and flavor m1.tiny of a simulator seed, as in the default cloud.
seed_header() {
  echo "projects: [{id: 688563ac36c44d0f8dbce4d0ab0a3f7f, name: admin}, {id: f2e949be43074e8fa5be0a3d22bd0eae, name: demo}]"
  echo "users:"
  echo "  - {id: 76c55a022c7d4a1e85e1cab6f58538e8, name: admin, password: secret, project: admin, roles: [reader, admin, member]}"
  echo "  - {id: 77bfba4c52a9468d8aa09a3f67667cb7, name: demo, password: secret, project: demo, roles: [reader, member]}"
  echo "flavors: [{id: \"1\", name: m1.tiny, vcpus: 1, ram: 512, disk: 1}]"
}

CREDENTIALS=admin:bench-password
A="-u $CREDENTIALS"

# await_final UUID...: waits until every given notification has its final status, polling every POLL
# seconds (0.5), and prints each one's body, one per line. One process for the whole wait: starting a
# python for every poll of every notification took a good part of a core from the measured engine.
await_final() {
  python3 - "$PORT" "$CREDENTIALS" "${POLL:-0.5}" "$@" <<'PY'
import base64, json, sys, time, urllib.request
port, credentials, poll, notes = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4:]
auth = {"Authorization": "Basic " + base64.b64encode(credentials.encode()).decode()}
final = {}
while True:
    for n in notes:
        if n not in final:
            with urllib.request.urlopen(urllib.request.Request(
                    "http://localhost:%s/v1/notifications/%s" % (port, n), headers=auth)) as answer:
                body = json.load(answer)
            if body["notification"]["status"] in ("finished", "error", "ignored", "failed"):
                final[n] = body
    if len(final) == len(notes):
        break
    time.sleep(poll)
for n in notes:
    print(json.dumps(final[n]))
PY
}

# start_app LOG ARG...: starts the jar on $PORT with the simulator on and the benchmarks' credentials, the
# given arguments and $APP_OPTS (JVM options: deploy/jvm.options, then $JAVA_OPTS), logging to LOG; sets APP and waits until the
# application is ready.
start_app() {
  local log=$1
  shift
  java @deploy/jvm.options ${JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT --instanceha.simulator.enabled=true \
    --instanceha.openstack.password=secret --instanceha.auth.admin-password=bench-password "$@" ${APP_OPTS:-} \
    > "$log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do curl -sf localhost:$PORT/actuator/health/readiness >/dev/null && break; sleep 1; done
}

# add_segment NAME [ENABLED]: creates a segment with recovery method auto; prints its uuid.
add_segment() {
  curl -s $A -X POST localhost:$PORT/v1/segments -H 'Content-Type: application/json' \
    -H 'OpenStack-API-Version: instance-ha 1.2' -d "{\"segment\":{\"name\":\"$1\",\"recovery_method\":\"auto\",
    \"service_type\":\"COMPUTE\",\"enabled\":${2:-true}}}" | json "d['segment']['uuid']"
}

# add_hosts SEGMENT HOST...: registers the hosts in the segment.
add_hosts() {
  local segment=$1
  shift
  for h in "$@"; do
    curl -sf -o /dev/null $A -X POST localhost:$PORT/v1/segments/$segment/hosts -H 'Content-Type: application/json' \
      -d "{\"host\":{\"name\":\"$h\",\"type\":\"COMPUTE\",\"control_attributes\":\"SSH\"}}"
  done
}
