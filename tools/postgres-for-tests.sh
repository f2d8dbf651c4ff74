#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the storage tests' provider switch.
#
#   eval "$(tools/postgres-for-tests.sh start)"   # exports DASHBOARD_TEST_POSTGRES
#   dotnet test ... --filter FullyQualifiedName~Postgres
#   tools/postgres-for-tests.sh stop
#
# Installs Debian's `postgresql` when missing (apt-get), creates a cluster in a temporary folder
# owned by the postgres user, listens on 127.0.0.1 only (port $PGPORT, default 55432, no Unix
# socket outside the folder), and prints `export DASHBOARD_TEST_POSTGRES='...'`: a connection
# string to the database `dashboard_tests`. Nothing else on the machine is touched; `stop` removes it all.
set -euo pipefail

PORT="${PGPORT:-55432}"
STATE="${DASHBOARD_PG_DIR:-/tmp/dashboard-postgres-$PORT}"
PASSWORD="dashboard-tests"
log() { echo "postgres-for-tests: $*" >&2; }

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

install_if_missing() {
  if [ -z "$(bin_dir)" ]; then
    log "installing Debian's postgresql"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    # Debian starts its own cluster on 5432; this script does not need it and leaves it as it is.
  fi
  id postgres >/dev/null 2>&1 || { log "the postgres user is missing after the install"; exit 1; }
}

start() {
  install_if_missing
  local bin; bin=$(bin_dir)
  if [ -f "$STATE/data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$STATE/data" status >/dev/null 2>&1; then
    log "already running on port $PORT"
  else
    rm -rf "$STATE"
    mkdir -p "$STATE"
    chown postgres:postgres "$STATE"
    local pwfile="$STATE/pw"
    echo "$PASSWORD" > "$pwfile"; chown postgres "$pwfile"; chmod 600 "$pwfile"
    as_postgres "$bin/initdb" -D "$STATE/data" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --no-locale >/dev/null
    as_postgres "$bin/pg_ctl" -D "$STATE/data" -l "$STATE/log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$STATE -c fsync=off -c max_connections=100" start >/dev/null
    PGPASSWORD="$PASSWORD" "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc "CREATE DATABASE dashboard_tests;" >/dev/null
    log "started on 127.0.0.1:$PORT (data in $STATE/data, log in $STATE/log)"
  fi
  echo "export DASHBOARD_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Database=dashboard_tests;Username=postgres;Password=$PASSWORD'"
}

stop() {
  local bin; bin=$(bin_dir || true)
  if [ -n "$bin" ] && [ -d "$STATE/data" ]; then
    as_postgres "$bin/pg_ctl" -D "$STATE/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$STATE"
  log "stopped and removed"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac
