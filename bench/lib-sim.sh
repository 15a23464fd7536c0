# Shared by the benchmarks over the application's jar (simulator-recovery.sh, rack-failure.sh, intake.sh):
# finds (or builds) the jar, and small helpers. Sets JAR.
JAR=$(ls target/instance-ha-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -B -q package -DskipTests
  JAR=$(ls target/instance-ha-*.jar | head -1)
fi

# json EXPR: evaluates EXPR over the JSON document on stdin (as d).
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# cpu PID: CPU seconds (user + system) the process has used.
cpu() { awk '{print ($14 + $15) / 100}' /proc/$1/stat; }
# rss PID FIELD: resident memory in MB, FIELD VmRSS (now) or VmHWM (peak).
rss() { awk -v k="$2:" '$1 == k {print int($2 / 1024)}' /proc/$1/status; }

# seed_header: the projects, users and flavor m1.tiny of a simulator seed, as in the default cloud.
seed_header() {
  echo "projects: [{id: 688563ac36c44d0f8dbce4d0ab0a3f7f, name: admin}, {id: f2e949be43074e8fa5be0a3d22bd0eae, name: demo}]"
  echo "users:"
  echo "  - {id: 76c55a022c7d4a1e85e1cab6f58538e8, name: admin, password: secret, project: admin, roles: [reader, admin, member]}"
  echo "  - {id: 77bfba4c52a9468d8aa09a3f67667cb7, name: demo, password: secret, project: demo, roles: [reader, member]}"
  echo "flavors: [{id: \"1\", name: m1.tiny, vcpus: 1, ram: 512, disk: 1}]"
}
