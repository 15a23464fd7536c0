#!/usr/bin/env bash
# A rack failure on the simulated cloud: H hosts of one segment (default 20) fail within S seconds
# (default 10), I protected instances each (default 30: 600 evacuations), under a cloud-wide bound B
# on evacuations in flight (instanceha.recovery.max-parallel-evacuations-total, default 50). Prints the
# time from the first report to the last notification's final status against the ideal for that bound,
# and the engine's cost. Exits when every notification has ended.
#
#   bench/rack-failure.sh                     H=20 I=30 S=10 B=50 C=10 L=2 R=4
#   H=10 I=10 B=20 bench/rack-failure.sh      smaller
#
# R is the simulated nova-compute's rebuilds at once (instanceha.simulator.rebuilds-per-host): the seed has
# enough targets (at least B / R + 1) that no target's rebuilds bind before the bound B does. R=0: no such
# bound (every rebuild starts at once, as the simulator did before 2026-12-07), with the old seed of 4 targets.
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
R=${R:-4}
PORT=${PORT:-8093}
. bench/lib-sim.sh

SEED=$(mktemp --suffix .yaml)
TARGETS=$(( (H * I + 399) / 400 + 2 ))
if [ "$R" -gt 0 ]; then
  BY_LANES=$(( (B + R - 1) / R + 1 ))
  [ "$TARGETS" -ge "$BY_LANES" ] || TARGETS=$BY_LANES
fi
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
  --instanceha.simulator.evacuation-time=${L}s --instanceha.simulator.rebuilds-per-host=$R \
  --instanceha.recovery.max-parallel-evacuations=$C \
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
  ( sleep "$(awk -v k=$k -v g=$GAP 'BEGIN {print k * g}')"
    curl -s $A -X POST localhost:$PORT/v1/notifications -H 'Content-Type: application/json' -d "{\"notification\":
      {\"type\":\"COMPUTE_HOST\",\"hostname\":\"rack$h\",\"generated_time\":\"$(date -u +%Y-%m-%dT%H:%M:%S.%6N)\",
       \"payload\":{\"event\":\"STOPPED\",\"host_status\":\"NORMAL\",\"cluster_status\":\"OFFLINE\"}}}" \
      > "$OUT/$h" ) &
  PIDS+=($!)
  k=$((k + 1))
done
wait "${PIDS[@]}"
NOTES=()
# One python for all the answers: a process per answer would take CPU from the engine, which is recovering.
mapfile -t NOTES < <(python3 -c 'import json, sys
for f in sys.argv[1:]: print(json.load(open(f))["notification"]["notification_uuid"])' "$OUT"/*)
rm -rf "$OUT"
BODIES=$(POLL=1 await_final "${NOTES[@]}")
CPU1=$(cpu $APP)
PEAK=$(rss $APP VmHWM)
MOVES=$(for n in "${NOTES[@]}"; do
  curl -s $A -H 'OpenStack-API-Version: instance-ha 1.3' "localhost:$PORT/v1/notifications/$n/vmoves?limit=1000"; echo
done)
LOOKS=$(curl -s $A "localhost:$PORT/engine-rest/history/activity-instance/count?activityId=LookForSlotAgain" \
  | json "d['count']")
python3 - "$H" "$I" "$S" "$B" "$C" "$L" "$CPU0" "$CPU1" "$PEAK" "$IDLE" "$LOOKS" <<PY
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
# How well the bound was used: VM moves ongoing (claim to recorded outcome) on average over the time from the
# first claim to the last outcome; and how often a waiting instance looked for a slot on its own (the timer
# "Look for a slot again") instead of being woken by a freed one.
spans = [(t(m["start_time"]), t(m["end_time"])) for line in """$MOVES""".splitlines() if line.strip()
         for m in json.loads(line)["vmoves"] if m["start_time"] and m["end_time"]]
if spans:
    window = (max(e for _, e in spans) - min(s for s, _ in spans)).total_seconds()
    busy = sum((e - s).total_seconds() for s, e in spans)
    print("moves ongoing: %.1f on average of the bound %d, over %.1f s; a waiting instance looked for a slot on its own %s time(s)"
          % (busy / window, b, window, sys.argv[11]))
bad = [n["message"] for n in notes if n["status"] != "finished"]
for m in bad[:5]:
    print("  not finished:", m)
PY
