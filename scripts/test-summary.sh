# Sourced by ./copbot test: runs `./mvnw verify` with the whole log in target/copbot-test.log and prints a summary.
# A passing run prints each module, its "Tests run: N, Failures: ..." totals (CI reads them), and why tests were
# skipped; a failing run also prints every [ERROR] block in full, with the lines that follow it (stack traces).

copbot_test() {
  local log="target/copbot-test.log" status=0
  mkdir -p target && touch target/copbot-test.start
  ./mvnw -B --no-transfer-progress verify -Dmaven.test.redirectTestOutputToFile=true "$@" 2>&1 | tee "$log" | awk '
    /^\[ERROR\]/ { print; more = 1; next }
    /^\[(INFO|WARNING)\]/ { more = 0 }
    /^\[INFO\] Building / && !/jar$/ { print; next }
    /Tests run: [0-9]+, Failures/ && (!/ -- in / || /Skipped: [1-9]/ || /FAILURE|ERROR/) { print; next }
    /BUILD (SUCCESS|FAILURE)|Total time:/ { print; next }
    more { print }
  ' || status=$?
  # Surefire and failsafe print no reason for a skipped test; the reports keep it.
  find . -path '*/target/*-reports/TEST-*.xml' -newer target/copbot-test.start -print0 2>/dev/null \
    | xargs -0 -r cat | tr '\n' ' ' \
    | grep -o '<testcase name="[^"]*" classname="[^"]*"[^>]*>[[:space:]]*<skipped message="[^"]*"' \
    | sed -E 's/.*name="([^"]*)" classname="([^"]*)".*<skipped message="([^"]*)".*/Skipped \2.\1: \3/' \
    | sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g' | sort -u || true
  if [ "$status" -ne 0 ]; then
    echo "The whole log: $log; each test's own output: */target/{surefire,failsafe}-reports/*-output.txt"
  fi
  return "$status"
}
