#!/usr/bin/env bash
# Benchmarks on a machine with an NVIDIA GPU. Builds with -Pgpu (onnxruntime_gpu), which needs the CUDA 12
# and cuDNN 9 libraries on LD_LIBRARY_PATH (e.g. from the nvidia-cublas-cu12 / nvidia-cudnn-cu12 wheels or a
# CUDA image). CUDA runs without CPU fallback, so a CUDA problem fails loudly instead of measuring the CPU.
#
#   scripts/gpu-bench.sh encoder [--out DIR] [encoder benchmark options, e.g. --quick]
#       The text encoder benchmark on CUDA (batches 1, 8, 32, 128); fails unless encoder.json shows a CUDA run.
#   scripts/gpu-bench.sh pipeline [--out DIR] [pipeline benchmark options, e.g. --quick --catalogue 100000]
#       A quick encoder run on CUDA, then the pipeline benchmark (pass-through ceiling and the model) with
#       --encoder.provider cuda.
#
# Both record nvidia-smi, sample GPU utilisation and memory every 200 ms and summarise them per phase.
# Results in DIR (default target/gpu-bench): encoder.json, bench.json (pipeline), gpu-utilisation.csv,
# phases.txt, gpu-summary.txt, nvidia-smi.txt, *.log. CUDA_DEVICE_ID picks the GPU (default 0).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { script_usage; }
mode="${1:-}"
case "$mode" in
  encoder|pipeline) shift ;;
  -h|--help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac
OUT="$ROOT/target/gpu-bench"
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
command -v nvidia-smi >/dev/null || die "nvidia-smi not found: this machine has no NVIDIA driver; nothing to benchmark"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
DEVICE_ID="${CUDA_DEVICE_ID:-0}"
export BENCH_MAVEN_ARGS="-Pgpu ${BENCH_MAVEN_ARGS:-}"
nvidia-smi | tee "$OUT/nvidia-smi.txt"

# phases.txt records when each phase began, so the summary can split the samples.
nvidia-smi --id="$DEVICE_ID" --query-gpu=timestamp,utilization.gpu,memory.used --format=csv,nounits \
  -lms 200 > "$OUT/gpu-utilisation.csv" &
SMI_PID=$!
trap 'kill "$SMI_PID" 2>/dev/null || true' EXIT
phase() { echo "$(date '+%Y/%m/%d %H:%M:%S') $1" >> "$OUT/phases.txt"; }
: > "$OUT/phases.txt"
status=0

phase encoder
if [[ "$mode" == encoder ]]; then
  "$ROOT/scripts/bench.sh" encoder --out "$OUT" --provider cuda --device-id "$DEVICE_ID" --threads 1 \
    --batches 1,8,32,128 ${args[@]+"${args[@]}"} 2>&1 | tee "$OUT/encoder.log" || status=$?
else
  "$ROOT/scripts/bench.sh" encoder --out "$OUT" --provider cuda --device-id "$DEVICE_ID" --quick 2>&1 \
    | tee "$OUT/encoder.log" || status=$?
  phase pipeline
  "$ROOT/scripts/bench.sh" pipeline --out "$OUT" --jobs passthrough,model ${args[@]+"${args[@]}"} -- \
    --encoder.provider cuda --encoder.cuda.device-id "$DEVICE_ID" --encoder.cuda.fallback-to-cpu false 2>&1 \
    | tee "$OUT/pipeline.log" || status=$?
fi
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
if grep -q '"provider": "cuda"' "$OUT/encoder.json" 2>/dev/null; then
  echo "The encoder benchmark ran on CUDA." | tee -a "$OUT/gpu-summary.txt"
else
  echo "encoder.json shows no CUDA run" | tee -a "$OUT/gpu-summary.txt"
  status=1
fi
exit "$status"
