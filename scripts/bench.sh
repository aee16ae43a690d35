#!/usr/bin/env bash
# StreamRec benchmarks.
#
#   scripts/bench.sh encoder [--out DIR] [--quick] [--provider cpu|cuda] [--device-id N]
#                            [--models fp32,int8] [--threads 1,2] [--texts short,medium]
#                            [--batches 1,8,32,128] [--seconds S] [--reps N]
#       Text encoder throughput: the operator path (async function + micro-batcher) against a bare
#       ONNX Runtime loop over the same batches. Writes DIR/encoder.json (default DIR: target/bench).
#   scripts/bench.sh pipeline [--events N] [--rate R] [--parallelism P] [--catalogue C] [--out DIR] [--quick]
#                             [--jobs passthrough,baseline,model] [--no-exactly-once] [--profile] [--pin]
#                             [--latency-sweep 0.05,0.1,0.25] [-- --job.option value ...]
#       End-to-end: a pass-through job (the ceiling), the product job with the baseline and with the model,
#       each on Flink's local cluster in a JVM of its own, one Kafka broker: events/s at saturation, events per
#       CPU-second of the job's JVM alone, latency p50/p95/p99/max at a fixed rate (at-least-once and
#       exactly-once); --pin gives the job's JVM CPU 0 to itself. Writes DIR/bench.json (default DIR:
#       target/bench), DIR/bench.log and DIR/job-<run>.log; --profile also records each job's JVM in
#       DIR/profile-<run>.jfr and prints the hottest frames of each. See docs/performance.md.
#   scripts/bench.sh ranking [--out DIR] [--quick] [--sizes 10000,100000,1000000] [--dim 384] [--reps N]
#       ModelRanker.rank throughput, exact vs HNSW index, recall@100; writes DIR/ranking.json (docs/ranking.md).
#   scripts/bench.sh sentiment [--dataset DIR] [--out DIR] [--limit N]
#       Review sentiment accuracy on labelled reviews (default DIR ../shared/datasets/amazon-all-beauty-5core);
#       writes DIR/sentiment.json (docs/ranking.md).
#
# Each is a main class of the benchmarks module, a package per benchmark: io.streamrec.bench.encoder.EncoderBenchmark,
# io.streamrec.bench.pipeline.PipelineBenchmark, io.streamrec.bench.ranking.RankingBenchmark,
# io.streamrec.bench.sentiment.SentimentBenchmark. `scripts/bench.sh COMMAND --help` lists every option of one
# with its description and default.
#
# Environment: BENCH_SKIP_BUILD=1 skips the Maven build; BENCH_MAVEN_ARGS adds Maven arguments (e.g. -Pgpu);
# BENCH_JAVA_OPTS adds JVM options (-Dstreamrec.simd=false: scalar dot products, for a before/after).
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { script_usage; }

# Builds MODULES with GOAL and BENCH_MAVEN_ARGS, unless BENCH_SKIP_BUILD=1.
bench_build() {
  [[ "${BENCH_SKIP_BUILD:-0}" == 1 ]] && return 0
  local extra=()
  read -r -a extra <<< "${BENCH_MAVEN_ARGS:-}"
  build_modules "$1" "$2" ${extra[@]+"${extra[@]}"}
}

# Builds the benchmarks module and what it needs (BENCH_MAVEN_ARGS added, e.g. -Pgpu), unless BENCH_SKIP_BUILD=1.
build_benchmarks() { bench_build compile benchmarks; }

# Sets BENCH_CP: copies of the modules' classes (other builds in the same tree must not swap them mid-run),
# then the benchmarks' Maven-resolved classpath. Copies go to DIR/.classes: bench_classpath DIR.
# BENCH_FLINK_JOBS_CLASSES points at another build of flink-jobs (before/after comparisons).
bench_classpath() {
  local classes="$1/.classes" m
  rm -rf "$classes" && mkdir -p "$classes"
  for m in benchmarks flink-jobs tools text-encoder schemas; do
    local src="$ROOT/$m/target/classes"
    [[ "$m" == flink-jobs && -n "${BENCH_FLINK_JOBS_CLASSES:-}" ]] && src="$BENCH_FLINK_JOBS_CLASSES"
    [[ -d "$src" ]] || { echo "missing $src: build first (mvn -B -o compile -pl benchmarks -am)" >&2; return 1; }
    cp -r "$src" "$classes/$m"
  done
  BENCH_CP="${BENCH_CLASSES_FIRST:+$BENCH_CLASSES_FIRST:}$classes/benchmarks:$classes/flink-jobs:$classes/tools"
  BENCH_CP+=":$classes/text-encoder:$classes/schemas:$(cat "$ROOT/benchmarks/target/bench-classpath.txt")"
}

