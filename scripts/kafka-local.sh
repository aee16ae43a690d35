#!/usr/bin/env bash
# Starts, stops or checks the local Kafka broker (KRaft, 127.0.0.1 only) and creates the topics.
#   scripts/kafka-local.sh start [--port 9092] [--dir .local/kafka]
#   scripts/kafka-local.sh stop|status [--dir .local/kafka]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[[ $# -ge 1 ]] || { echo "usage: $0 start|stop|status [--port P] [--dir DIR]" >&2; exit 2; }
cmd="$1"; shift
dir="$LOCAL/kafka"; extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --port) extra+=(--port "$2"); shift 2 ;;
    -h|--help) echo "usage: $0 start|stop|status [--port P] [--dir DIR]"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
ensure_built
run_tool io.streamrec.local.kafka.LocalKafka "$cmd" --dir "$dir" "${extra[@]}"
