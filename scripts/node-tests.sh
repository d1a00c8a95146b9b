#!/usr/bin/env bash
# Unit, contract and integration tests with Node's test runner (Node 20 takes
# no glob patterns, so the shell expands them). Pass paths to run a subset.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s globstar nullglob
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(shared/**/*.test.ts server/**/*.test.ts client/**/*.test.ts tests/contract/**/*.test.ts tests/integration/**/*.test.ts)
fi
# tldraw opens a BroadcastChannel at import time (keeping a test process alive)
# unless NODE_ENV is 'test'.
export NODE_ENV=test
# --test-force-exit: a test that fails before its clean-up (a provider still reconnecting)
# must not hold CI until its timeout.
exec node --import tsx --test --test-concurrency=1 --test-force-exit "${files[@]}"
