#!/usr/bin/env bash
# Intake: notifications per second accepted by POST /v1/notifications on PostgreSQL, with p50 and p99
# latency, from wrk on loopback (Debian's wrk package). Every request is for another host of a disabled
# segment (no duplicates; each workflow ends "ignored" at once, so what is measured is the intake: the
# checks, the stored notification and the workflow's start). A warm-up of W seconds (default 15) on half
# of the hosts lets the JIT compile the intake first (without it, a 10 s run measures a cold JVM: 20 to
# 30/s instead of 60 to 70/s); then D seconds (default 10) on the other half are measured, never more
# requests than hosts. Prints the figures and exits. PROFILE=FILE.jfr records the measured run with Java
# Flight Recorder.
#
#   bench/intake.sh                      W=15 D=10 CONNECTIONS=32 HOSTS=40000
#
# Needs the PostgreSQL of .ci/postgres-up (role instanceha); it creates the database instanceha_bench
# (as the postgres user) if it is missing, and empties it at each run.
set -euo pipefail
cd "$(dirname "$0")/.."
W=${W:-15}
D=${D:-10}
CONNECTIONS=${CONNECTIONS:-32}
HOSTS=${HOSTS:-40000}
PORT=${PORT:-8094}
command -v wrk >/dev/null || { echo "wrk is missing: sudo apt-get install -y wrk" >&2; exit 1; }
. bench/lib-sim.sh
DB=instanceha_bench
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$*"; else sudo -u postgres sh -c "$*"; fi; }
as_postgres psql -q -c "\"DROP DATABASE IF EXISTS $DB\"" >/dev/null
as_postgres psql -q -c "\"CREATE DATABASE $DB OWNER instanceha\"" >/dev/null

export INSTANCEHA_DB_URL=jdbc:postgresql://localhost:5432/$DB INSTANCEHA_DB_USERNAME=instanceha \
  INSTANCEHA_DB_PASSWORD=instanceha
start_app target/intake.log --spring.profiles.active=postgres
trap 'kill $APP 2>/dev/null || true' EXIT
SEG=$(add_segment intake false)
# The hosts straight into the database: registering 20,000 through the API would take longer than the run.
PGPASSWORD=instanceha psql -q -h localhost -U instanceha $DB <<SQL
INSERT INTO hosts (uuid, name, failover_segment_id, type, control_attributes, reserved, on_maintenance, priority,
                   created_at, deleted)
SELECT gen_random_uuid()::text, 'intake-' || lpad(i::text, 5, '0'), s.id, 'COMPUTE', 'SSH', false, false, 0,
       now(), 0
FROM generate_series(0, $HOSTS - 1) AS i, segments s WHERE s.uuid = '$SEG';
SQL
THREADS=2
export INTAKE_AUTH=$(printf 'admin:bench-password' | base64)
export INTAKE_HOSTS_PER_THREAD=$((HOSTS / 2 / THREADS))
INTAKE_OFFSET=0 wrk -t$THREADS -c$CONNECTIONS -d${W}s -s bench/intake.lua http://localhost:$PORT >/dev/null
WARM=$(PGPASSWORD=instanceha psql -tA -h localhost -U instanceha $DB -c "SELECT COUNT(*) FROM notifications")
export INTAKE_OFFSET=$((HOSTS / 2))
[ -z "${PROFILE:-}" ] || jcmd $APP JFR.start name=measured settings=profile >/dev/null
OUT=$(wrk -t$THREADS -c$CONNECTIONS -d${D}s --latency -s bench/intake.lua http://localhost:$PORT)
echo "$OUT" | sed 's/^/  wrk: /'
[ -z "${PROFILE:-}" ] || jcmd $APP JFR.stop name=measured filename="$(realpath "$PROFILE")" >/dev/null
ACCEPTED=$(( $(PGPASSWORD=instanceha psql -tA -h localhost -U instanceha $DB -c "SELECT COUNT(*) FROM notifications") - WARM ))
python3 - "$OUT" "$ACCEPTED" "$D" <<'PY'
import re, sys
out, accepted, d = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
def ms(label):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % label, out, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print("intake on PostgreSQL: %.0f requests/s, p50 %.1f ms, p99 %.1f ms; %d notifications stored, %s refused"
      % (rate, ms("50"), ms("99"), accepted, bad.group(1) if bad else "none"))
PY