bench_encoder() {
  local out="$ROOT/target/bench" args=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --out) out="$2"; shift 2 ;;
      *) args+=("$1"); shift ;;  # --help too: the benchmark's generated usage
    esac
  done
  mkdir -p "$out"
  out="$(cd "$out" && pwd)"
  build_benchmarks
  bench_classpath "$out"
  # shellcheck disable=SC2086
  java -Xmx1g ${BENCH_JAVA_OPTS:-} \
    -DOPT_OUT_TRACKING=true -Doffline=true \
    -DDJL_CACHE_DIR="$ROOT/benchmarks/target/djl-cache" \
    -Dstreamrec.models.root="$ROOT/onnx-models/target/models" \
    -cp "$BENCH_CP" io.streamrec.bench.encoder.EncoderBenchmark --out "$out" ${args[@]+"${args[@]}"}
}

# Hottest frames (top of stack) of a JFR recording's execution samples.
jfr_top() {
  local file="$1" n="${2:-25}"
  jfr print --events jdk.ExecutionSample "$file" \
    | awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print }' \
    | sort | uniq -c | sort -rn | sed -n "1,${n}p"  # sed reads to the end: no SIGPIPE under pipefail
}

bench_pipeline() {
  local out="$ROOT/target/bench" args=() profile=0
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --out) out="$2"; shift 2 ;;
      --profile) profile=1; shift ;;
      *) args+=("$1"); shift ;;  # --help too: the benchmark's generated usage
    esac
  done
  mkdir -p "$out"
  out="$(cd "$out" && pwd)"
  build_benchmarks
  jvm_module_flags
  bench_classpath "$out"
  local classes="$out/.classes"
  local jvm=(-Xmx3g -XX:+UseG1GC -DOPT_OUT_TRACKING=true -Doffline=true
    -DDJL_CACHE_DIR="$ROOT/benchmarks/target/djl-cache"
    -Dstreamrec.models.root="$ROOT/onnx-models/target/models"
    -Dstreamrec.broker.classpath="$ROOT/kafka-broker/target/broker-classpath.txt"
    -Dlog4j.configurationFile="$classes/benchmarks/log4j2-bench.properties" -Dbench.log.file="$out/bench.log"
    "${JVM_MODULE_FLAGS[@]}")
  if [[ "$profile" == 1 ]]; then  # the jobs' JVMs, where the job's time goes; {run} is each run's name
    jvm+=("-Dbench.job.jvm-options=-XX:StartFlightRecording=filename=$out/profile-{run}.jfr,settings=profile,dumponexit=true")
  fi
  local commit
  commit="$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [[ -n "$(cd "$ROOT" && git status --porcelain -- flink-jobs benchmarks 2>/dev/null)" ]]; then
    commit+="+local changes"
  fi
  local status=0
  # shellcheck disable=SC2086
  java "${jvm[@]}" ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" io.streamrec.bench.pipeline.PipelineBenchmark \
    --out "$out" --commit "$commit" ${args[@]+"${args[@]}"} || status=$?
  if [[ "$profile" == 1 ]]; then
    local recording
    for recording in "$out"/profile-*.jfr; do
      [[ -f "$recording" ]] || continue
      echo "Hottest frames of $(basename "$recording" .jfr) (JFR execution samples, the job's JVM, whole run):"
      jfr_top "$recording" 30 | tee "${recording%.jfr}-top.txt"
    done
  fi
  return "$status"
}

command="${1:-}"
[[ $# -gt 0 ]] && shift
case "$command" in
  encoder) bench_encoder "$@" ;;
  pipeline) bench_pipeline "$@" ;;
  ranking|sentiment)
    rb_out="$ROOT/target/bench" rb_args=() rb_dataset="$ROOT/../shared/datasets/amazon-all-beauty-5core"
    while [[ $# -gt 0 ]]; do
      case "$1" in
        --out) rb_out="$2"; shift 2 ;;
        --dataset) rb_dataset="$2"; shift 2 ;;
        *) rb_args+=("$1"); shift ;;  # --help too: the benchmark's generated usage
      esac
    done
    mkdir -p "$rb_out"
    rb_out="$(cd "$rb_out" && pwd)"
    build_benchmarks
    jvm_module_flags
    bench_classpath "$rb_out"
    if [[ "$command" == ranking ]]; then
      # 1M x 384 floats are 1.5 GB held twice (item vectors and the exact matrix) plus the graph.
      # shellcheck disable=SC2086
      java -Xmx${RANKING_BENCH_HEAP:-6g} "${JVM_MODULE_FLAGS[@]}" ${BENCH_JAVA_OPTS:-} -DOPT_OUT_TRACKING=true -Doffline=true -cp "$BENCH_CP" \
        io.streamrec.bench.ranking.RankingBenchmark --out "$rb_out" ${rb_args[@]+"${rb_args[@]}"}
    else
      # shellcheck disable=SC2086
      java -Xmx2g ${BENCH_JAVA_OPTS:-} -DOPT_OUT_TRACKING=true -Doffline=true \
        -DDJL_CACHE_DIR="$ROOT/benchmarks/target/djl-cache" \
        -Dstreamrec.models.root="$ROOT/onnx-models/target/models" \
        -cp "$BENCH_CP" io.streamrec.bench.sentiment.SentimentBenchmark --dataset "$rb_dataset" --out "$rb_out" \
        ${rb_args[@]+"${rb_args[@]}"}
    fi ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
