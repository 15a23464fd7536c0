#!/usr/bin/env bash
# Recovery time on the simulated cloud for one failed host with N protected instances, against the
# ideal critical path and against what Masakari's defaults would take. Prints the figures and exits.
#
#   bench/simulator-recovery.sh [N ...]        default: 10 100 (500 takes several minutes)
#   L=2 C=10 bench/simulator-recovery.sh 500   L: seconds per evacuation, C: max parallel evacuations
#
# Each N runs in a fresh instance-ha (H2 in memory, the built-in simulator seeded with a host of N
# protected m1.tiny servers and five roomy targets). Measured: the notification's created_at to its
# final updated_at (server-side, as the API reports them). Ideal: ceil(N / C) x L (force-down and
# planning counted as zero). Masakari 14 defaults: 180 s after disabling the service, then 3 at a time
# with 1 s polling: 180 + ceil(N / 3) x ceil(L). Engine cost: CPU seconds the JVM used from the report
# to the final status, per evacuated instance (the JVM runs the simulator too, so this is an upper
# bound), its peak resident memory (VmHWM) and its resident memory at idle after start.
#
# W (default 100): before the measured failure, a warm-up host with W protected servers fails and is
# recovered, so that the measured one runs on a JVM that has compiled its hot code, as a long-running
# engine does. W=0 measures a JVM's first recovery (cold: the JIT compilers then use more CPU than the
# engine itself). PROFILE=FILE.jfr records the measured failure alone with Java Flight Recorder.
# TIMELINE=1 prints the measured workflow's steps (Camunda's history): the host's, and the instance
# evacuation that started first.
set -euo pipefail
cd "$(dirname "$0")/.."
L=${L:-2}
C=${C:-10}
W=${W:-100}
PORT=${PORT:-8092}
. bench/lib-sim.sh
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10 100)

