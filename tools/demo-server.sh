# Sourced by the benchmarks and tools that need a throwaway demo server (bash):
#   source tools/demo-server.sh; start_demo_server BUILD_DIR PASSWORD
# creates $demo_dir (a temp dir), initialises an embedded cluster in $demo_dir/pg with the demo
# structure (every demo user has PASSWORD), starts esep-server on a random port and waits
# until it answers. Sets demo_dir, demo_pg (the data directory), demo_port, demo_base,
# demo_cert and server_pid; an EXIT trap stops the server and its cluster and removes the
# directory. The cluster listens only on its socket in $demo_pg (port 5432 names the socket
# file), as the superuser "esep".

start_demo_server() {
  local build=$1 password=$2
  demo_build=$build
  demo_dir=$(mktemp -d /tmp/esep-demo-XXXXXX)
  chmod 755 "$demo_dir"  # as root the cluster runs as postgres, which must enter it
  demo_pg=$demo_dir/pg
  demo_port=$((20000 + RANDOM % 20000))
  demo_base=https://127.0.0.1:$demo_port
  demo_cert=$demo_pg/tls/server.crt
  server_pid=
  trap stop_demo_server EXIT
  printf '%s\n' "$password" >"$demo_dir/password"
  "$build/bin/esep-admin" --data-dir "$demo_pg" init --admin-password-file "$demo_dir/password" >/dev/null
  "$build/bin/esep-admin" --data-dir "$demo_pg" demo --password-file "$demo_dir/password" >/dev/null
  ESEP_LOG_LEVEL=warn "$build/bin/esep-server" --data-dir "$demo_pg" --port "$demo_port" \
    >"$demo_dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    curl -s --cacert "$demo_cert" "$demo_base/api/v1/health" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$demo_dir/server.log" >&2; return 1; }
    sleep 0.1
  done
  echo "the demo server did not answer in 30 s" >&2
  return 1
}

stop_demo_server() {
  if [ -n "${server_pid:-}" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  "$demo_build/bin/esep-admin" --data-dir "$demo_pg" stop >/dev/null 2>&1 || true
  rm -rf "$demo_dir"
}
