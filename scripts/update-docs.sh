#!/usr/bin/env bash
# Regenerates the options table in docs/options.md from the ConfigOptions declared in the code.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_built
"$JAVA" "${JAVA_OPTS_COMMON[@]}" -cp "$(job_cp)" io.streamrec.config.OptionsTable "$ROOT/docs/options.md"
