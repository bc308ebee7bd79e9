#!/usr/bin/env bash
# The README's test command (`npm test`): every check and every test, from a fresh clone.
# Type-check, lint, unit and component tests and the server's integration tests (Vitest; the server's against
# a throwaway PostgreSQL its global set-up starts and stops), a production build, then the Playwright e2e in
# Chromium (demo fleet on MSW; chat and presence against a real Synapse started by the global set-up).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/ensure-tools.sh
source scripts/ensure-tools.sh
[ -d node_modules ] || npm ci --no-audit --no-fund

# Reports live apart from test-results/, which Playwright empties when it starts.
mkdir -p .reports
step() { printf '\n=== %s ===\n' "$1"; }

step "type-check"
npx tsc -b
step "lint"
npx eslint --max-warnings 0 .
step "format"
npx prettier --check . >/dev/null

step "PostgreSQL (Debian's, for the server's integration tests)"
bash scripts/postgres.sh install

step "unit, component and server integration tests (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json

step "build"
npx vite build --logLevel warn

step "Synapse (pinned, from PyPI into .synapse/venv)"
bash scripts/synapse.sh install

step "e2e (Playwright, Chromium)"
e2e_status=0
PLAYWRIGHT_JSON_OUTPUT_NAME=.reports/playwright.json npx playwright test --reporter=list,json || e2e_status=$?

node scripts/test-summary.mjs .reports/vitest.json .reports/playwright.json
exit "$e2e_status"
