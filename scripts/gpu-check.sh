#!/usr/bin/env bash
# GPU check of the text encoder, for a machine with an NVIDIA GPU:
#   1. records the GPU and driver (nvidia-smi),
#   2. builds onnx-models and text-encoder with -Pgpu (onnxruntime_gpu; needs CUDA 12 + cuDNN 9 libraries
#      on LD_LIBRARY_PATH, e.g. from the nvidia-cublas-cu12 / nvidia-cudnn-cu12 wheels or a CUDA image),
#   3. runs the encoder benchmark with --provider cuda (no CPU fallback: a CUDA problem fails loudly),
#   4. samples GPU utilisation and memory every 200 ms while it runs and summarises them.
#
#   scripts/gpu-check.sh [OUT_DIR] [extra bench arguments, e.g. --quick]
#
# Results: OUT_DIR/encoder.json, OUT_DIR/bench.log, OUT_DIR/nvidia-smi.txt, OUT_DIR/gpu-utilisation.csv,
# OUT_DIR/summary.txt (default OUT_DIR: target/gpu-check).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/target/gpu-check}"
[[ $# -gt 0 ]] && shift
mkdir -p "$OUT"
export OPT_OUT_TRACKING=true

if ! command -v nvidia-smi >/dev/null; then
  echo "nvidia-smi not found: this machine has no NVIDIA driver; nothing to check" >&2
  exit 1
fi
nvidia-smi | tee "$OUT/nvidia-smi.txt"
DEVICE_ID="${CUDA_DEVICE_ID:-0}"

nvidia-smi --id="$DEVICE_ID" \
  --query-gpu=timestamp,utilization.gpu,utilization.memory,memory.used,memory.total,power.draw \
  --format=csv,nounits -lms 200 > "$OUT/gpu-utilisation.csv" &
SMI_PID=$!
trap 'kill "$SMI_PID" 2>/dev/null || true' EXIT

set +e
BENCH_MAVEN_ARGS="-Pgpu ${BENCH_MAVEN_ARGS:-}" "$ROOT/scripts/bench.sh" encoder --out "$OUT" \
  --provider cuda --device-id "$DEVICE_ID" --threads 1 --batches 1,8,32,128 "$@" 2>&1 | tee "$OUT/bench.log"
BENCH_STATUS=${PIPESTATUS[0]}
set -e

kill "$SMI_PID" 2>/dev/null || true
wait "$SMI_PID" 2>/dev/null || true
awk -F', *' 'NR > 1 && $2 != "" { n++; sum += $2; if ($2 > max) max = $2; if ($4 > mem) mem = $4 }
  END { if (n) printf "GPU utilisation over %d samples: mean %.1f %%, max %d %%; memory used max %d MiB\n", n, sum / n, max, mem }' \
  "$OUT/gpu-utilisation.csv" | tee "$OUT/summary.txt"
grep -q '"provider": "cuda"' "$OUT/encoder.json" \
  && echo "The encoder ran on CUDA." | tee -a "$OUT/summary.txt" \
  || { echo "encoder.json shows no CUDA run" | tee -a "$OUT/summary.txt"; exit 1; }
exit "$BENCH_STATUS"
