#!/usr/bin/env bash
# Start-up time and resident memory of the service next to a bare Camunda 7.24 Spring Boot
# app, started alternately on fresh H2 file databases. Prints one markdown table row per app.
# Usage: benchmarks/startup.sh [runs]   (run from anywhere; builds both jars first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -q -B package -DskipTests)
(cd "$root/benchmarks/bare-camunda" && mvn -q -B package)
service_jar="$(ls "$root"/target/bpo-governance-engine-*.jar | grep -v original | head -n 1)"
bare_jar="$root/benchmarks/bare-camunda/target/bare-camunda-1.jar"

# One start: seconds until the webapps answer over HTTP, and VmRSS (MiB) at that moment.
measure() {
  local jar="$1" port="$2" dir="$work/data-$RANDOM$RANDOM"
  mkdir -p "$dir"
  local start end pid rss
  start=$(date +%s.%N)
  GOVERNANCE_DATA_DIR="$dir" DATA_DIR="$dir" java -jar "$jar" --server.port="$port" > "$dir.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/camunda/app/" || true)
    [ "$code" != "000" ] && break
    sleep 0.1
  done
  end=$(date +%s.%N)
  sleep 2   # let start-up runners finish before reading memory
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v s="$start" -v e="$end" -v r="$rss" 'BEGIN {printf "%.2f %d\n", e - s, r / 1024}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

: > "$work/service" ; : > "$work/bare"
for i in $(seq 1 "$runs"); do
  measure "$bare_jar" 18081 >> "$work/bare"
  measure "$service_jar" 18080 >> "$work/service"
done
s_time=$(cut -d' ' -f1 "$work/service" | median); s_rss=$(cut -d' ' -f2 "$work/service" | median)
b_time=$(cut -d' ' -f1 "$work/bare" | median); b_rss=$(cut -d' ' -f2 "$work/bare" | median)
printf '| start-up to first HTTP answer (median of %s) | %.1f s | %.1f s | %.2fx | 1.3x |\n' \
  "$runs" "$s_time" "$b_time" "$(awk -v a="$s_time" -v b="$b_time" 'BEGIN {print a / b}')"
printf '| resident memory after start-up (median of %s) | %s MiB | %s MiB | %.2fx | 1.3x |\n' \
  "$runs" "$s_rss" "$b_rss" "$(awk -v a="$s_rss" -v b="$b_rss" 'BEGIN {print a / b}')"
