#!/usr/bin/env bash
# A standalone Flink session cluster on this machine, without a Flink distribution: a JobManager and
# TaskManagers as separate JVMs from the Maven-resolved Flink jars (127.0.0.1 only).
#   scripts/cluster-local.sh start  [--task-managers N] [--slots S] [--port 8081] [--model] [--dir .local/flink]
#   scripts/cluster-local.sh status [--dir DIR]
#   scripts/cluster-local.sh submit [--dir DIR] [-- --kafka.bootstrap-servers 127.0.0.1:9092 ...job options]
#   scripts/cluster-local.sh stop   [--dir DIR]
# --model sizes the TaskManagers for the MODEL recommender (off-heap for ONNX Runtime) and puts the encoder's
# native-library jars on their classpath, loaded parent-first (docs/encoder.md, docs/reliability.md).
# A Kafka broker: scripts/kafka-local.sh start.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }
[[ $# -ge 1 ]] || { usage >&2; exit 2; }
case "$1" in -h|--help) usage; exit 0 ;; start|stop|status|submit) ;; *) usage >&2; exit 2 ;; esac
ensure_built
if [[ ! -f "$ROOT/tools/target/flink-classpath.txt" || ! -f "$ROOT/flink-jobs/target/streamrec-flink-jobs-0.1.0-SNAPSHOT.jar" ]]; then
  build_modules install tools,flink-jobs || die "build failed"
fi
args=("$@")
has_dir=false
for a in "${args[@]}"; do [[ "$a" == "--dir" ]] && has_dir=true; [[ "$a" == "--" ]] && break; done
if [[ "$has_dir" == false ]]; then
  # --dir goes before a '--' that starts the job's options.
  args=("${args[0]}" --dir "$LOCAL/flink" "${args[@]:1}")
fi
mkdir -p "$LOCAL"
exec "$JAVA" "${JAVA_OPTS_COMMON[@]}" -Xmx512m -Dstreamrec.root="$ROOT" \
  -cp "$(tools_cp)" io.streamrec.local.cluster.ClusterCli "${args[@]}"
