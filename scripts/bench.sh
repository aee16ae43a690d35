#!/usr/bin/env bash
# StreamRec benchmarks.
#
#   scripts/bench.sh encoder [--out DIR] [--quick] [--provider cpu|cuda] [--device-id N]
#                            [--models fp32,int8] [--threads 1,2] [--texts short,medium]
#                            [--batches 1,8,32,128] [--seconds S] [--reps N]
#       Text encoder throughput: the operator path (async function + micro-batcher) against a bare
#       ONNX Runtime loop over the same batches. Writes DIR/encoder.json (default DIR: target/bench).
#   scripts/bench.sh pipeline ...
#       End-to-end pipeline benchmark (not implemented yet).
#
# Environment: BENCH_SKIP_BUILD=1 skips the Maven build; BENCH_MAVEN_ARGS adds Maven arguments (e.g. -Pgpu);
# BENCH_JAVA_OPTS adds JVM options.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# DJL must not report usage over the network (see docs/encoder.md).
export OPT_OUT_TRACKING=true

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

build_encoder() {
  if [[ "${BENCH_SKIP_BUILD:-0}" == 1 ]]; then
    return
  fi
  echo "Building onnx-models and text-encoder ..." >&2
  # Offline first (the usual case); online only when something is still missing locally.
  # shellcheck disable=SC2086
  if ! (cd "$ROOT" && mvn -B -o -q install -DskipTests -pl onnx-models,text-encoder -am ${BENCH_MAVEN_ARGS:-}); then
    echo "Offline build failed; retrying with Maven Central" >&2
    # shellcheck disable=SC2086
    (cd "$ROOT" && mvn -B -q install -DskipTests -pl onnx-models,text-encoder -am ${BENCH_MAVEN_ARGS:-})
  fi
}

bench_encoder() {
  local out="$ROOT/target/bench" args=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --out) out="$2"; shift 2 ;;
      -h|--help) usage; exit 0 ;;
      *) args+=("$1"); shift ;;
    esac
  done
  mkdir -p "$out"
  build_encoder
  local module="$ROOT/text-encoder"
  local cp="$module/target/classes:$(cat "$module/target/classpath.txt")"
  # shellcheck disable=SC2086
  java -Xmx1g ${BENCH_JAVA_OPTS:-} \
    -DOPT_OUT_TRACKING=true -Doffline=true \
    -DDJL_CACHE_DIR="$module/target/djl-cache" \
    -Dstreamrec.models.root="$ROOT/onnx-models/target/models" \
    -cp "$cp" io.streamrec.text.bench.EncoderBenchmark --out "$out" ${args[@]+"${args[@]}"}
}

command="${1:-}"
[[ $# -gt 0 ]] && shift
case "$command" in
  encoder) bench_encoder "$@" ;;
  pipeline)
    echo "pipeline: not implemented yet" >&2
    exit 2 ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
