#!/usr/bin/env bash
# Pipeline benchmark on a machine with an NVIDIA GPU:
#   1. records the GPU and driver (nvidia-smi),
#   2. samples GPU utilisation and memory (nvidia-smi --query-gpu=utilization.gpu,memory.used) every 500 ms,
#   3. runs the encoder benchmark on CUDA (scripts/bench.sh encoder --provider cuda),
#   4. runs the pipeline benchmark (pass-through ceiling and the full model) with --encoder.provider cuda and no
#      CPU fallback, so a CUDA problem fails loudly instead of measuring the CPU,
#   5. summarises utilisation per phase.
# Builds with -Pgpu (onnxruntime_gpu; needs CUDA 12 + cuDNN 9 libraries on LD_LIBRARY_PATH, see
# scripts/gpu-check.sh).
#
#   scripts/gpu-bench.sh [OUT_DIR] [pipeline options, e.g. --quick --catalogue 100000]
#
# Results in OUT_DIR (default target/gpu-bench): encoder.json, bench.json (same layout as
# scripts/bench.sh pipeline), gpu-utilisation.csv, gpu-summary.txt, nvidia-smi.txt, *.log.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/target/gpu-bench}"
[[ $# -gt 0 ]] && shift
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
export OPT_OUT_TRACKING=true

if ! command -v nvidia-smi >/dev/null; then
  echo "nvidia-smi not found: this machine has no NVIDIA driver; nothing to benchmark" >&2
  exit 1
fi
nvidia-smi | tee "$OUT/nvidia-smi.txt"
DEVICE_ID="${CUDA_DEVICE_ID:-0}"

# One sample every 500 ms; phases.txt records when each phase began, so the summary can split them.
nvidia-smi --id="$DEVICE_ID" --query-gpu=timestamp,utilization.gpu,memory.used --format=csv,nounits \
  -lms 500 > "$OUT/gpu-utilisation.csv" &
SMI_PID=$!
trap 'kill "$SMI_PID" 2>/dev/null || true' EXIT
phase() { echo "$(date '+%Y/%m/%d %H:%M:%S') $1" >> "$OUT/phases.txt"; }
: > "$OUT/phases.txt"

export BENCH_MAVEN_ARGS="-Pgpu ${BENCH_MAVEN_ARGS:-}"
status=0

phase encoder
"$ROOT/scripts/bench.sh" encoder --out "$OUT" --provider cuda --device-id "$DEVICE_ID" --quick 2>&1 \
  | tee "$OUT/encoder.log" || status=$?

phase pipeline
"$ROOT/scripts/bench.sh" pipeline --out "$OUT" --jobs passthrough,model "$@" -- \
  --encoder.provider cuda --encoder.cuda.device-id "$DEVICE_ID" --encoder.cuda.fallback-to-cpu false 2>&1 \
  | tee "$OUT/pipeline.log" || status=$?

phase done
sleep 1
kill "$SMI_PID" 2>/dev/null || true
wait "$SMI_PID" 2>/dev/null || true

# Each sample belongs to the last phase that began before its timestamp (both "YYYY/MM/DD hh:mm:ss").
awk -F', *' 'FNR == NR { t[++np] = $1 " " $2; name[np] = $3; next }
  FNR > 1 && $2 != "" { p = "setup"; for (i = 1; i <= np; i++) if (substr($1, 1, 19) >= t[i]) p = name[i]
    n[p]++; sum[p] += $2; if ($2 > max[p]) max[p] = $2; if ($3 > mem[p]) mem[p] = $3 }
  END { for (p in n) printf "%-9s GPU utilisation over %d samples: mean %.1f %%, max %d %%; memory used max %d MiB\n",
        p, n[p], sum[p] / n[p], max[p], mem[p] }' FS=' ' "$OUT/phases.txt" FS=', *' "$OUT/gpu-utilisation.csv" \
  | sort | tee "$OUT/gpu-summary.txt"
grep -q '"provider": "cuda"' "$OUT/encoder.json" 2>/dev/null \
  && echo "The encoder benchmark ran on CUDA." | tee -a "$OUT/gpu-summary.txt" \
  || echo "encoder.json shows no CUDA run" | tee -a "$OUT/gpu-summary.txt"
exit "$status"
