#!/usr/bin/env bash
# The soak test run longer than in `mvn verify`: a real broker and standalone Flink cluster, a steady event
# rate with checkpoints every 2 s, and state size, checkpoint duration and TaskManager RSS sampled over time.
#   scripts/soak.sh [--minutes N]     (default 5)
# Figures: printed as [figures]/[soak] lines and appended to reliability/target/reliability-figures.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
minutes=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
[[ "$minutes" =~ ^[0-9]+$ && "$minutes" -ge 1 ]] || die "--minutes must be a positive whole number"
ensure_built
cd "$ROOT"
info "soak for $minutes minute(s) ..."
mvn -B verify -pl reliability -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SoakITCase \
  -Dsoak.seconds=$((minutes * 60)) -Dreliability.fork.timeout=$((minutes * 60 + 600)) \
  | grep -E '\[figures\]|\[soak\]|Tests run|FAIL|ERROR|BUILD' || true
