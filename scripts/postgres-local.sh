#!/usr/bin/env bash
# A throwaway PostgreSQL from Debian's packages (apt-get install postgresql), for
# tests and demos: a new cluster in a temporary directory, listening on 127.0.0.1
# only, on a free port, with trust authentication (loopback, nobody else's).
#
# Prints one line, the URL to give Atelier (ATELIER_STORE=postgres://…), then runs
# until its standard input closes or it gets Ctrl-C / SIGTERM, and then stops the
# server and deletes the directory. Tests spawn it with a pipe as standard input,
# so a test process that dies, even by kill -9, takes its PostgreSQL with it.
#
#   bash scripts/postgres-local.sh            # fsync off: fast, for tests
#   bash scripts/postgres-local.sh --durable  # fsync on, for a demo that must survive a power cut
#
# PostgreSQL refuses to run as root (CI does): then the cluster runs as the system
# user atelier-pg, created if missing. PG_BIN overrides the binaries' directory.
set -euo pipefail

durable=off
for arg in "$@"; do
  case "$arg" in
    --durable) durable=on ;;
    *) echo "postgres-local.sh: unknown option $arg (only --durable)" >&2; exit 2 ;;
  esac
done

bin="${PG_BIN:-}"
if [ -z "$bin" ]; then
  # The newest installed major version; Debian puts each under /usr/lib/postgresql/<major>/bin.
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres-local.sh: no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql, or set PG_BIN)" >&2
  exit 1
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/atelier-pg.XXXXXX")"
as_owner=()
if [ "$(id -u)" = 0 ]; then
  if ! id atelier-pg >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin atelier-pg
  fi
  chown atelier-pg: "$dir"
  as_owner=(runuser -u atelier-pg --)
fi
chmod 700 "$dir"

stopped=0
cleanup() {
  [ "$stopped" = 1 ] && return
  stopped=1
  [ -n "${watcher:-}" ] && kill "$watcher" 2>/dev/null || true
  if [ -f "$dir/data/postmaster.pid" ]; then
    # Immediate: the cluster is deleted right after, nothing of it needs flushing.
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 0' INT TERM HUP

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U atelier --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Another process may take the port between the probe and the start: try a few.
for attempt in 1 2 3 4 5; do
  port="$(free_port)"
  if "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o \
    "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir \
     -c fsync=$durable -c synchronous_commit=$durable -c full_page_writes=$durable \
     -c max_connections=200 -c shared_buffers=64MB" >/dev/null 2>&1; then
    break
  fi
  if [ "$attempt" = 5 ]; then
    echo "postgres-local.sh: PostgreSQL did not start:" >&2
    cat "$dir/server.log" >&2 || true
    exit 1
  fi
done

"${as_owner[@]}" "$bin/createdb" -h "$dir" -p "$port" -U atelier atelier

echo "postgres://atelier@127.0.0.1:$port/atelier"

# Until standard input closes (our parent is gone, or Ctrl-D) or a signal arrives.
# cat runs in the background so that the traps run at once; it reads our stdin
# through fd 3 (a background job's own stdin would be /dev/null).
exec 3<&0
cat <&3 >/dev/null &
watcher=$!
wait "$watcher" || true
