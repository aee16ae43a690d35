#!/usr/bin/env bash
# Offline evaluation: replays a dataset in time order, test-then-learn, through the job's recommenders
# (their plain-Java cores, driven directly) and the baselines; writes metrics.json, report.md and plots.
#
#   scripts/eval.sh --dataset DIR|synthetic[:N] [--recommenders model,model-diverse,model-frozen,baseline,
#                   popularity,recent-popularity,decayed-popularity,cooccurrence,online-mf,text,random]
#                   [--limit N] [--out DIR] [--top-n 10] [--warm-up 0.6] [--held-out 0.2] [--recent-days 7]
#                   [--cooccurrence-window 20] [--popularity-half-life-days 365] [--mf-factors 64]
#                   [--mf-learning-rate 0.05] [--mf-regularisation 0.01] [--mf-negatives 64] [--seed 42]
#                   [--text-model all-minilm-l6-v2-q] [--text-threads 2] [-- --job.option value ...]
#
# DIR holds MovieLens latest (movies.csv + ratings.csv), MovieLens 100K (u.data + u.item) or the generic
# events.csv + items.csv (docs/datasets.md); "synthetic" (or synthetic:N events, default 50000) replays the
# project's synthetic shop with planted tastes. Default --out: .local/eval/<dataset folder name>.
# Options after -- go to the job's recommenders (model, baseline), e.g. -- --ranking.candidates.co-occurring 30.
# EVAL_JAVA_OPTS adds JVM options (default heap -Xmx3g). See docs/evaluation.md.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ $# -eq 0 || "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  script_usage
  exit 0
fi

# Its own options come before a "--"; the job options after it are passed on as they are.
dataset_and_out "$@"
args=("$@")
[[ -n "$dataset" ]] || die "--dataset DIR is required (see scripts/eval.sh --help)"
if [[ "$dataset" =~ ^synthetic(:[0-9]+)?$ ]]; then
  dataset_name=synthetic  # the project's synthetic shop with planted tastes, generated in the JVM
else
  [[ -d "$dataset" ]] || die "dataset folder $dataset does not exist"
  dataset_name="$(basename "$(cd "$dataset" && pwd)")"
fi
if [[ -z "$out" ]]; then
  out="$LOCAL/eval/$dataset_name"
  args=(--out "$out" "${args[@]}")
fi

EVAL_CP_FILE="$ROOT/evaluation/target/eval-classpath.txt"
# Another module mid-edit must not block an evaluation that is already built.
if ! (ensure_built); then
  [[ -f "$EVAL_CP_FILE" ]] || die "build failed"
  info "build failed; evaluating with the classes built before"
fi
if [[ ! -f "$EVAL_CP_FILE" || ! -d "$ROOT/evaluation/target/classes" ]]; then
  build_modules install evaluation || die "build failed"
fi

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
info "evaluating $dataset -> $out (commit $commit)"
jvm_module_flags
private_classpath "$LOCAL/eval" "$ROOT/evaluation/target/classes" "$EVAL_CP_FILE"
# shellcheck disable=SC2086
"$JAVA" "${JAVA_OPTS_COMMON[@]}" "${JVM_MODULE_FLAGS[@]}" -Xmx3g -Djava.awt.headless=true \
  -Dstreamrec.models.root="$ROOT/onnx-models/target/models" ${EVAL_JAVA_OPTS:-} \
  -cp "$classpath" io.streamrec.eval.EvalMain --commit "$commit" "${args[@]}"
