#!/usr/bin/env bash
# Builds, checks formatting, provisions what the tests need and runs every test.
# Ends with one line "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

fail_early() {
    echo "test.sh: $1" >&2
    echo "0 passed, 1 failed"
    exit 1
}

echo "== build (Release)"
dotnet build OpenChronic.sln -c Release -nologo -clp:ErrorsOnly || fail_early "build failed"

echo "== format check"
dotnet format OpenChronic.sln --verify-no-changes --no-restore -v quiet || fail_early "dotnet format found changes to make (run: dotnet format OpenChronic.sln)"

echo "== provision: headless Chromium for the report rendering test"
if ! command -v chromium >/dev/null 2>&1 && [ -z "${OPENCHRONIC_CHROMIUM:-}" ]; then
    # Debian's package; the test fails with a clear message if it still cannot be found
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -q chromium || { apt-get update -q && apt-get install -y -q chromium; }; } >/dev/null 2>&1 \
        || echo "test.sh: could not install chromium with apt-get; the report rendering test will fail" >&2
fi

echo "== PostgreSQL for the cluster tests"
# A throw-away server (temp data folder, free port, deploy/ schema installed), stopped and deleted on any exit;
# silo processes the cluster tests start leave their pid in a folder, so that none survives a crashed test host.
# shellcheck source=deploy/pg.sh
source deploy/pg.sh
pg_dir=$(mktemp -d /tmp/openchronic-test-pg.XXXXXX)
silo_pids=$(mktemp -d /tmp/openchronic-test-silos.XXXXXX)
cleanup() {
    for pid_file in "$silo_pids"/*; do
        pid=$(basename "$pid_file")
        # Only a silo still running (a pid file is removed when its silo exits; the pid is checked to be a silo).
        if [ -f "$pid_file" ] && grep -q "OpenChronic.Silo.dll" "/proc/$pid/cmdline" 2>/dev/null; then
            kill -9 "$pid" 2>/dev/null
        fi
    done
    rm -rf "$silo_pids"
    pg_down "$pg_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
pg_up "$pg_dir" || fail_early "could not start PostgreSQL for the cluster tests"
export OPENCHRONIC_TEST_POSTGRES=$PG_CONNECTION OPENCHRONIC_SILO_PID_DIR=$silo_pids
echo "PostgreSQL on port $PG_PORT"

echo "== tests"
test_status=0
for proj in tests/*/*.Tests.csproj; do
    name=$(basename "$proj" .csproj)
    dotnet test "$proj" -c Release --no-build -nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" || test_status=1
done

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0}))
done

if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # the runner failed without a failed test (a crashed test host, a missing result file)
    failed=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    echo "test.sh: no test ran" >&2
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
