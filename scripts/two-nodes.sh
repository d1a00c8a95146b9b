#!/usr/bin/env bash
# Two Atelier nodes behind nginx, sharing a PostgreSQL and a Redis, all on this machine
# from Debian's packages (postgresql, redis-server, nginx) — the topology of README
# « Several nodes », for demos and manual tests. Everything is throwaway: PostgreSQL in
# a temporary cluster (scripts/postgres-local.sh), Redis in memory; Ctrl-C stops it all.
#
#   npm run build && bash scripts/two-nodes.sh     # then open the admin page it prints
#
# PORT (default 3000) is nginx's; the nodes listen on PORT+1 and PORT+2. Without nginx
# installed, the two nodes are started alone: open either.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-3000}"
token="${ATELIER_ADMIN_TOKEN:-$(node -e "console.log(require('crypto').randomBytes(24).toString('base64url'))")}"
work="$(mktemp -d "${TMPDIR:-/tmp}/atelier-nodes.XXXXXX")"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 0' INT TERM

# PostgreSQL: the script prints its URL, then runs until its stdin closes.
mkfifo "$work/pg.in"
bash scripts/postgres-local.sh --durable <"$work/pg.in" >"$work/pg.out" &
pids+=($!)
exec 4>"$work/pg.in"
for _ in $(seq 1 120); do grep -q '^postgres://' "$work/pg.out" 2>/dev/null && break; sleep 0.5; done
store="$(grep -m1 '^postgres://' "$work/pg.out")" || { echo "two-nodes.sh: PostgreSQL did not start" >&2; exit 1; }

redis_port=$((port + 10))
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)
bus="redis://127.0.0.1:$redis_port"

for n in 1 2; do
  PORT=$((port + n)) ATELIER_DATA_DIR="$work/node$n" ATELIER_STORE="$store" ATELIER_BUS="$bus" \
    ATELIER_ADMIN_TOKEN="$token" ATELIER_PUBLIC_URL="http://127.0.0.1:$port" \
    node --enable-source-maps dist/server/main.mjs >"$work/node$n.log" 2>&1 &
  pids+=($!)
done

if command -v nginx >/dev/null 2>&1; then
  mkdir -p "$work/nginx"
  sed -e "s/@PORT@/$port/" -e "s/@NODE1@/$((port + 1))/" -e "s/@NODE2@/$((port + 2))/" \
    -e "s#@DIR@#$work/nginx#" scripts/nginx-two-nodes.conf >"$work/nginx/nginx.conf"
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
  pids+=($!)
  echo "Atelier on two nodes behind nginx: http://127.0.0.1:$port/#token=$token"
else
  echo "nginx is not installed (apt-get install nginx): the nodes alone are"
  echo "  http://127.0.0.1:$((port + 1))/#token=$token and http://127.0.0.1:$((port + 2))/#token=$token"
fi
echo "PostgreSQL $store, Redis $bus; logs in $work. Ctrl-C stops everything."
wait -n "${pids[@]}" || true
echo "two-nodes.sh: a process of the topology stopped; see the logs in $work" >&2
