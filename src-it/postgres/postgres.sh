#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL server on loopback for the integration tests,
# from the server binaries Debian's 'postgresql' package installs.
#   postgres.sh start DIR PORT    a new cluster in DIR, database 'records', user 'recorded'
#   postgres.sh stop DIR          stops it, keeping its data (also to play an outage)
#   postgres.sh resume DIR PORT   starts the stopped cluster in DIR again
set -euo pipefail

command="${1:?start or stop}"
dir="${2:?directory}"

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -z "$bin" || ! -x "$bin/pg_ctl" ]]; then
    echo "postgres.sh: PostgreSQL server binaries not found under /usr/lib/postgresql." >&2
    echo "postgres.sh: the integration tests need them: apt-get install -y postgresql" >&2
    exit 1
fi

# PostgreSQL refuses to run as root: as root, run it as the package's 'postgres' user
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "$command" in
    start)
        port="${3:?port}"
        if [[ -f "$dir/data/postmaster.pid" ]]; then
            as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$dir"
        mkdir -p "$dir"
        [[ "$(id -u)" == 0 ]] && chown postgres "$dir"
        as_owner "$bin/initdb" -D "$dir/data" -U recorded -A trust -E UTF8 --no-locale >"$dir/initdb.log"
        as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start
        as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U recorded records
        echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, database records"
        ;;
    resume)
        port="${3:?port}"
        as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
        ;;
    stop)
        if [[ -f "$dir/data/postmaster.pid" ]]; then
            as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop
        fi
        ;;
    *)
        echo "postgres.sh: unknown command $command" >&2
        exit 2
        ;;
esac
