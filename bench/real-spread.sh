#!/usr/bin/env bash
# A host's recovery on the real test bed (../shared/openstack, without BMCs: reported STOPPED/NORMAL as a
# monitor would) against the cloud's own limit, instance-ha on a fresh JVM for every run, for 3 and 7 servers:
#   bench/real-spread.sh [HOST]      KS=3,7 R=3 W=1 by default; IHA_OPTS: more arguments for instance-ha
# The failure comes once the new JVM is idle (under 10 % of a core for 3 s: its start's compiling is over, as on a
# node that has been up a while); IDLE=0 reports it right after the start, while the JVM still compiles on the
# cores the test bed's nova-compute processes rebuild on. SAME_JVM=1: one instance-ha for every run (warm after its
# first recovery), to tell the engine's first-recovery cost from the rest.
# Needs: mvn -B package -DskipTests, a running test bed (openstack-up.sh all) with nothing else on port 8090.
# The servers are booted on HOST for each run and deleted after it; HOST is revived after each run.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(${TESTBED:-../shared/openstack/openstack-up.sh} env)"
PYTHONPATH=bench python3 bench/real_spread.py "${1:-compute1}"
