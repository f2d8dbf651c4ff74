#!/usr/bin/env bash
# Issue 16's benchmark sitting: how instant a slider feels. Writes JSON per figure into the results folder.
#
#   tools/bench/run_issue16_slider.sh /tmp/bench-issue16
#
# 1. in process (`bench slider`): release → all four at new positions, revisited (same room, another room),
#    one step on after the room sat idle (speculation), and a sweep of 8 positions on a fresh server cache;
#    lending_club's and titanic's class-balance track.
# 2. in a real browser (tools/BrowserBench against a server started here): the first visit (load event →
#    four cards, after the warm start), six new and revisited positions, another room, a step after idle.
# 3. 20 rooms moving sliders (`bench hub --paired`, one client per room, a move every 4–12 s so rooms do sit idle):
#    a real move's latency (send → its run completed) with speculation off and on over the same moves, two
#    pairs in both orders; each pair also compares the moves that had to fit something in both runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/bench/sitting.sh
prepare "${1:-/tmp/bench-issue16}"
dotnet build tools/BrowserBench -c Release -m:1 -v q -nologo

run slider-lending_club $BIN bench slider --data lending_club --slider class
run slider-titanic $BIN bench slider --data titanic --slider class

DATA=$(mktemp -d)
if curl -sf http://127.0.0.1:5326/healthz >/dev/null; then echo "port 5326 is taken: stop the server on it first"; exit 1; fi
dotnet Dashboard/bin/Release/net10.0/Dashboard.dll --urls http://127.0.0.1:5326 --Dashboard:DataFolder "$DATA" \
  --Logging:LogLevel:Default Warning > "$OUT/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:5326/healthz >/dev/null && break; sleep 0.5; done
sleep 15 # the warm start trains the default data set's baseline in the background
run browser tools/BrowserBench/bin/Release/net10.0/BrowserBench --url http://127.0.0.1:5326 --positions 0.80,0.90,0.65,0.72,0.95,0.58
kill $server

# Two pairs, off first then on first: the same moves with and without speculation beside them.
run hub-speculation-pair-1 $BIN bench hub --clients 20 --rooms 20 --seconds 240 --interval 8 --paired
run hub-speculation-pair-2 $BIN bench hub --clients 20 --rooms 20 --seconds 240 --interval 8 --paired --on-first
