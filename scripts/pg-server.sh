#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the archive tests and benchmark:
#   eval "$(scripts/pg-server.sh start [DIR])"   # prints export lines
#   scripts/pg-server.sh stop DIR
# The cluster lives in DIR (default: a new temp directory), listens on
# 127.0.0.1 only, trusts local connections and is owned by the
# `postgres` user when run as root (initdb refuses to run as root).
# Needs Debian's postgresql (apt-get install postgresql).
set -euo pipefail
cmd=${1:-}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "pg-server: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    dir=${2:-$(mktemp -d /tmp/claimcheck-pg.XXXXXX)}
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=${PGTEST_PORT:-$(( 20000 + RANDOM % 20000 ))}
    as_owner "$bin/initdb" -D "$dir/data" -U claimcheck --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=50" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U claimcheck claimcheck
    echo "export PGTEST_DIR=$dir"
    echo "export CLAIMCHECK_TEST_POSTGRES=postgres://claimcheck@127.0.0.1:$port/claimcheck"
    ;;
  stop)
    dir=${2:?usage: pg-server.sh stop DIR}
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-server.sh start [DIR] | stop DIR" >&2
    exit 2
    ;;
esac
