# Sourced by the launchers and build scripts: exports JAVA_HOME pointing at a Java >= 21, its feature release as
# OPENXPO_JAVA_MAJOR (for the launcher's own version checks), and puts its bin/ first on PATH.
# OPENXPO_JAVA=jre (set before sourcing) asks only for a runtime, enough to run a built jar; the default, jdk, also
# needs javac (building). Looked at in this order, the first good one wins: JAVA_HOME, the java on PATH, then the
# newest under /usr/lib/jvm (OPENXPO_JVM_DIR). None: one line on stderr saying what to install, and status 1.

# The feature release of the Java at HOME ("21"). Read from HOME/release (JAVA_VERSION="21.0.2"), which every JDK and
# JRE since 9 ships, so no JVM starts (seconds on a Pi); only without that line is the java itself asked.
java_major() {
  local v=""
  [ -r "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$1/release" | head -1)
  [ -n "$v" ] || v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1)
  v=${v%%.*}; v=${v%%-*}; v=${v%%+*}
  echo "$v"
}
openxpo_java_fits() {  # HOME: has bin/java (and bin/javac for a jdk) of release 21 or newer; sets openxpo_major
  openxpo_major=""
  [ -n "$1" ] && [ -x "$1/bin/java" ] || return 1
  [ "${OPENXPO_JAVA:-jdk}" = jre ] || [ -x "$1/bin/javac" ] || return 1
  openxpo_major=$(java_major "$1") && [ -n "$openxpo_major" ] && [ "$openxpo_major" -ge 21 ] 2>/dev/null
}
openxpo_find_java() {
  local on_path="" best="" best_major=0 d
  if openxpo_java_fits "${JAVA_HOME:-}"; then OPENXPO_JAVA_MAJOR=$openxpo_major; return 0; fi
  if command -v java >/dev/null 2>&1; then on_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")"); fi
  if openxpo_java_fits "$on_path"; then JAVA_HOME=$on_path; OPENXPO_JAVA_MAJOR=$openxpo_major; return 0; fi
  for d in "${OPENXPO_JVM_DIR:-/usr/lib/jvm}"/*/; do
    d=${d%/}
    openxpo_java_fits "$d" || continue
    if [ "$openxpo_major" -gt "$best_major" ]; then best=$d; best_major=$openxpo_major; fi
  done
  if [ -z "$best" ]; then
    local what="a Java 21 or newer (a JRE is enough)" pkg=openjdk-21-jre-headless
    if [ "${OPENXPO_JAVA:-jdk}" != jre ]; then what="a JDK 21 or newer to build"; pkg=openjdk-21-jdk-headless; fi
    echo "$(basename "$0"): needs $what, found none in JAVA_HOME, on PATH or in ${OPENXPO_JVM_DIR:-/usr/lib/jvm}: install one (Debian, Raspberry Pi OS: sudo apt install $pkg) or point JAVA_HOME at it." >&2
    return 1
  fi
  JAVA_HOME=$best; OPENXPO_JAVA_MAJOR=$best_major
}
openxpo_find_java || return 1
unset openxpo_major
export JAVA_HOME OPENXPO_JAVA_MAJOR
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's bundled Guava touches sun.misc.Unsafe; keep JDK 24+ quiet about it.
if [ "$OPENXPO_JAVA_MAJOR" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
# The JVM options of xpoctl for the Java found above, as the array OPENXPO_CLI_JAVA_OPTS: both launchers run it with
# them and packaging/build-aot-cache trains its AOT cache with them (so the cache holds what a real start loads).
# A command lives for seconds: C1 alone compiles what it needs sooner, and the serial collector starts no threads.
# Java 24+: Pi4J's FFM-based providers need native access (JDK 24+ warns, and will refuse, without it), and Netty may
# use sun.misc.Unsafe, as in the emulator: otherwise it links malloc and free through FFM on every start, about 0.1 s
# of CPU (docs/host-driver.md, "Start-up").
openxpo_cli_java_opts() {
  OPENXPO_CLI_JAVA_OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
  if [ "$OPENXPO_JAVA_MAJOR" -ge 24 ]; then
    OPENXPO_CLI_JAVA_OPTS+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  fi
}
