# Sourced by the launchers and build scripts: exports JAVA_HOME pointing at a Java >= 21 and puts its bin/ first on PATH.
# OPENXPO_JAVA=jre (set before sourcing) asks only for a runtime, enough to run a built jar; the default, jdk, also
# needs javac (building). Looked at in this order, the first good one wins: JAVA_HOME, the java on PATH, then the
# newest under /usr/lib/jvm (OPENXPO_JVM_DIR). None: one line on stderr saying what to install, and status 1.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1 | cut -d. -f1; }
openxpo_java_fits() {  # HOME: has bin/java (and bin/javac for a jdk) of release 21 or newer
  [ -n "$1" ] && [ -x "$1/bin/java" ] || return 1
  [ "${OPENXPO_JAVA:-jdk}" = jre ] || [ -x "$1/bin/javac" ] || return 1
  local m; m=$(java_major "$1") && [ -n "$m" ] && [ "$m" -ge 21 ] 2>/dev/null
}
openxpo_find_java() {
  local on_path="" best="" best_major=0 d m
  if openxpo_java_fits "${JAVA_HOME:-}"; then return 0; fi
  if command -v java >/dev/null 2>&1; then on_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")"); fi
  if openxpo_java_fits "$on_path"; then export JAVA_HOME=$on_path; return 0; fi
  for d in "${OPENXPO_JVM_DIR:-/usr/lib/jvm}"/*/; do
    d=${d%/}
    openxpo_java_fits "$d" || continue
    m=$(java_major "$d")
    if [ "$m" -gt "$best_major" ]; then best=$d; best_major=$m; fi
  done
  if [ -z "$best" ]; then
    local what="a Java 21 or newer (a JRE is enough)" pkg=openjdk-21-jre-headless
    if [ "${OPENXPO_JAVA:-jdk}" != jre ]; then what="a JDK 21 or newer to build"; pkg=openjdk-21-jdk-headless; fi
    echo "$(basename "$0"): needs $what, found none in JAVA_HOME, on PATH or in ${OPENXPO_JVM_DIR:-/usr/lib/jvm}: install one (Debian, Raspberry Pi OS: sudo apt install $pkg) or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
openxpo_find_java || return 1
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's bundled Guava touches sun.misc.Unsafe; keep JDK 24+ quiet about it.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