# report HOST: reports HOST's failure; prints the notification's uuid.
report() {
  curl -s $A -X POST localhost:$PORT/v1/notifications -H 'Content-Type: application/json' -d "{\"notification\":
      {\"type\":\"COMPUTE_HOST\",\"hostname\":\"$1\",\"generated_time\":\"$(date -u +%Y-%m-%dT%H:%M:%S.%6N)\",
       \"payload\":{\"event\":\"STOPPED\",\"host_status\":\"NORMAL\",\"cluster_status\":\"OFFLINE\"}}}" \
      | json "d['notification']['notification_uuid']"
}
# final UUID: waits for the notification's final status; sets BODY and ST.
final() {
  BODY=$(await_final "$1")
  ST=$(echo "$BODY" | json "d['notification']['status']")
}

# timeline UUID: the steps of the notification's host workflow and of its first instance evacuation, each
# with its start (seconds after the workflow's) and its duration.
timeline() {
  local h="localhost:$PORT/engine-rest/history"
  for key in host-failure-recovery instance-evacuation; do
    local id
    id=$(curl -s $A "$h/process-instance?processInstanceBusinessKey=$1&processDefinitionKey=$key&sortBy=startTime&sortOrder=asc&maxResults=1" \
      | json "d[0]['id']")
    curl -s $A "$h/activity-instance?processInstanceId=$id&sortBy=startTime&sortOrder=asc" | python3 -c '
import json, sys
from datetime import datetime
steps = json.load(sys.stdin)
t = lambda s: datetime.strptime(s[:23], "%Y-%m-%dT%H:%M:%S.%f")
t0 = t(steps[0]["startTime"])
for s in steps:
    end = (t(s["endTime"]) - t(s["startTime"])).total_seconds() if s["endTime"] else float("nan")
    print("%8s %7.3f s  %6.3f s  %s" % ("", (t(s["startTime"]) - t0).total_seconds(), end, s["activityName"] or s["activityId"]))
'
  done
}

echo "warm-up: $W instance(s) recovered first"
printf "%6s %4s %4s %10s %9s %7s %14s %9s %12s %8s %8s\n" N L C measured_s ideal_s ratio masakari_s speed_up \
  cpu_ms/inst peak_MB idle_MB
for N in "${SIZES[@]}"; do
  SEED=$(mktemp --suffix .yaml)
  {
    seed_header
    echo "hosts:"
    echo "  - {name: failing, vcpus: $N, memory_mb: $((N * 512))}"
    [ "$W" -eq 0 ] || echo "  - {name: warmup, vcpus: $W, memory_mb: $((W * 512))}"
    for t in 1 2 3 4 5; do echo "  - {name: target$t, vcpus: 256, memory_mb: 262144}"; done
    echo "aggregates: []"
    echo "servers:"
    for i in $(seq 1 "$N"); do echo "  - {name: vm$i, host: failing, flavor: \"1\", metadata: {HA_Enabled: \"True\"}}"; done
    for i in $(seq 1 "$W"); do echo "  - {name: warm$i, host: warmup, flavor: \"1\", metadata: {HA_Enabled: \"True\"}}"; done
  } > "$SEED"
  LOG=target/simulator-recovery-$N.log
  start_app "$LOG" --spring.datasource.url=jdbc:h2:mem:bench$N --instanceha.simulator.seed=file:$SEED \
    --instanceha.simulator.evacuation-time=${L}s --instanceha.recovery.max-parallel-evacuations=$C \
    --instanceha.recovery.max-parallel-evacuations-total=0 --instanceha.recovery.capacity-claim-grace=0s
  trap 'kill $APP 2>/dev/null || true' EXIT
  S=$(add_segment bench)
  add_hosts "$S" failing target1 target2 target3 target4 target5
  [ "$W" -eq 0 ] || add_hosts "$S" warmup
  sleep 5
  IDLE=$(rss $APP VmRSS)
  if [ "$W" -gt 0 ]; then
    final "$(report warmup)"
    [ "$ST" = finished ] || echo "warm-up ended $ST: $BODY" >&2
    sleep 5
  fi
  [ -z "${PROFILE:-}" ] || jcmd $APP JFR.start name=measured settings=profile >/dev/null
  CPU0=$(cpu $APP)
  NOTE=$(report failing)
  final "$NOTE"
  CPU1=$(cpu $APP)
  MOVES=$(mktemp)
  curl -s $A -H 'OpenStack-API-Version: instance-ha 1.3' "localhost:$PORT/v1/notifications/$NOTE/vmoves?limit=1000" > "$MOVES"
  [ -z "${TIMELINE:-}" ] || timeline "$NOTE"
  [ -z "${PROFILE:-}" ] || jcmd $APP JFR.stop name=measured filename="$PROFILE" >/dev/null
  PEAK=$(rss $APP VmHWM)
  python3 - "$N" "$L" "$C" "$BODY" "$ST" "$CPU0" "$CPU1" "$PEAK" "$IDLE" "$MOVES" <<'PY'
import json, math, sys
from datetime import datetime
n, l, c, body, status = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
cpu = (float(sys.argv[7]) - float(sys.argv[6])) * 1000 / n
peak, idle = int(sys.argv[8]), int(sys.argv[9])
note = json.loads(body)["notification"]
t = lambda s: datetime.fromisoformat(s)
measured = (t(note["updated_at"]) - t(note["created_at"])).total_seconds()
ideal = math.ceil(n / c) * l
masakari = 180 + math.ceil(n / 3) * math.ceil(l)
print("%6d %4g %4d %10.1f %9.1f %7.2f %14.0f %8.1fx %12.1f %8d %8d  %s (%s)" % (n, l, c, measured, ideal,
      measured / ideal, masakari, masakari / measured, cpu, peak, idle, status, note["message"]))
# Where the time over the ideal goes: how long a move takes from its slot's claim to its recorded outcome
# (against L), and how long after one move's record the next one starts (the k-th start after the first C
# against the (k - C)-th end; below zero when slots are freed as the evacuation settles, before the record).
moves = [m for m in json.load(open(sys.argv[10]))["vmoves"] if m["start_time"] and m["end_time"]]
if len(moves) > c:
    starts = sorted(t(m["start_time"]) for m in moves)
    ends = sorted(t(m["end_time"]) for m in moves)
    held = sum((t(m["end_time"]) - t(m["start_time"])).total_seconds() for m in moves) / len(moves)
    idle_gaps = [(starts[k] - ends[k - c]).total_seconds() for k in range(c, len(starts))]
    first = (starts[0] - t(note["created_at"])).total_seconds()
    print("%6s first move started %.2f s after the report; a move takes %.2f s from its claim to its record"
          " (L = %g s); the next one starts %.2f s after a record, on average" % ("", first, held, l,
          sum(idle_gaps) / len(idle_gaps)))
PY
  kill $APP 2>/dev/null || true
  wait $APP 2>/dev/null || true
  rm -f "$SEED" "$MOVES"
done
