#!/usr/bin/env bash
# The Lighthouse gates (Playwright project "lighthouse") run twice: once as the machine is,
# once beside two CPU-burning processes (one per core on the 2-core machines this project
# runs on), then the two verdicts are compared test by test. Their gates must not depend on
# how busy the machine is (docs/adr/0008-load-independent-quality-gates.md).
#
#   bash scripts/lighthouse-under-load.sh      (needs test-results/site-dist and dist: npm test builds both)
#
# Exit 0 when both runs give the same verdict for every test, 1 otherwise. The burners are
# bounded in time (BURN_SECONDS, default 600) and killed when the loaded run ends.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
burn_seconds="${BURN_SECONDS:-600}"
out=test-results/lighthouse-load
mkdir -p "$out"

run() { # name
  echo "== lighthouse, $1 (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  DATELINE_PLAYWRIGHT_REPORT="$out/$1.json" npx --no-install playwright test --project=lighthouse 2>&1 | tee "$out/$1.log" | grep -E '✓|✘|performance score|passed|failed' || true
}

verdicts() { # report file → "title: status" lines
  npx --no-install node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const walk = (s) => [...(s.specs ?? []).map((t) => `${t.title}: ${t.tests.map((x) => x.results.map((y) => y.status).join(",")).join(",")}`), ...(s.suites ?? []).flatMap(walk)];
    console.log(r.suites.flatMap(walk).sort().join("\n"));' "$1"
}

run quiet
pids=()
for _ in 1 2; do
  timeout "$burn_seconds" sh -c 'while :; do :; done' &
  pids+=($!)
done
sleep 5
run loaded
kill "${pids[@]}" 2>/dev/null || true
wait 2>/dev/null || true

if diff <(verdicts "$out/quiet.json") <(verdicts "$out/loaded.json"); then
  echo "same verdicts quiet and loaded:"
  verdicts "$out/quiet.json" | sed 's/^/  /'
else
  echo "the verdicts differ between the quiet and the loaded run (diff above)" >&2
  exit 1
fi
