#!/usr/bin/env bash
# A local Open Chronic cluster for trying cluster mode on one machine:
#   deploy/cluster.sh up [--silos N]   throw-away PostgreSQL (temp data folder, free port, schema installed)
#                                      and N silo processes (ADO.NET clustering and grain storage)
#   deploy/cluster.sh status           silo processes and the membership table
#   deploy/cluster.sh down             stops the silos and PostgreSQL, deletes the data folder
# State lives in $OPENCHRONIC_CLUSTER_DIR (default /tmp/openchronic-cluster). The patient-key secret is
# $OPENCHRONIC_PSEUDONYM_KEY, else a random one kept in the state folder for the cluster's lifetime.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
state=${OPENCHRONIC_CLUSTER_DIR:-/tmp/openchronic-cluster}
# shellcheck source=pg.sh
source "$here/pg.sh"

usage() {
    echo "usage: deploy/cluster.sh up [--silos N] | status | down" >&2
    exit 2
}

silo_dll() {
    local dll=$repo/silos/OpenChronic.Silo/bin/Release/net10.0/OpenChronic.Silo.dll
    if [ ! -f "$dll" ]; then
        dotnet build "$repo/silos/OpenChronic.Silo" -c Release -nologo -clp:ErrorsOnly >&2 || return 1
    fi
    echo "$dll"
}

active_silos() {
    psql -h 127.0.0.1 -p "$(cat "$state/pg/port")" -U postgres -d openchronic -X -q -t -A \
        -c "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = 'openchronic' AND status = 3"
}

start_silo() {
    local i=$1 dll=$2 port gateway
    port=$(free_port)
    gateway=$(free_port)
    OpenChronic__PseudonymKey=$(cat "$state/secret") \
    OpenChronic__Cluster__ConnectionString=$(cat "$state/connection") \
    OpenChronic__Cluster__ClusterId=openchronic OpenChronic__Cluster__ServiceId=openchronic \
    Silo__Port=$port Silo__GatewayPort=$gateway Silo__AdvertisedAddress=127.0.0.1 \
    DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x10000000} \
        nohup dotnet "$dll" >"$state/silo-$i.log" 2>&1 &
    echo $! >"$state/silo-$i.pid"
    echo "silo $i: pid $!, silo port $port, gateway port $gateway, log $state/silo-$i.log"
}

up() {
    local silos=1
    while [ $# -gt 0 ]; do
        case $1 in
            --silos) silos=${2:-}; shift 2 ;;
            *) usage ;;
        esac
    done
    [[ $silos =~ ^[1-9][0-9]*$ ]] || usage
    if [ -d "$state" ]; then
        echo "A cluster is already up in $state (deploy/cluster.sh down first)." >&2
        exit 1
    fi
    local dll
    dll=$(silo_dll) || exit 1
    mkdir -p "$state"
    pg_up "$state/pg" || { pg_down "$state/pg"; rm -rf "$state"; exit 1; }
    echo "$PG_CONNECTION" >"$state/connection"
    (umask 077 && echo "${OPENCHRONIC_PSEUDONYM_KEY:-$(python3 -c 'import secrets; print(secrets.token_hex(32))')}" >"$state/secret")
    echo "PostgreSQL: port $PG_PORT, data in $state/pg (schema from deploy/sql installed)"
    for i in $(seq 1 "$silos"); do
        start_silo "$i" "$dll"
    done
    for _ in $(seq 1 240); do
        [ "$(active_silos)" = "$silos" ] && break
        sleep 0.5
    done
    echo "active silos: $(active_silos) of $silos"
    cat <<INFO

Point the client at it:
  export OPENCHRONIC_CLUSTER='$PG_CONNECTION'
  dotnet run --project client/OpenChronic.Client -c Release -- build --extract DIR --db OUT
Stop it: deploy/cluster.sh down
INFO
}

status() {
    if [ ! -d "$state" ]; then
        echo "No cluster in $state."
        return 0
    fi
    for pid_file in "$state"/silo-*.pid; do
        local pid
        pid=$(cat "$pid_file")
        if kill -0 "$pid" 2>/dev/null; then
            echo "$(basename "$pid_file" .pid): running (pid $pid)"
        else
            echo "$(basename "$pid_file" .pid): stopped"
        fi
    done
    psql -h 127.0.0.1 -p "$(cat "$state/pg/port")" -U postgres -d openchronic -X -q \
        -c "SELECT address, port, generation, status, proxyport, iamalivetime FROM orleansmembershiptable WHERE deploymentid = 'openchronic' ORDER BY starttime"
    echo "(status 3 = active, 6 = dead)"
}

down() {
    [ -d "$state" ] || { echo "No cluster in $state."; return 0; }
    for pid_file in "$state"/silo-*.pid; do
        [ -f "$pid_file" ] && kill -TERM "$(cat "$pid_file")" 2>/dev/null
    done
    for pid_file in "$state"/silo-*.pid; do
        [ -f "$pid_file" ] || continue
        local pid
        pid=$(cat "$pid_file")
        for _ in $(seq 1 40); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$pid" 2>/dev/null
    done
    pg_down "$state/pg"
    rm -rf "$state"
    echo "Cluster stopped and its data deleted."
}

case ${1:-} in
    up) shift; up "$@" ;;
    status) status ;;
    down) down ;;
    *) usage ;;
esac
