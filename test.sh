#!/usr/bin/env bash
# Runs every test, on a fresh Debian machine too: installs what the tests need (apt), restores,
# builds and runs the whole suite, then prints one summary line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

# System packages the tests need: LightGBM's native library needs libgomp1; the end-to-end
# tests drive Debian's chromium (Playwright's own browser download does not work offline).
needed=()
dpkg -s libgomp1 >/dev/null 2>&1 || needed+=(libgomp1)
[ -x /usr/bin/chromium ] || needed+=(chromium)
if ((${#needed[@]})); then
  echo "test.sh: installing ${needed[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${needed[@]}" >/dev/null || {
    echo "test.sh: could not install ${needed[*]}"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore Dashboard.sln || exit 1
dotnet build Dashboard.sln -c Release --no-restore -m:1 || exit 1

# A throwaway PostgreSQL (Debian's package, installed when missing) for the storage provider
# switch tests; it listens on loopback only and is removed at the end. Without it those tests
# skip with a message, which this script reports loudly.
cleanup=()
trap 'for step in "${cleanup[@]}"; do $step >/dev/null 2>&1; done' EXIT
if pg_env=$(tools/postgres-for-tests.sh start); then
  eval "$pg_env"
  cleanup+=("tools/postgres-for-tests.sh stop")
else
  echo "test.sh: WARNING: PostgreSQL could not be started; the PostgreSQL storage tests will be skipped"
fi

# A throwaway Redis (Debian's redis-server, installed when missing) for the cluster tests: two servers
# sharing rooms, one killed. Loopback only, nothing on disk, removed at the end.
if redis_env=$(tools/redis-for-tests.sh start); then
  eval "$redis_env"
  cleanup+=("tools/redis-for-tests.sh stop")
else
  echo "test.sh: WARNING: Redis could not be started; the cluster tests will be skipped"
fi

results=TestResults
rm -rf "$results"
dotnet test Dashboard.Tests -c Release --no-build --logger "trx;LogFileName=results.trx" \
  --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

trx="$results/results.trx"
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  # CI shows only the tail of this output: name each failed test and the start of its message
  # here, after the counts, so a failure is readable without the whole log.
  if [ "${failed:-0}" != "0" ]; then
    awk '
      /<UnitTestResult / && /outcome="Failed"/ {
        match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11)
        print "FAILED: " name; inside = 1; lines = 0; next
      }
      inside && /<Message>/ { grab = 1 }
      inside && grab && lines < 8 { sub(/^ *<Message>/, ""); print "  " $0; lines++ }
      inside && /<\/Message>/ { grab = 0; stack = 1 }
      # The first line of the stack inside the tests names the step that failed (file and line).
      inside && stack && / in \/.*Dashboard\.Tests\/.*:line [0-9]+/ { sub(/^ */, ""); print "  " $0; inside = 0; stack = 0 }
      inside && stack && /<\/StackTrace>/ { inside = 0; stack = 0 }
    ' "$trx" | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g; s/<\/Message>//'
  fi
  echo "${passed:-0} passed, ${failed:-0} failed"
else
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
