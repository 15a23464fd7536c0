#!/usr/bin/env bash
# p50/p95 answer times of the dashboard's heaviest pages at volume (10,000 notifications, 100,000 VM
# moves), on H2 and on PostgreSQL: runs DashboardPageBenchmarkIT in each of the test suite's two database
# passes and prints its figures. Needs a local PostgreSQL (.ci/postgres-up makes one).
#
#   bench/dashboard-pages.sh            both databases
#   DB=h2 bench/dashboard-pages.sh      H2 only (DB=postgres: PostgreSQL only)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-both}
run() { # run EXECUTION REPORTS
  mvn -B -q surefire:test@"$1" -Dtest=DashboardPageBenchmarkIT -Dinstanceha.bench.exclude=none \
      -Dinstanceha.test.postgres.exclude=none -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
  grep -h -A4 'BENCHMARK dashboard' "$2"/org.instanceha.dashboard.DashboardPageBenchmarkIT-output.txt
}
mvn -B -q test-compile
if [ "$DB" != postgres ]; then run default-test target/surefire-reports; fi
if [ "$DB" != h2 ]; then
  .ci/postgres-up >/dev/null
  run postgres target/surefire-reports-postgres
fi
