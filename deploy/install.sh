#!/usr/bin/env bash
# Installs (or upgrades in place) Open Chronic's PostgreSQL schema: the Orleans query table, ADO.NET clustering,
# grain storage and the API audit log. Idempotent: every statement is CREATE ... IF NOT EXISTS, CREATE OR REPLACE or an upsert, so running
# it twice changes nothing. Connection from the libpq environment (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD)
# or a connection URI as the only argument, e.g. postgresql://openchronic@db.example:5432/openchronic
set -euo pipefail
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
here=$(cd "$(dirname "$0")" && pwd)
target=()
if [ $# -gt 0 ]; then
    target=(-d "$1")
fi

for script in "$here"/sql/01-main.sql "$here"/sql/02-clustering.sql "$here"/sql/03-persistence.sql "$here"/sql/04-api.sql; do
    psql "${target[@]}" -X -q -v ON_ERROR_STOP=1 --single-transaction -f "$script"
done
psql "${target[@]}" -X -q -t -A -c "SELECT 'installed: ' || string_agg(component || ' v' || version, ', ' ORDER BY component) FROM openchronic_schema"
