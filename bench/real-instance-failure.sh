#!/usr/bin/env bash
# A VM notification against the real test bed (../shared/openstack): starts instance-ha against its
# Keystone and Nova, stops the given server with the openstack CLI (its guest "crashed"), reports it as
# masakari-monitors' instance monitor would (LIFECYCLE, STOPPED_FAILED), and prints how long it took until
# the notification ended, the workflow's steps, the restart attempt's vm_states and the server's status.
# The server needs HA_Enabled=True metadata (openstack server set --property HA_Enabled=True SERVER).
# Needs: mvn -B package -DskipTests, and a running test bed.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER=${1:?usage: bench/real-instance-failure.sh SERVER}
source bench/lib-real.sh
ID=$(openstack server show $SERVER -f value -c id)
HOST=$(openstack server show $SERVER -f value -c OS-EXT-SRV-ATTR:host)
openstack server stop $SERVER
for i in $(seq 1 60); do [ "$(openstack server show $SERVER -f value -c status)" = SHUTOFF ] && break; sleep 1; done
echo "$SERVER ($ID) on $HOST: $(openstack server show $SERVER -f value -c status)"
T0=$(date +%s.%N)
N=$(curl -s $A -X POST localhost:$PORT/v1/notifications -H 'Content-Type: application/json' -d "{\"notification\":{\"type\":\"VM\",\"hostname\":\"$HOST\",\"generated_time\":\"$(date -u +%Y-%m-%dT%H:%M:%S.%6N)\",\"payload\":{\"event\":\"LIFECYCLE\",\"instance_uuid\":\"$ID\",\"vir_domain_event\":\"STOPPED_FAILED\"}}}" | python3 -c "import json,sys;print(json.load(sys.stdin)['notification']['notification_uuid'])")
await_end $N
show_details $N
echo " Nova: $SERVER $(openstack server show $SERVER -f value -c status -c OS-EXT-SRV-ATTR:host | tr '\n' ' ')"
grep -E "WARN|ERROR" target/real-recovery-app.log | grep -v "PageNotFound" | head -5 || true
