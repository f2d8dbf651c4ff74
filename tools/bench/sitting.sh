# Shared by the benchmark sitting scripts (sourced, not run): `run NAME COMMAND...` writes the
# command's output to $OUT/NAME.json with `uptime` before and after, so each figure carries its load.
run() {
  name=$1; shift
  echo "== $name: $*"
  uptime
  "$@" > "$OUT/$name.json"
  uptime
}

# `prepare RESULTS_FOLDER`: the start every sitting shares: the results folder, a Release build, and
# $BIN (the dashboard executable) and $PY (Debian's Python, which has scikit-learn and imbalanced-learn).
prepare() {
  OUT=$1
  mkdir -p "$OUT"
  dotnet build Dashboard -c Release -m:1 -v q -nologo
  BIN=Dashboard/bin/Release/net10.0/Dashboard
  PY=/usr/bin/python3
}
