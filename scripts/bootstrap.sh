#!/usr/bin/env bash
# Starts the job warm from history: replays a dataset through the recommendation job itself (Flink's local
# cluster and a local Kafka broker, both in a work folder), takes a savepoint once every event is consumed and
# the model has settled, and writes it to --out without the Kafka sources' and sinks' state. The streaming job
# started from it (--execution.state-recovery.path DIR, or flink run -s DIR) holds the users' profiles, the item
# statistics, the item index and the model learned from the history, and reads its own topics from their
# configured offsets.
#
#   scripts/bootstrap.sh --dataset DIR --out DIR [--limit N] [--event-time shifted|original] [--work DIR]
#                        [--keep-work] [--progress-interval S] [-- JOB OPTIONS...]
#
# DIR holds MovieLens latest (movies.csv + ratings.csv), MovieLens 100K (u.data + u.item) or the generic
# events.csv + items.csv (docs/datasets.md). Give after -- the job options the streaming job will run with
# (recommender, learning, ranking, parallelism ...): the state is theirs. BOOTSTRAP_JAVA_OPTS adds JVM options
# (default heap -Xmx3g). See docs/deploy.md#starting-warm-from-history.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ $# -eq 0 || "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  script_usage
  exit 0
fi

# Its own options come before a "--"; the job options after it are passed on as they are.
dataset_and_out "$@"
# The same checks as the Java side, before a build that may take minutes.
[[ -n "$dataset" ]] || die "--dataset DIR is required (see scripts/bootstrap.sh --help)"
[[ -d "$dataset" ]] || die "--dataset $dataset does not exist or is not a folder"
[[ -n "$out" ]] || die "--out DIR is required: the folder the savepoint is written to"
if [[ -e "$out" ]]; then
  [[ -d "$out" ]] || die "--out $out exists and is not a folder"
  [[ -z "$(ls -A "$out")" ]] || die "--out $out exists and is not empty: give a new folder (an existing savepoint is never overwritten)"
fi

BOOT_CP_FILE="$ROOT/bootstrap/target/bootstrap-classpath.txt"
ensure_built
if [[ ! -f "$BOOT_CP_FILE" || ! -d "$ROOT/bootstrap/target/classes" ]]; then
  build_modules install bootstrap || die "build failed"
fi
jvm_module_flags

private_classpath "$LOCAL/bootstrap" "$ROOT/bootstrap/target/classes" "$BOOT_CP_FILE"

info "bootstrapping from $dataset into $out"
# shellcheck disable=SC2086
"$JAVA" "${JAVA_OPTS_COMMON[@]}" "${JVM_MODULE_FLAGS[@]}" -Xmx3g \
  -Dstreamrec.models.root="$ROOT/onnx-models/target/models" \
  -Dstreamrec.broker.classpath="$ROOT/kafka-broker/target/broker-classpath.txt" ${BOOTSTRAP_JAVA_OPTS:-} \
  -cp "$classpath" io.streamrec.bootstrap.Bootstrap "$@"
