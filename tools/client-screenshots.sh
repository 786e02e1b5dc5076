#!/usr/bin/env bash
# Screenshots of the desktop client for the README: starts a throwaway demo server (its own
# data directory and port), produces two reports so the job monitor has rows, then runs
# esep-client under Xvfb with --screenshot in Kazakh and Russian and writes
#   docs/screenshots/client-login-<lang>.png                 the filled login dialog
#   docs/screenshots/client-main-<list>-<lang>.png           the main window with the list open
# for the lists institutions, audit and jobs.
#
# Usage: tools/client-screenshots.sh [BUILD_DIR]   (default: build; needs esep-server,
#        esep-admin and esep-client built there)
# Needs: xvfb-run (xvfb), curl, openssl, python3.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
[[ $build = /* ]] || build=$PWD/$build
for exe in esep-server esep-admin esep-client; do
  [[ -x $build/bin/$exe ]] || { echo "client-screenshots: $build/bin/$exe is not built" >&2; exit 1; }
done

source "$(dirname "$0")/demo-server.sh"
start_demo_server "$build" Demo-2026-esep
dir=$demo_dir
base=$demo_base
cert=$demo_cert

# Two reports started by the auditor (reports.read, audit.read), so the administrator's job
# monitor (jobs.read) shows finished jobs with their progress.
json() { python3 -c "import sys, json; d = json.load(sys.stdin); print($1)"; }
token=$(curl -s --cacert "$cert" "$base/api/v1/auth/login" \
          -d '{"login":"auditor","password":"Demo-2026-esep"}' | json 'd["token"]')
org=$(curl -s --cacert "$cert" -H "Authorization: Bearer $token" "$base/api/v1/me" |
        json 'd["institutions"][0]')
for form in institutions_list audit_extract; do
  curl -s --cacert "$cert" -H "Authorization: Bearer $token" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -H 'Content-Type: application/json' \
    -d "{\"org_id\": $org, \"lang\": \"ru\", \"formats\": [\"pdf\", \"xlsx\"]}" \
    "$base/api/v1/reports/$form" >"$dir/report-$form.json"
  python3 -c 'import sys, json; json.load(open(sys.argv[1]))["id"]' "$dir/report-$form.json" ||
    { echo "client-screenshots: report $form not started: $(cat "$dir/report-$form.json")" >&2; exit 1; }
done

pin=$(openssl x509 -in "$cert" -outform DER | sha256sum | cut -d' ' -f1)
shots="$dir/shots"
mkdir -p "$root/docs/screenshots"
for lang in kk ru; do
  for list in institutions audit jobs; do
    # A fresh settings folder each run: no saved profile, language or column layout.
    XDG_CONFIG_HOME="$dir/config-$lang-$list" xvfb-run -a -s '-screen 0 1280x800x24' \
      "$build/bin/esep-client" --server "$base" --pin "$pin" --login administrator \
      --password-file "$dir/password" --lang "$lang" --open "$list" --screenshot "$shots" \
      >"$dir/client.log" 2>&1 || { cat "$dir/client.log" >&2; exit 1; }
    cp "$shots/main-$list-$lang.png" "$root/docs/screenshots/client-main-$list-$lang.png"
    echo "docs/screenshots/client-main-$list-$lang.png"
  done
  cp "$shots/login-$lang.png" "$root/docs/screenshots/client-login-$lang.png"
  echo "docs/screenshots/client-login-$lang.png"
done
