# Open Chronic: helpers to run a throw-away PostgreSQL for a local cluster or the tests. Source it, then call
#   pg_up DIR        initdb in DIR/data, start on a free loopback port, create database "openchronic", install the
#                    DDL; sets PG_PORT, PG_DIR and PG_CONNECTION (an Npgsql connection string)
#   pg_down DIR      stop the server started in DIR and delete DIR
# The server refuses to run as root: when run as root, initdb and pg_ctl run as the "postgres" user (runuser).
# PostgreSQL is installed with apt-get when no server binaries are found (Debian/Ubuntu).

pg_deploy_dir() { cd "$(dirname "${BASH_SOURCE[0]}")" && pwd; }

pg_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "pg.sh: no PostgreSQL server found; installing it with apt-get" >&2
        if [ "$(id -u)" -ne 0 ]; then
            echo "pg.sh: run as root or install PostgreSQL (apt-get install -y postgresql)" >&2
            return 1
        fi
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || return 1
        bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    fi
    echo "$bin"
}

# Runs a PostgreSQL server binary as the postgres user when we are root, else as ourselves.
pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pg_up() {
    local dir=$1 bin
    bin=$(pg_bin) || return 1
    mkdir -p "$dir/socket"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres: "$dir"
    fi
    PG_DIR=$dir
    PG_PORT=$(free_port)
    pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-instructions >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        return 1
    }
    pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $dir/socket -c listen_addresses=127.0.0.1 -c max_connections=400" start >/dev/null || {
        cat "$dir/server.log" >&2
        return 1
    }
    echo "$PG_PORT" >"$dir/port"
    "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres openchronic || return 1
    PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=openchronic "$(pg_deploy_dir)/install.sh" >/dev/null || return 1
    PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=openchronic;Maximum Pool Size=20"
    export PG_DIR PG_PORT PG_CONNECTION
}

pg_down() {
    local dir=$1 bin
    [ -d "$dir" ] || return 0
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -f "$dir/data/postmaster.pid" ] && [ -n "$bin" ]; then
        pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
            kill -9 "$(head -n 1 "$dir/data/postmaster.pid")" 2>/dev/null
    fi
    rm -rf "$dir"
}
