#!/usr/bin/env bash
# A throwaway Redis for the cluster tests (rooms as Orleans grains over two servers).
#
#   eval "$(tools/redis-for-tests.sh start)"   # exports DASHBOARD_TEST_REDIS=127.0.0.1:PORT
#   dotnet test ... --filter FullyQualifiedName~Cluster
#   tools/redis-for-tests.sh stop
#
# Installs Debian's `redis-server` when missing (apt-get), starts one on 127.0.0.1 only (port $REDIS_PORT,
# default 56379), keeping nothing on disk, and prints the export line. `stop` shuts it down and removes its folder.
set -euo pipefail

PORT="${REDIS_PORT:-56379}"
STATE="/tmp/dashboard-redis-$PORT"
log() { echo "redis-for-tests: $*" >&2; }

install_if_missing() {
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    log "installing Debian's redis-server"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
  fi
}

start() {
  install_if_missing
  if redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1; then
    log "already running on port $PORT; emptied"
    redis-cli -h 127.0.0.1 -p "$PORT" flushall >/dev/null
  else
    rm -rf "$STATE"; mkdir -p "$STATE"
    redis-server --bind 127.0.0.1 --port "$PORT" --save "" --appendonly no --dir "$STATE" \
      --daemonize yes --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log" >/dev/null
    for _ in $(seq 1 50); do
      redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1 && break
      sleep 0.1
    done
    redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1 || { log "redis did not start (see $STATE/redis.log)"; exit 1; }
  fi
  echo "export DASHBOARD_TEST_REDIS='127.0.0.1:$PORT'"
}

stop() {
  redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
