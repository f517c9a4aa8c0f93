#!/usr/bin/env bash
# Kill -9 during an import, then resume: total time of both runs against one uninterrupted import (issue 17, target
# <= 1.5x). Uses the packaged jar (./mvnw -B package -DskipTests -pl bot-dist -am).
# Usage: scripts/bench-resume.sh [MESSAGES] [KILL_AT_FRACTION]   (defaults: 100000 messages, killed at 0.5)
set -euo pipefail
messages=${1:-100000}
fraction=${2:-0.5}
jar=${COPBOT_JAR:-bot-dist/target/copbot.jar}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d /tmp/copbot-resume.XXXXXX)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
"$java" -jar "$jar" bench slack-export --messages "$messages" --out "$work/export" >/dev/null

start=$(now)
"$java" -jar "$jar" import slack-export "$work/export" --data "$work/clean" >/dev/null 2>&1
clean=$(echo "$(now) - $start" | bc)

kill_after=$(echo "$clean * $fraction" | bc)
start=$(now)
"$java" -jar "$jar" import slack-export "$work/export" --data "$work/killed" >/dev/null 2>&1 &
pid=$!
sleep "$kill_after"
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
first=$(echo "$(now) - $start" | bc)

start=$(now)
"$java" -jar "$jar" import slack-export "$work/export" --data "$work/killed" --json >"$work/resumed.json" 2>"$work/resumed.err"
second=$(echo "$(now) - $start" | bc)
resumed=$(sed -n 's/.*"messages":\([0-9]*\).*/\1/p' "$work/resumed.json")
if grep -q rebuilding "$work/resumed.err"; then rebuilt=yes; else rebuilt=no; fi

printf 'messages %s, killed at %.1f s (%.0f%% of a clean import)\n' "$messages" "$kill_after" "$(echo "$fraction * 100" | bc)"
printf 'clean import          %6.1f s\n' "$clean"
printf 'killed run            %6.1f s\n' "$first"
printf 'resumed run           %6.1f s (%s messages left to import; index rebuilt: %s)\n' "$second" "$resumed" "$rebuilt"
printf 'killed + resumed      %6.1f s = %.2fx the clean import\n' "$(echo "$first + $second" | bc)" \
  "$(echo "($first + $second) / $clean" | bc -l)"
