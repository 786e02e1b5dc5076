#!/usr/bin/env bash
# Benchmark of the generic list endpoint on a million-row list (issue: desktop client,
# "a list of a million rows opens at once and scrolls smoothly"). Starts a throwaway demo
# server from a release build, adds 1,000,000 audit rows to the demo institutions with one
# SQL statement over the embedded cluster's socket, then times with curl (median of 5, the
# server's part: from request sent to first byte, and the whole call with TLS handshake):
# the first page with its total, a page at offset 500,000, the last page, a sorted and
# filtered page, and a quick search.
#   bench/list_paging_bench.sh [BUILD_DIR=build-release] [ROWS=1000000]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build-release}"
rows="${2:-1000000}"
psql_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/psql"
[ -x "$psql_bin" ] || psql_bin=psql
source "$root/tools/demo-server.sh"
start_demo_server "$build" Bench-2026-pass
dir=$demo_dir
base=$demo_base

# The embedded cluster listens only on its socket in the data directory (port 5432 names
# the socket file), as the superuser "esep"; the server keeps it running.
sql() { "$psql_bin" -h "$demo_pg" -p 5432 -U esep -d esep -v ON_ERROR_STOP=1 -qAt -c "$1"; }
start=$(date +%s%N)
sql "INSERT INTO audit_log (kind, action, org_id, entity, entity_id, at, prev_hash, hash)
     SELECT 'mutation', (ARRAY['bench.read', 'bench.write', 'bench.post'])[g % 3 + 1],
            orgs[g % array_length(orgs, 1) + 1], 'document', (g % 5000)::text,
            timestamptz '2026-01-01T00:00:00Z' + g * interval '30 seconds',
            sha256(g::text::bytea), sha256(('bench/' || g)::bytea)
     FROM generate_series(1, $rows) AS g,
          (SELECT array_agg(id ORDER BY id) AS orgs FROM institutions) AS o"
# What autovacuum would have done by the time anyone scrolls: statistics, visibility map.
sql "VACUUM ANALYZE audit_log"
end=$(date +%s%N)
echo "generated $rows audit rows (+ VACUUM ANALYZE): $(( (end - start) / 1000000 )) ms"

token=$(curl -sk "$base/api/v1/auth/login" -d '{"login":"administrator","password":"Bench-2026-pass"}' |
        python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')

# time NAME QUERY: five calls; medians of the server part and of the whole call, in ms.
time_page() {
  local name="$1" query="$2" server=() whole=() out code pre first all
  for _ in 1 2 3 4 5; do
    out=$(curl -sk -o "$dir/body" -w '%{http_code} %{time_pretransfer} %{time_starttransfer} %{time_total}' \
          -H "Authorization: Bearer $token" "$base/api/v1/lists/audit?$query")
    read -r code pre first all <<<"$out"
    [ "$code" = 200 ] || { echo "$name: HTTP $code $(cat "$dir/body")"; exit 1; }
    server+=("$(awk -v a="$first" -v b="$pre" 'BEGIN {printf "%.1f", (a - b) * 1000}')")
    whole+=("$(awk -v a="$all" 'BEGIN {printf "%.1f", a * 1000}')")
  done
  local median_server median_whole items total_rows
  median_server=$(printf '%s\n' "${server[@]}" | sort -n | sed -n 3p)
  median_whole=$(printf '%s\n' "${whole[@]}" | sort -n | sed -n 3p)
  read -r items total_rows < <(python3 -c \
    'import sys, json; d = json.load(open(sys.argv[1])); print(len(d["items"]), d["total"])' "$dir/body")
  printf '%-34s server %7s ms   whole call %7s ms   (%s items of %s)\n' \
    "$name" "$median_server" "$median_whole" "$items" "$total_rows"
}

total=$(curl -sk -H "Authorization: Bearer $token" "$base/api/v1/lists/audit?limit=1" |
        python3 -c 'import sys, json; print(json.load(sys.stdin)["total"])')
time_page "first page (newest, with total)" "limit=100"
time_page "page at offset 500,000" "offset=500000&limit=100"
time_page "last page" "offset=$((total - 100))&limit=100"
time_page "sorted + filtered" \
  "sort=-at,entity_id&f.action=write&f.at.from=2026-06-01&f.at.to=2026-06-30&limit=100"
time_page "quick search q=4999" "q=4999&limit=100"
