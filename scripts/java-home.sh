# Sourced by ./copbot and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if new enough, then the `java` on PATH, then the newest JDK under /usr/lib/jvm
# (or macOS's /Library/Java/JavaVirtualMachines). Fails with advice when there is none.

copbot_java_major() { # $1 = a JDK home; prints its major version, or nothing
  local home="$1" v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  [ -n "$v" ] || v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  v=${v#1.}
  echo "${v%%[.+-]*}"
}

copbot_pick_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(copbot_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then export JAVA_HOME; return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(copbot_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] && [ ! -L "$candidate" ] || continue
    major=$(copbot_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
  done
  if [ "$best_major" -ge 21 ]; then export JAVA_HOME="$best"; return 0; fi
  echo "CoP Bot needs a JDK 21 or newer (found none: JAVA_HOME=${JAVA_HOME:-unset}, PATH java ${best_major:+and /usr/lib/jvm up to $best_major})." >&2
  echo "Install one (e.g. apt-get install openjdk-21-jdk, or Temurin 21) or point JAVA_HOME at it." >&2
  return 1
}
