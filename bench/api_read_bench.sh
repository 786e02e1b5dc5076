#!/usr/bin/env bash
# Benchmark of an authenticated read endpoint over TLS with keep-alive (issue: server).
# Starts a throwaway demo server from a release build, signs in, and runs wrk at 1, 16 and
# 64 connections against GET /api/v1/me and GET /api/v1/institutions, with GET /api/v1/health
# (no session, no database) as the anchor measured in the same run, and pgbench doing the
# database's part of /api/v1/me alone as a second anchor; also times login (argon2id)
# separately. Prints requests/s and p50/p99 per run.
#   bench/api_read_bench.sh [BUILD_DIR=build-release] [SECONDS=10]
# Smoke mode for CI: ESEP_BENCH_SMOKE=1 (2-second runs at 4 connections only).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build-release}"
seconds="${2:-10}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
source "$root/tools/demo-server.sh"
start_demo_server "$build" Bench-2026-pass
dir=$demo_dir
base=$demo_base

login() { curl -sk "$base/api/v1/auth/login" -d '{"login":"administrator","password":"Bench-2026-pass"}'; }
start=$(date +%s%N); for _ in 1 2 3 4 5; do login >/dev/null; done; end=$(date +%s%N)
echo "login (argon2id m=19 MiB t=2, incl. TLS handshake): $(( (end - start) / 5000000 )) ms per sign-in"
token=$(login | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')

run() {  # run CONNECTIONS PATH
  local out
  out=$(wrk -t "$(( $1 < 2 ? 1 : 2 ))" -c "$1" -d "${seconds}s" --latency -H "Authorization: Bearer $token" "$base$2")
  printf '%-24s c=%-3s %10s req/s   p50 %-8s p99 %s\n' "$2" "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")"
}
if [ -n "${ESEP_BENCH_SMOKE:-}" ]; then
  seconds=2; run 4 /api/v1/me
else
  # Anchor: the same TLS and HTTP path without a session or the database.
  for c in 1 16 64; do run "$c" /api/v1/health; done
  for c in 1 16 64; do run "$c" /api/v1/me; done
  for c in 1 16 64; do run "$c" "/api/v1/institutions?limit=50"; done
  # Second anchor: PostgreSQL alone doing what /api/v1/me asks of it — the same three round
  # trips (BEGIN with the actor's settings, the user's row, COMMIT) as the unprivileged
  # role over the same Unix socket, no TLS or HTTP: the ceiling for a database-backed read.
  cat >"$dir/me.sql" <<'SQL'
BEGIN \; SELECT set_config('esep.user_id', '1', true), set_config('esep.org_ids', '{1,2,3}', true), set_config('esep.system', 'off', true);
SELECT id, login, full_name, iin, active, must_change_password, lang, version FROM users WHERE id = 1;
COMMIT;
SQL
  for c in 1 16 64; do
    tps=$(PGOPTIONS='-c role=esep_app' /usr/lib/postgresql/15/bin/pgbench -n -h "$demo_pg" -p 5432 \
            -U esep -f "$dir/me.sql" -M simple -c "$c" -j "$(( $c < 2 ? 1 : 2 ))" -T "$seconds" esep 2>"$dir/pgbench.err" |
          awk '/^tps/ {print $3; exit}')
    printf '%-24s c=%-3s %10s tx/s\n' "pgbench (me's 3 trips)" "$c" "$tps"
  done
fi
