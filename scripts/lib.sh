# Shared by the scripts: paths, the offline switch for native libraries, and building on demand.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
# DJL's tokenizer library must not contact anything at load; every process of ours runs offline.
export OPT_OUT_TRACKING=true
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$LOCAL/djl-cache}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVA_OPTS_COMMON=(-Doffline=true -DOPT_OUT_TRACKING=true)

# The JVM module flags of every JVM of ours that runs Flink or the model (Java 17 openings, the vector module
# for the model's SIMD dot products): one list, the parent pom's jvm.module.flags, as the build wrote it.
# Sets JVM_MODULE_FLAGS; call after ensure_built.
jvm_module_flags() {
  local file="$ROOT/tools/target/classes/io/streamrec/local/jvm-module-flags.txt"
  [[ -f "$file" ]] || die "missing $file: build first (mvn -B install -DskipTests)"
  read -r -a JVM_MODULE_FLAGS < "$file"
}

info() { printf '\033[1m[streamrec]\033[0m %s\n' "$*"; }
die() { printf '[streamrec] error: %s\n' "$*" >&2; exit 1; }

# The one way the scripts run Maven: maven ARGS... in the project's root, offline first (after one build
# everything it needs is in the local repository), and with Maven Central only when that fails.
maven() {
  (cd "$ROOT" && mvn -B -o -q "$@") && return 0
  info "offline build failed; retrying with Maven Central" >&2
  (cd "$ROOT" && mvn -B -q "$@")
}

# Builds MODULES (comma-separated) and the modules they need, without tests:
# build_modules GOAL MODULES [MAVEN_ARGS...], e.g. build_modules compile benchmarks -Pgpu.
build_modules() {
  local goal="$1" modules="$2"; shift 2
  info "building $modules (mvn $goal -pl $modules -am${*:+ $*}) ..." >&2
  maven "$goal" -DskipTests -pl "$modules" -am "$@"
}

# Builds the project (without tests) when its outputs are missing or older than the sources.
ensure_built() {
  local stamp="$LOCAL/build.stamp"
  local stale=""
  if [[ -f "$stamp" && -f "$ROOT/flink-jobs/target/job-classpath.txt" && -f "$ROOT/tools/target/tools-classpath.txt" ]]; then
    stale=$(find "$ROOT" \( -path "$ROOT/.local" -o -name target -o -path "$ROOT/.git" \) -prune -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$stamp" -print -quit 2>/dev/null)
  else
    stale="no build yet"
  fi
  if [[ -n "$stale" ]]; then
    info "building (mvn -B -q install -DskipTests) ..."
    mkdir -p "$LOCAL"
    local started="$LOCAL/build.started"
    touch "$started"
    maven install -DskipTests || die "build failed"
    # Sources edited during the build stay newer than the stamp and trigger the next build.
    mv -f "$started" "$stamp"
  fi
}

tools_cp() { echo "$ROOT/tools/target/classes:$(cat "$ROOT/tools/target/tools-classpath.txt")"; }
job_cp() { echo "$ROOT/flink-jobs/target/classes:$(cat "$ROOT/flink-jobs/target/job-classpath.txt")"; }

# Runs a tools main class in the foreground: run_tool CLASS ARGS...
run_tool() {
  local cls="$1"; shift
  "$JAVA" "${JAVA_OPTS_COMMON[@]}" -Xmx1g -cp "$(tools_cp)" "$cls" "$@"
}

# Sets $classpath to a private copy of CLASSES_DIR and of the project's own jars in CP_FILE (under DIR, removed
# on exit): another build installing them mid-run would otherwise pull classes from under the running JVM
# (NoClassDefFoundError minutes into a replay). Usage: private_classpath DIR CLASSES_DIR CP_FILE
private_classpath() {
  local snapshot="$1/.classpath.$$" entries entry
  # shellcheck disable=SC2064  # the path is fixed now
  trap "rm -rf '$snapshot'" EXIT
  mkdir -p "$snapshot"
  cp -r "$2" "$snapshot/classes"
  classpath="$snapshot/classes"
  IFS=: read -r -a entries < "$3" || true  # the file has no final newline
  for entry in "${entries[@]}"; do
    if [[ "$(basename "$entry")" == streamrec-* ]]; then
      cp "$entry" "$snapshot/" && entry="$snapshot/$(basename "$entry")"
    fi
    classpath+=":$entry"
  done
}

# Prints the calling script's header comment (the lines from 2 up to its "set -euo"): its usage.
script_usage() { sed -n '2,/^set -euo/{/^set -euo/d;p;}' "${BASH_SOURCE[1]}" | sed 's/^# \{0,1\}//'; }

# Sets $dataset and $out from a command line's --dataset and --out (before a "--"), for checks that should come
# before a build; the Java side reads the whole command line.
dataset_and_out() {
  dataset="" out=""
  local args=("$@") i
  for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
      --) break ;;
      --dataset) dataset="${args[i + 1]:-}" ;;
      --dataset=*) dataset="${args[i]#--dataset=}" ;;
      --out) out="${args[i + 1]:-}" ;;
      --out=*) out="${args[i]#--out=}" ;;
    esac
  done
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
