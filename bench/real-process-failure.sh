#!/usr/bin/env bash
# A PROCESS notification against the real test bed (../shared/openstack): starts instance-ha against its
# Keystone and Nova, kills the given host's nova-compute (default compute2) with the test bed script,
# reports it as masakari-monitors' process monitor would, and prints how long it took until the
# notification ended, what Nova says of the service, and the host's maintenance flag.
# Needs: mvn -B package -DskipTests, and a running test bed.
# Afterwards: ../shared/openstack/openstack-up.sh revive-host <host>.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib-real.sh
VICTIM=${1:-compute2}
${TESTBED:-../shared/openstack/openstack-up.sh} fail-host $VICTIM
T0=$(date +%s.%N)
N=$(curl -s $A -X POST localhost:$PORT/v1/notifications -H 'Content-Type: application/json' -d "{\"notification\":{\"type\":\"PROCESS\",\"hostname\":\"$VICTIM\",\"generated_time\":\"$(date -u +%Y-%m-%dT%H:%M:%S.%6N)\",\"payload\":{\"event\":\"STOPPED\",\"process_name\":\"nova-compute\"}}}" | python3 -c "import json,sys;print(json.load(sys.stdin)['notification']['notification_uuid'])")
await_end $N
show_details $N
echo " Nova: $(openstack compute service list --service nova-compute --host $VICTIM -f value -c Host -c Status -c State)"
echo " disabled reason: $(openstack compute service list --service nova-compute --host $VICTIM --long -f value -c 'Disabled Reason')"
curl -s $A localhost:$PORT/v1/segments/$S/hosts | python3 -c "
import json,sys
for h in json.load(sys.stdin)['hosts']:
    if h['name'] == '$VICTIM': print(' host', h['name'], 'on_maintenance:', h['on_maintenance'])"
grep -E "WARN|ERROR" target/real-recovery-app.log | grep -v "PageNotFound" | head -5 || true
