# What the shell tests (tests/cli/*.sh, tests/postgres/*.sh) share: the pass/fail counters, the
# checks, and the wait for routerlens-serve's start line. Source it after making $tmp (each
# script's own temporary folder: check() writes $tmp/out and $tmp/err there).
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { # check NAME EXPECTED_EXIT COMMAND...; output in $tmp/out, stderr in $tmp/err
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok; else bad "$name: exit $got, expected $want"; head -5 "$tmp/out" "$tmp/err"; fi
}
contains() { # contains NAME FILE PATTERN
  if grep -q -- "$3" "$2"; then ok; else bad "$1: no \"$3\" in $2"; head -5 "$2"; fi
}
lacks() { # lacks NAME FILE PATTERN
  if grep -q -- "$3" "$2"; then bad "$1: \"$3\" in $2"; grep -- "$3" "$2" | head -3; else ok; fi
}

# serve_port ERRFILE [PID]: waits up to 15 s for routerlens-serve's "serving http://127.0.0.1:PORT/"
# line in its stderr and prints PORT; prints nothing if the line never came or PID ended first.
serve_port() {
  local file=$1 pid=${2:-} port=
  for _ in $(seq 1 150); do
    port=$(sed -n 's|.*serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$file" 2>/dev/null)
    [ -n "$port" ] && break
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "$port"
}

# finish: prints "N passed, N failed" and exits non-zero when anything failed.
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}
