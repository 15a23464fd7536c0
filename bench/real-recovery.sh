#!/usr/bin/env bash
# A whole host-failure recovery against the real test bed (../shared/openstack), timed: starts
# instance-ha (H2 in memory) against its Keystone and Nova, registers compute1..4, kills the given host
# (default compute1) with the test bed script, reports it as a monitor would, and prints how long the
# recovery took and where each server went. Needs: mvn -B package -DskipTests, and a running test bed.
# Afterwards: ../shared/openstack/openstack-up.sh revive-host <host>.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib-real.sh
VICTIM=${1:-compute1}
${TESTBED:-../shared/openstack/openstack-up.sh} fail-host $VICTIM
T0=$(date +%s.%N)
N=$(curl -s $A -X POST localhost:$PORT/v1/notifications -H 'Content-Type: application/json' -d "{\"notification\":{\"type\":\"COMPUTE_HOST\",\"hostname\":\"$VICTIM\",\"generated_time\":\"$(date -u +%Y-%m-%dT%H:%M:%S.%6N)\",\"payload\":{\"event\":\"STOPPED\",\"host_status\":\"NORMAL\",\"cluster_status\":\"OFFLINE\"}}}" | python3 -c "import json,sys;print(json.load(sys.stdin)['notification']['notification_uuid'])")
while true; do
  ST=$(curl -s $A localhost:$PORT/v1/notifications/$N | python3 -c "import json,sys;print(json.load(sys.stdin)['notification']['status'])")
  case $ST in finished|error|ignored|failed) break;; esac
  sleep 1
done
T1=$(date +%s.%N)
echo "notification $N: $ST after $(python3 -c "print(round($T1-$T0,1))") s"
curl -s $A -H 'OpenStack-API-Version: instance-ha 1.3' localhost:$PORT/v1/notifications/$N/vmoves | python3 -c "
import json,sys
for v in json.load(sys.stdin)['vmoves']: print(' ', v['instance_name'], v['status'], v['source_host'], '->', v['dest_host'], v['start_time'], v['end_time'], v['message'])"
curl -s $A -H 'OpenStack-API-Version: instance-ha 1.1' localhost:$PORT/v1/notifications/$N | python3 -c "
import json,sys
n=json.load(sys.stdin)['notification']; print(' message:', n['message'])
for t in n['recovery_workflow_details']: print('  ', t['name'], t['state'], t['progress_details'][0]['timestamp'])"
grep -E "WARN|ERROR" target/real-recovery-app.log | grep -v "PageNotFound" | head -5 || true
