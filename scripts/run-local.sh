#!/usr/bin/env bash
# The demo on this machine, in one command: builds if needed, starts a real Kafka broker (KRaft) and
# creates the topics, runs the recommendation job on Flink's local cluster, replays a workload, prints
# recommendations as they arrive, and stops everything at the end or on Ctrl-C.
#
#   scripts/run-local.sh [--events N] [--rate R] [--dataset DIR] [--port P] [--bad-records K] [-- JOB OPTIONS...]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

events=5000; rate=500; dataset=""; port=9092; bad=""; quiet=false; lead=15; job_args=()
usage() {
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
  cat <<'USAGE'
Options:
  --events N       events to replay (default 5000; 0 = the whole dataset)
  --rate R         events per second (default 500; 0 = as fast as possible)
  --dataset DIR    a MovieLens folder (ratings.csv, movies.csv, tags.csv), the 100K layout or
                   events.csv + items.csv; default: the built-in synthetic shop
  --port P         Kafka port on 127.0.0.1 (default 9092; the controller uses P+1)
  --bad-records K  malformed records mixed into the events (default: events/500, at least 3)
  --quiet          count recommendations instead of printing each
  --catalogue-lead S  seconds between writing the catalogue and the first event, so the job
                   encodes the catalogue first (default 15)
  -- OPTS          further job options, e.g. -- --recommend.top-n 5
USAGE
}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --events) events="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --dataset) dataset="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --bad-records) bad="$2"; shift 2 ;;
    --quiet) quiet=true; shift ;;
    --catalogue-lead) lead="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; job_args=("$@"); break ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done
[[ "$events" =~ ^[0-9]+$ ]] || die "--events expects a whole number, got '$events'"
[[ "$rate" =~ ^[0-9]+$ ]] || die "--rate expects a whole number, got '$rate'"
[[ -z "$dataset" || -d "$dataset" ]] || die "--dataset $dataset is not a folder"
if [[ -z "$bad" ]]; then bad=$(( events / 500 > 3 ? events / 500 : 3 )); fi
for p in "$port" "$((port + 1))"; do
  port_taken "$p" && die "port $p on 127.0.0.1 is taken (another Kafka?). Stop it or pass --port with a free port."
done

ensure_built
jvm_module_flags
bootstrap="127.0.0.1:$port"
run_dir="$LOCAL/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
job_pid=""; printer_pid=""

# Stops a process: SIGTERM, then SIGKILL after 20 s.
stop_pid() {
  local pid="$1"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [[ -n "$printer_pid" ]] && stop_pid "$printer_pid"
  if [[ -n "$job_pid" ]] && kill -0 "$job_pid" 2>/dev/null; then
    info "stopping the job"
    stop_pid "$job_pid"
  fi
  run_tool io.streamrec.local.kafka.LocalKafka stop --dir "$run_dir/kafka" >/dev/null 2>&1 || true
  info "stopped; logs in $run_dir"
  exit "$rc"
}
trap cleanup EXIT
trap 'echo; info "interrupted"; exit 130' INT TERM

run_tool io.streamrec.local.kafka.LocalKafka start --dir "$run_dir/kafka" --port "$port"

info "starting the job on Flink's local cluster (log: $run_dir/job.log)"
exec_job() {
  exec "$JAVA" "${JAVA_OPTS_COMMON[@]}" "${JVM_MODULE_FLAGS[@]}" -Xmx2g -Dlog4j.configurationFile="$ROOT/flink-jobs/src/main/resources/log4j2.properties" \
  -cp "$(job_cp)" io.streamrec.job.RecommendationJob \
  --kafka.bootstrap-servers "$bootstrap" \
  --execution.checkpointing.interval "2 s" \
  --execution.checkpointing.dir "file://$run_dir/checkpoints" \
  "${job_args[@]}"
}
(exec_job >"$run_dir/job.log" 2>&1) &
job_pid=$!

printer_args=(--bootstrap "$bootstrap" --from-beginning)
$quiet && printer_args+=(--quiet)
(exec "$JAVA" "${JAVA_OPTS_COMMON[@]}" -Xmx512m -cp "$(tools_cp)" io.streamrec.tools.RecommendationPrinter \
  "${printer_args[@]}") &
printer_pid=$!

producer_args=(--bootstrap "$bootstrap" --events "$events" --rate "$rate" --bad-records "$bad" --catalogue-lead "$lead")
[[ -n "$dataset" ]] && producer_args+=(--dataset "$dataset")
run_tool io.streamrec.tools.ReplayProducer "${producer_args[@]}"

# The job runs until stopped: wait until the recommendations stop growing (two checkpoints in a row).
info "waiting for the job to drain ..."
last=-1; stable=0; deadline=$(( $(date +%s) + 300 ))
while (( $(date +%s) < deadline )); do
  kill -0 "$job_pid" 2>/dev/null || { tail -n 30 "$run_dir/job.log" >&2; die "the job exited; see $run_dir/job.log"; }
  sleep 3
  now=$(run_tool io.streamrec.tools.TopicCounter --bootstrap "$bootstrap" --topics recommendations 2>/dev/null \
    | sed -n 's/^recommendations=//p')
  if [[ -n "$now" && "$now" -gt 0 && "$now" == "$last" ]]; then
    stable=$((stable + 1)); (( stable >= 2 )) && break
  else
    stable=0
  fi
  last="$now"
done

counts=$(run_tool io.streamrec.tools.TopicCounter --bootstrap "$bootstrap" \
  --topics views,clicks,purchases,text-events,items,recommendations,dead-letters 2>/dev/null)
count() { sed -n "s/^$1=//p" <<<"$counts"; }
produced=$(( $(count views) + $(count clicks) + $(count purchases) + $(count text-events) ))
sleep 1
echo
echo "events produced: $produced, recommendations received: $(count recommendations), dead letters: $(count dead-letters), items: $(count items)"
