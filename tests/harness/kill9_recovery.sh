#!/usr/bin/env bash
# A test run killed with kill -9 must leave nothing that breaks the next run: its cluster
# keeps running (nothing can stop it at -9), and the next run must sweep it away.
# Usage: kill9_recovery.sh <a *_pgtest executable>
set -uo pipefail
exe="$1"
tmp=$(mktemp -d /tmp/esep-kill9-XXXXXX)
chmod 755 "$tmp"
export ESEP_TEST_TMP="$tmp"
root="$tmp/esep-test-clusters"
fail() { echo "FAIL: $*"; exit 1; }
cleanup() {
  for pid_file in "$root"/run-*/pg/pgdata/postmaster.pid; do
    [ -f "$pid_file" ] && kill -9 "$(head -n1 "$pid_file")" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

# The victim repeats its tests for long enough to be killed in the middle of them.
"$exe" --gtest_repeat=1000 >/dev/null 2>&1 &
victim=$!
killed=0
for _ in $(seq 1 1500); do
  if grep -qs 'ready to accept connections' "$root"/run-*/pg/postgres.log; then
    sleep 0.5
    kill -9 "$victim" 2>/dev/null && killed=1
    break
  fi
  kill -0 "$victim" 2>/dev/null || break
  sleep 0.02
done
wait "$victim" 2>/dev/null
[ "$killed" -eq 1 ] || fail "could not kill the run while its cluster was up"

pid_file=$(compgen -G "$root/run-*/pg/pgdata/postmaster.pid" | head -n1)
[ -n "$pid_file" ] || fail "expected the killed run's cluster to be left behind"
orphan_pid=$(head -n1 "$pid_file")
kill -0 "$orphan_pid" 2>/dev/null || fail "the orphaned postmaster should still be running"

"$exe" >"$tmp/second-run.log" 2>&1 || { cat "$tmp/second-run.log"; fail "the next run failed"; }

sleep 0.2
kill -0 "$orphan_pid" 2>/dev/null && fail "the orphaned postmaster $orphan_pid is still running"
leftovers=$(find "$root" -mindepth 1 -maxdepth 1 | wc -l)
[ "$leftovers" -eq 0 ] || fail "leftover run directories: $(ls "$root")"
echo "PASS: the killed run's cluster was stopped and removed by the next run"
