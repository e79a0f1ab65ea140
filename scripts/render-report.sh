#!/usr/bin/env bash
# Renders the HTML report of examples/contoso (today 2026-11-25) to a PNG in a real headless
# browser, to look at: scripts/render-report.sh [OUT.png] [MBL]. Needs Debian's chromium
# (apt-get install chromium); without it, says so and exits 0, or $RENDER_REPORT_SKIP_STATUS (77
# for ctest's report_browser, which then shows as skipped: the suite never needs chromium).
# Fails when the picture is missing or implausibly small (a blank page).
# The page is rendered from a temporary copy of the example, which is left untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
out_png=$(realpath -m "${1:-build/report-contoso.png}")
mkdir -p "$(dirname "$out_png")"
mbl=$(realpath "${2:-build/mbl}")

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "render-report: SKIPPED: chromium is not installed (apt-get install chromium)"
  exit "${RENDER_REPORT_SKIP_STATUS:-0}"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp examples/contoso/backlog.json "$work/backlog.json"
"$mbl" -f "$work/backlog.json" --today 2026-11-25 report --format html -o "$work/report.html"
cmp -s examples/contoso/backlog.json "$work/backlog.json" || {
  echo "render-report: the report changed the backlog file" >&2
  exit 1
}
# No network, no profile, no GPU: the page must render from itself alone.
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --screenshot="$out_png" --window-size=${MBL_REPORT_WINDOW:-1280,2000} \
  "file://$work/report.html" 2>"$work/chromium.log" || {
  cat "$work/chromium.log" >&2
  exit 1
}
size=$(stat -c %s "$out_png" 2>/dev/null || echo 0)
if [ "$size" -lt 20000 ]; then
  echo "render-report: $out_png is $size bytes: the page did not render" >&2
  exit 1
fi
cp "$work/report.html" "${out_png%.png}.html"
echo "render-report: wrote $out_png (and ${out_png%.png}.html)"
