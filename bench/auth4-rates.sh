#!/usr/bin/env bash
# Measures the AUTH-4 loopback verdict's error rates on this machine (docs/CONFORMANCE.md,
# "Timing-safe comparison"): runs the one loopback test, with its default budget, CLEAN times
# against the constant-time reference node and LEAKY times against the mutant
# leaky-compare-no-hook (docs/MUTATION.md) (a 200 us early-exit leak and no time_compare),
# alternating while both remain so both see the same load, one run at a time. Prints one line
# per run and the counts at the end.
#   bench/auth4-rates.sh [CLEAN=50] [LEAKY=15] [OUT=target/auth4-rates]
# Needs: mvn -q -pl conformance-suite,reference-node -am package -DskipTests (test classes too: no -Dmaven.test.skip)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
clean=${1:-50}; leaky=${2:-15}; out=${3:-$root/target/auth4-rates}
case "$clean$leaky" in *[!0-9]*) echo "usage: bench/auth4-rates.sh [CLEAN] [LEAKY] [OUT]" >&2; exit 2;; esac
mkdir -p "$out"
test="digests.TimingSafeCompareTest#overLoopbackNoLeakShowsAtTheMeasuredDetectionPower"
# The node JVM with C2, whose
# steady-state TLS handshakes cost the starved node far less CPU than C1's (more samples a second).
export SNOW_NODE_JAVA_OPTS="${AUTH4_NODE_JAVA_OPTS:--XX:+UseSerialGC}"
one() { # kind index command
  local log="$out/$1-$2.log"
  "$root/bin/snow-conformance" --iut "$3" --name "$1-$2" --select "$test" --output "$out/runs" >"$log" 2>&1 || true
  local verdict line
  verdict=$(grep -oE "^\[$1-$2\] [A-Z]+ +$test" "$log" | awk '{print $2}' | head -1)
  # A node that never answered start is a harness error, not a timing verdict.
  if grep -q "did not answer 'start'" "$log"; then verdict=ERROR; fi
  line=$(cat "$out/runs/$1-$2"/junit/*TimingSafeCompareTest*.xml 2>/dev/null | grep -m1 -oE "AUTH-4 over loopback [^<]*" || true)
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%H:%M:%S)" "$1" "$2" "${verdict:-ERROR}" "$line" | tee -a "$out/results.tsv"
}
: > "$out/results.tsv"
c=0; l=0
while (( c < clean || l < leaky )); do
  if (( l < leaky )); then l=$((l + 1)); one leaky "$l" "bin/snow-mutant leaky-compare-no-hook --adapter"; fi
  if (( c < clean )); then c=$((c + 1)); one clean "$c" "bin/snow-mutant none --adapter"; fi
done
echo "clean: $(awk -F'\t' '$2=="clean"{n[$4]++} END{for (v in n) printf "%s=%d ", v, n[v]}' "$out/results.tsv")"
echo "leaky: $(awk -F'\t' '$2=="leaky"{n[$4]++} END{for (v in n) printf "%s=%d ", v, n[v]}' "$out/results.tsv")"
