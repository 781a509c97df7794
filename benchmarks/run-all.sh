#!/usr/bin/env bash
# Every benchmark in one run, then the results table of docs/benchmarks.md rewritten from what
# they measured (machine, date, each figure beside its baseline and their ratio).
# Usage: benchmarks/run-all.sh   (from anywhere; needs PostgreSQL on 127.0.0.1:5432 like the tests)
#        benchmarks/run-all.sh --table-only   (only rewrites the table from target/benchmarks/, e.g. after
#        re-running one benchmark with mvn -Pbenchmarks test -Dtest=...)
# Takes about two hours on 2 cores (each scale data set takes about 15 minutes to build). Each benchmark also leaves its rows in target/benchmarks/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# The PostgreSQL benchmarks are part of the table: without PostgreSQL the run fails instead of
# leaving their rows out.
export CI=true

measured=0
if [ "${1:-}" != "--table-only" ]; then
  rm -rf target/benchmarks
  mkdir -p target/benchmarks
  benchmarks/startup.sh "${STARTUP_RUNS:-5}" | tee target/benchmarks/startup.md
  # Sizes can be lowered for a quick look, e.g. BENCHMARK_ARGS="-Dbenchmark.engagements=300"; the rows say what was measured.
  mvn -B -Pbenchmarks test ${BENCHMARK_ARGS:-} || measured=$?
  # The scale benchmark's stress row: the same portfolio staffed by 75 people (reported, not targeted).
  mvn -B -Pbenchmarks surefire:test@postgres-tests -Dtest=ScaleBenchmark -Dbenchmark.scale.staffing=stress \
    ${BENCHMARK_ARGS:-} || measured=$?
fi

table="$(mktemp)"
trap 'rm -f "$table"' EXIT
{
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1)," \
    "$(. /etc/os-release && echo "$PRETTY_NAME")."
  echo "Date: $(date -u +%F). Produced by \`benchmarks/run-all.sh\`${BENCHMARK_ARGS:+ with $BENCHMARK_ARGS}."
  echo
  echo "| measure | service | baseline | ratio | target |"
  echo "|---|---|---|---|---|"
  for name in startup outbox ingestion-h2 ingestion-postgresql scorecard-h2 scorecard-postgresql \
      review-calls-h2 review-calls-postgresql cluster-postgresql scale-postgresql scale-stress-postgresql; do
    file="target/benchmarks/$name.md"
    if [ -s "$file" ]; then
      sed 's/\x1b\[[0-9;]*m//g' "$file" | grep '^|'   # without the colour codes Maven printed
    else
      echo "| $name: not measured in this run (it failed; see the Maven output) | | | | |"
      measured=1
    fi
  done
} > "$table"

awk -v table="$table" '
  /<!-- results:start -->/ { print; while ((getline line < table) > 0) print line; skipping = 1; next }
  /<!-- results:end -->/   { skipping = 0 }
  !skipping                { print }
' docs/benchmarks.md > docs/benchmarks.md.new
mv docs/benchmarks.md.new docs/benchmarks.md
echo "docs/benchmarks.md: results table rewritten"
exit "$measured"
