#!/usr/bin/env bash
# Every bench, one after the other, each bounded in time; each prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
for bench in foundation snapshot; do
  echo "## bench/${bench}.ts"
  timeout 600 node --import tsx "bench/${bench}.ts"
done
