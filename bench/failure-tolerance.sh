#!/usr/bin/env bash
# CPU time of a segment's failure tolerance (the recovery plan's tolerated_host_failures): every set of 1 and 2
# hosts failing together over 500 hosts and 10,000 instances (a roomy segment, and a tight one where a few pairs
# leave an instance behind), and N = 1 over the demo cloud. Runs FailureToleranceBenchmarkTest and prints its
# figures.
#   bench/failure-tolerance.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
mvn -B -q surefire:test@default-test -Dtest=FailureToleranceBenchmarkTest -Dinstanceha.bench.exclude=none \
    -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
grep -h -A4 'BENCHMARK failure tolerance' target/surefire-reports/org.instanceha.recovery.planning.FailureToleranceBenchmarkTest-output.txt
