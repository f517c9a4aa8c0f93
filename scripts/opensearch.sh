#!/usr/bin/env bash
# A local OpenSearch 3.3.2 node for `copbot bench search --peer-opensearch` (issue 21), from Maven Central only.
#   scripts/opensearch.sh start    # fetch (once), unpack, start on 127.0.0.1:9200 with 1 GB heap, wait for yellow
#   scripts/opensearch.sh stop
# The integ-test zip has no analysis-common module, without which "analyzer": "english" is refused, so its jar is
# added under modules/ with the descriptor OpenSearch looks for. OpenSearch refuses to run as root: when we are root
# it runs as the system user copbot-os (created if missing). The zip has no security plugin: plain HTTP.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=3.3.2
PORT=${OPENSEARCH_PORT:-9200}
CACHE=${OPENSEARCH_CACHE:-$HOME/.cache/copbot-opensearch}
# Unpacked outside $HOME: the node runs as another user, who cannot enter root's home.
HOME_DIR=${OPENSEARCH_HOME_DIR:-/var/tmp/copbot-opensearch-$VERSION}
OS_USER=copbot-os

fetch() {
  [[ -f $CACHE/opensearch-$VERSION.zip && -f $CACHE/analysis-common-$VERSION.jar ]] && return
  mkdir -p "$CACHE"
  # -N: only this goal, not once per module; the artifacts come from Maven Central like every other dependency.
  ./mvnw -B -q -N dependency:copy -Dmdep.stripVersion=false -DoutputDirectory="$CACHE" \
    -Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip
  ./mvnw -B -q -N dependency:copy -DoutputDirectory="$CACHE" \
    -Dartifact=org.opensearch.plugin:analysis-common:$VERSION:jar
}

unpack() {
  [[ -d $HOME_DIR/modules/analysis-common ]] && return
  rm -rf "$HOME_DIR.tmp" && mkdir -p "$HOME_DIR.tmp"
  (cd "$HOME_DIR.tmp" && "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jar" xf "$CACHE/opensearch-$VERSION.zip")
  mv "$HOME_DIR.tmp/opensearch-$VERSION" "$HOME_DIR" && rm -rf "$HOME_DIR.tmp"
  mkdir -p "$HOME_DIR/modules/analysis-common"
  cp "$CACHE/analysis-common-$VERSION.jar" "$HOME_DIR/modules/analysis-common/"
  cat > "$HOME_DIR/modules/analysis-common/plugin-descriptor.properties" <<EOF
description=Analysis modules (english analyzer and others), added for the CoP Bot benchmark
version=$VERSION
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisModulePlugin
java.version=21
opensearch.version=$VERSION
EOF
  chmod +x "$HOME_DIR"/bin/*
}

as_user() {
  if [[ $(id -u) == 0 ]]; then
    id "$OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$OS_USER"
    chown -R "$OS_USER" "$HOME_DIR"
    runuser -u "$OS_USER" -- "$@"
  else
    "$@"
  fi
}

start() {
  : "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
  fetch
  unpack
  if curl -fsS "http://127.0.0.1:$PORT" >/dev/null 2>&1; then
    echo "something already answers on 127.0.0.1:$PORT" >&2; exit 1
  fi
  as_user env OPENSEARCH_JAVA_HOME="$JAVA_HOME" OPENSEARCH_JAVA_OPTS="-Xms1g -Xmx1g" \
    "$HOME_DIR/bin/opensearch" -d -p "$HOME_DIR/opensearch.pid" \
    -Ediscovery.type=single-node -Enetwork.host=127.0.0.1 -Ehttp.port="$PORT" \
    -Ecluster.routing.allocation.disk.threshold_enabled=false \
    >"$CACHE/start.out" 2>&1 # the daemon keeps its inherited output open: a caller's pipe would never close
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null \
        | grep -Eq '"status":"(green|yellow)"'; then
      echo "OpenSearch $VERSION on http://127.0.0.1:$PORT (pid $(cat "$HOME_DIR/opensearch.pid"))"
      return
    fi
    sleep 1
  done
  echo "OpenSearch did not become ready; see $HOME_DIR/logs" >&2; exit 1
}

stop() {
  local pidfile=$HOME_DIR/opensearch.pid
  [[ -f $pidfile ]] || { echo "not running (no $pidfile)"; return; }
  local pid; pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  rm -f "$pidfile"
  echo "stopped OpenSearch (pid $pid)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
