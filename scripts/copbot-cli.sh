# Sourced by the evaluation scripts: copbot ARGS runs $COPBOT_JAR when set (so a long run is not rebuilt midway when a
# source changes), else ./copbot, which builds the jar when the sources changed. Needs $root, the repository.
copbot() {
  if [ -n "${COPBOT_JAR:-}" ]; then
    . "$root/scripts/java-home.sh" && copbot_pick_jdk && "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$COPBOT_JAR" "$@"
  else
    "$root/copbot" "$@"
  fi
}
