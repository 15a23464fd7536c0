#!/usr/bin/env bash
# A rack failure on the simulated cloud: H hosts of one segment (default 20) fail within S seconds
# (default 10), I protected instances each (default 30: 600 evacuations), under a cloud-wide bound B
# on evacuations in flight (instanceha.recovery.max-parallel-evacuations-total, default 50). Prints the
# time from the first report to the last notification's final status against the ideal for that bound,
# and the engine's cost. Exits when every notification has ended.
#
#   bench/rack-failure.sh                     H=20 I=30 S=10 B=50 C=10 L=2
#   H=10 I=10 B=20 bench/rack-failure.sh      smaller
#
# The ideal: the bound B keeps at most B evacuations of L seconds in flight, so 600 of them take at
# least ceil(H x I / B) x L; and no host's instances can be done before its report plus
# ceil(I / C) x L. Measured server-side: the first notification's created_at to the last updated_at.
set -euo pipefail
cd "$(dirname "$0")/.."
H=${H:-20}
I=${I:-30}
S=${S:-10}
B=${B:-50}
C=${C:-10}
L=${L:-2}
PORT=${PORT:-8093}
. bench/lib-sim.sh

SEED=$(mktemp --suffix .yaml)
TARGETS=$(( (H * I + 399) / 400 + 2 ))
{
  seed_header
  echo "hosts:"
  for h in $(seq -w 1 "$H"); do echo "  - {name: rack$h, vcpus: $I, memory_mb: $((I * 512 + 512))}"; done
  for t in $(seq 1 "$TARGETS"); do echo "  - {name: target$t, vcpus: 512, memory_mb: 262144}"; done
  echo "aggregates: []"
  echo "servers:"
  for h in $(seq -w 1 "$H"); do
    for i in $(seq 1 "$I"); do echo "  - {name: vm$h-$i, host: rack$h, flavor: \"1\", metadata: {HA_Enabled: \"True\"}}"; done
  done
} > "$SEED"
LOG=target/rack-failure.log
start_app "$LOG" --spring.datasource.url=jdbc:h2:mem:rack --instanceha.simulator.seed=file:$SEED \
  --instanceha.simulator.evacuation-time=${L}s --instanceha.recovery.max-parallel-evacuations=$C \
  --instanceha.recovery.max-parallel-evacuations-total=$B --instanceha.recovery.capacity-claim-grace=0s
trap 'kill $APP 2>/dev/null || true; rm -f "$SEED"' EXIT
SEG=$(add_segment rack)
add_hosts "$SEG" $(for h in $(seq -w 1 "$H"); do echo rack$h; done; for t in $(seq 1 "$TARGETS"); do echo target$t; done)
sleep 5
IDLE=$(rss $APP VmRSS)
CPU0=$(cpu $APP)
GAP=$(python3 -c "print($S / $H)")
OUT=$(mktemp -d)
k=0
PIDS=()
for h in $(seq -w 1 "$H"); do
  # Each report on its own, at its offset: the reports arrive within S seconds however slow the answers.
  ( sleep "$(python3 -c "print($k * $GAP)")"
    curl -s $A -X POST localhost:$PORT/v1/notifications -H 'Content-Type: application/json' -d "{\"notification\":
      {\"type\":\"COMPUTE_HOST\",\"hostname\":\"rack$h\",\"generated_time\":\"$(date -u +%Y-%m-%dT%H:%M:%S.%6N)\",
       \"payload\":{\"event\":\"STOPPED\",\"host_status\":\"NORMAL\",\"cluster_status\":\"OFFLINE\"}}}" \
      > "$OUT/$h" ) &
  PIDS+=($!)
  k=$((k + 1))
done
wait "${PIDS[@]}"
NOTES=()
for f in "$OUT"/*; do NOTES+=("$(json "d['notification']['notification_uuid']" < "$f")"); done
rm -rf "$OUT"
while true; do
  LEFT=0
  for n in "${NOTES[@]}"; do
    ST=$(curl -s $A localhost:$PORT/v1/notifications/$n | json "d['notification']['status']")
    case $ST in finished|error|ignored|failed) ;; *) LEFT=$((LEFT + 1));; esac
  done
  [ "$LEFT" -eq 0 ] && break
  sleep 1
done
CPU1=$(cpu $APP)
PEAK=$(rss $APP VmHWM)
BODIES=$(for n in "${NOTES[@]}"; do curl -s $A localhost:$PORT/v1/notifications/$n; echo; done)
python3 - "$H" "$I" "$S" "$B" "$C" "$L" "$CPU0" "$CPU1" "$PEAK" "$IDLE" <<PY
import json, math, sys
from datetime import datetime
h, i, s, b, c, l = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
notes = [json.loads(line)["notification"] for line in """$BODIES""".splitlines() if line.strip()]
t = lambda x: datetime.fromisoformat(x)
first = min(t(n["created_at"]) for n in notes)
last = max(t(n["updated_at"]) for n in notes)
measured = (last - first).total_seconds()
arrivals = max((t(n["created_at"]) - first).total_seconds() for n in notes)
ideal = max(math.ceil(h * i / b) * l, arrivals + math.ceil(i / c) * l)
statuses = {}
for n in notes:
    statuses[n["status"]] = statuses.get(n["status"], 0) + 1
cpu = (float(sys.argv[8]) - float(sys.argv[7])) * 1000 / (h * i)
print("hosts %d x instances %d = %d evacuations, reported within %.1f s, bound %d in flight (%d per notification), L %g s"
      % (h, i, h * i, arrivals, b, c, l))
print("measured %.1f s, ideal %.1f s, ratio %.2f; notifications: %s" % (measured, ideal, measured / ideal,
      ", ".join("%d %s" % (v, k) for k, v in sorted(statuses.items()))))
print("engine: %.1f ms CPU per evacuated instance (JVM with the simulator), peak RSS %d MB, idle RSS %d MB"
      % (cpu, int(sys.argv[9]), int(sys.argv[10])))
bad = [n["message"] for n in notes if n["status"] != "finished"]
for m in bad[:5]:
    print("  not finished:", m)
PY
