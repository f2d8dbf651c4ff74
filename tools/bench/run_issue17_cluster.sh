#!/usr/bin/env bash
# Issue 17's benchmark sitting: rooms over two servers of one cluster (Redis), each server pinned to one
# core with taskset to stand in for two machines. Writes JSON per figure into the results folder.
#
#   tools/bench/run_issue17_cluster.sh /tmp/bench-issue17
#
# 1. throughput: 20 rooms (one client each, a move every ~2 s) for 60 s on ONE pinned server, then spread
#    over TWO pinned servers: completed runs per minute (`bench hub --url …`).
# 2. delivery: 200 clients over both servers, 20 rooms, 2 minutes: missed messages, p95 push latency,
#    events reaching another room.
# 3. failover: kill -9 the server hosting a room; seconds until the room answers on the other, and until a
#    move there has trained (`bench failover`).
# The load tool itself runs unpinned and shares the two cores with the servers (this machine has two).
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/bench/sitting.sh
prepare "${1:-/tmp/bench-issue17}"
DLL=Dashboard/bin/Release/net10.0/Dashboard.dll
eval "$(REDIS_PORT=56390 tools/redis-for-tests.sh start)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; REDIS_PORT=56390 tools/redis-for-tests.sh stop; }
trap cleanup EXIT

# serve NAME CORE PORT SILO: one server pinned to a core, in the bench's cluster (its own id per step).
serve() {
  taskset -c "$2" dotnet "$DLL" --urls "http://127.0.0.1:$3" --Cluster:Redis "$DASHBOARD_TEST_REDIS" --Cluster:ClusterId "$CLUSTER" \
    --Cluster:SiloPort "$4" --Dashboard:DataFolder "$DATA" --Dashboard:SpeculationIdleSeconds 0 --Dashboard:WarmStart false \
    --Security:RoomsPerAddressPerMinute 1000 --Logging:LogLevel:Default Warning > "$OUT/server-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$3/healthz" >/dev/null && return 0; sleep 0.5; done
  echo "server $1 did not start"; exit 1
}
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }

CLUSTER=one; DATA="$OUT/data-one"; mkdir -p "$DATA"
serve one 0 5301 11301
run throughput-one-server $BIN bench hub --url http://127.0.0.1:5301 --clients 20 --rooms 20 --seconds 60 --interval 2
stop_all

CLUSTER=two; DATA="$OUT/data-two"; mkdir -p "$DATA"
serve a 0 5311 11311
serve b 1 5312 11312
run throughput-two-servers $BIN bench hub --url http://127.0.0.1:5311 --url http://127.0.0.1:5312 --clients 20 --rooms 20 --seconds 60 --interval 2
run delivery-200-clients $BIN bench hub --url http://127.0.0.1:5311 --url http://127.0.0.1:5312 --clients 200 --rooms 20 --seconds 120 --interval 10
run failover $BIN bench failover --host-url http://127.0.0.1:5311 --other-url http://127.0.0.1:5312 --host-pid "${pids[0]}"
stop_all
