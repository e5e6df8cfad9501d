#!/usr/bin/env bash
# npm run test:pg: the unit and integration tests, then Playwright, on PostgreSQL.
# Uses TEST_DATABASE_URL if set (any server where the user may create databases);
# otherwise starts a private PostgreSQL cluster in ./.pg (scripts/pg-local.sh) and stops it after.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  export PGPORT=${PGPORT:-54329}
  scripts/pg-local.sh start
  trap 'scripts/pg-local.sh stop' EXIT
  export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PGPORT/postgres"
fi
npx vitest run "$@"
# The browser tests too, on their own database of that server (dropped and made anew each run).
E2E_DATABASE_URL="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/corroborate_e2e"; console.log(u.toString())' "$TEST_DATABASE_URL")" \
  npx playwright test
