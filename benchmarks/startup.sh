#!/usr/bin/env bash
# Start-up time and resident memory of the service next to a bare Camunda 7.24 Spring Boot
# app, started alternately on fresh H2 file databases, each as its executable jar and with
# class-data sharing (Spring Boot's extracted layout and a CDS archive from a training run, the
# same treatment for both). Prints markdown table rows.
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

# Class-data sharing: the jar extracted as Spring Boot recommends, and an archive of the classes
# a training run (until the context has refreshed, on a fresh database) loaded.
with_cds() {
  local jar="$1" name="$2" dir="$work/data-training-$2"
  java -Djarmode=tools -jar "$jar" extract --destination "$work/$name" > /dev/null
  mkdir -p "$dir"
  GOVERNANCE_DATA_DIR="$dir" DATA_DIR="$dir" java -XX:ArchiveClassesAtExit="$work/$name/app.jsa" \
    -Dspring.context.exit=onRefresh -jar "$work/$name/$(basename "$jar")" --server.port=18099 > "$dir.log" 2>&1
}
with_cds "$service_jar" extracted-service
with_cds "$bare_jar" extracted-bare
service_cds=(-XX:SharedArchiveFile="$work/extracted-service/app.jsa" -jar "$work/extracted-service/$(basename "$service_jar")")
bare_cds=(-XX:SharedArchiveFile="$work/extracted-bare/app.jsa" -jar "$work/extracted-bare/$(basename "$bare_jar")")

# One start (java arguments, then the port): seconds until the webapps answer over HTTP, and
# VmRSS (MiB) at that moment.
measure() {
  local port="${*: -1}" dir="$work/data-$RANDOM$RANDOM"
  mkdir -p "$dir"
  local start end pid rss
  start=$(date +%s.%N)
  GOVERNANCE_DATA_DIR="$dir" DATA_DIR="$dir" java "${@:1:$#-1}" --server.port="$port" > "$dir.log" 2>&1 &
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

: > "$work/service" ; : > "$work/bare" ; : > "$work/service-cds" ; : > "$work/bare-cds"
for i in $(seq 1 "$runs"); do
  measure -jar "$bare_jar" 18081 >> "$work/bare"
  measure -jar "$service_jar" 18080 >> "$work/service"
  measure "${bare_cds[@]}" 18081 >> "$work/bare-cds"
  measure "${service_cds[@]}" 18080 >> "$work/service-cds"
done
rows() {
  local service="$1" bare="$2" how="$3"
  local s_time s_rss b_time b_rss
  s_time=$(cut -d' ' -f1 "$work/$service" | median); s_rss=$(cut -d' ' -f2 "$work/$service" | median)
  b_time=$(cut -d' ' -f1 "$work/$bare" | median); b_rss=$(cut -d' ' -f2 "$work/$bare" | median)
  printf '| start-up to first HTTP answer, %s (median of %s) | %.1f s | %.1f s | %.2fx | 1.3x |\n' \
    "$how" "$runs" "$s_time" "$b_time" "$(awk -v a="$s_time" -v b="$b_time" 'BEGIN {print a / b}')"
  printf '| resident memory after start-up, %s (median of %s) | %s MiB | %s MiB | %.2fx | 1.3x |\n' \
    "$how" "$runs" "$s_rss" "$b_rss" "$(awk -v a="$s_rss" -v b="$b_rss" 'BEGIN {print a / b}')"
}
rows service bare "executable jar"
rows service-cds bare-cds "class-data sharing"
