# Shared by the benchmark sitting scripts (sourced, not run): `run NAME COMMAND...` writes the
# command's output to $OUT/NAME.json with `uptime` before and after, so each figure carries its load.
run() {
  name=$1; shift
  echo "== $name: $*"
  uptime
  "$@" > "$OUT/$name.json"
  uptime
}
