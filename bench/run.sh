#!/usr/bin/env bash
# Every bench (or those named: `bash bench/run.sh fanout latejoin`), one after the
# other, each bounded in time; each prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
benches=("$@")
[ ${#benches[@]} -gt 0 ] || benches=(foundation snapshot fanout latejoin memory)
# Atelier as deployed: the compiled server `npm start` runs (tests/support/serverProcess.ts).
node scripts/build-server.mjs
export ATELIER_TEST_SERVER=compiled
for bench in "${benches[@]}"; do
  echo "## bench/${bench}.ts"
  # A larger young generation: the load generator allocates a lot per message it receives
  # (the servers it starts run with the defaults).
  timeout 600 node --max-semi-space-size=64 --import tsx "bench/${bench}.ts"
done
