#!/usr/bin/env bash
# Every test Atelier has, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-packages.sh
echo "== typecheck"; npm run --silent typecheck
echo "== lint"; npm run --silent lint
echo "== unit, contract and integration tests"; npm run --silent test:node
echo "== integration tests on PostgreSQL"; npm run --silent test:postgres
echo "== two nodes: PostgreSQL + Redis"; npm run --silent test:nodes
echo "== reliability suite"; npm run --silent test:reliability
echo "== benchmark, short mode (figures, not pass/fail)"; npm run --silent bench:ci
echo "== build"; npm run --silent build
echo "== browser tests"; npm run --silent test:e2e
