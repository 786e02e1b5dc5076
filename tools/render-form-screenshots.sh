#!/usr/bin/env bash
# Renders the forms of forms/ (institutions_list, audit_extract) in Kazakh and Russian from
# demo-like data through a real server and database — the test ScreenshotsOfTheForms of
# tests/reports/reports_apitest.cpp, which writes the PDFs when ESEP_SCREENSHOTS is set —
# and turns the first page of each into docs/screenshots/forms-<id>-<lang>.png.
#
# Usage: tools/render-form-screenshots.sh [BUILD_DIR]   (default: build)
# Needs: pdftoppm (poppler-utils).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
[[ $build = /* ]] || build=$PWD/$build

cmake --build "$build" --target reports_apitest -j2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
ESEP_SCREENSHOTS="$out" "$build/tests/reports_apitest" --gtest_filter='*ScreenshotsOfTheForms' \
  --gtest_brief=1

mkdir -p "$root/docs/screenshots"
count=0
for pdf in "$out"/forms-*.pdf; do
  [[ -e $pdf ]] || continue
  name=$(basename "$pdf" .pdf)
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$pdf" "$root/docs/screenshots/$name"
  echo "docs/screenshots/$name.png"
  count=$((count + 1))
done
if (( count != 4 )); then
  echo "render-form-screenshots: expected 4 PDFs, got $count" >&2
  exit 1
fi
