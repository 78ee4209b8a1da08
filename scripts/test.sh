#!/usr/bin/env bash
# `npm test`: every check, as CI runs it (.ci/run).
#   installs node_modules when missing or stale, makes sure Postgres and Redis run with the test
#   database (scripts/services.sh --test) and the browser (--browser), then: type check, lint, unit
#   tests, e2e tests, the web app's unit tests (Vitest) and its browser tests (Playwright).
# Every step runs even when an earlier one failed; the exit status is non-zero when any failed.
# Tests use TEST_DATABASE_URL (default kinship_test) and TEST_REDIS_URL (default Redis database 1),
# never the database that `npm run demo` fills.
set -uo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$KINSHIP_ROOT"

ensure_node
ensure_node_modules
bash scripts/services.sh --test || exit 1
bash scripts/services.sh --browser || exit 1

mkdir -p .kinship
rm -f .kinship/jest-unit.json .kinship/jest-e2e.json .kinship/web-unit.json .kinship/web-e2e.json
steps=()
failed_steps=()
step() { # name command...
  local name=$1
  shift
  printf '\nkinship: == %s: %s\n' "$name" "$*"
  if "$@"; then
    steps+=("$name ok")
  else
    steps+=("$name FAILED")
    failed_steps+=("$name")
  fi
}

step typecheck npm run --silent typecheck
step lint npm run --silent lint
# No unit spec yet is not a failure; an e2e project that finds no test is.
step unit npx jest --selectProjects unit --passWithNoTests --json --outputFile=.kinship/jest-unit.json
step e2e npx jest --selectProjects e2e --runInBand --json --outputFile=.kinship/jest-e2e.json
step web-unit npx vitest run --config web/vitest.config.mts --reporter=default --reporter=json --outputFile.json=.kinship/web-unit.json
# Builds the app as `npm run build` does, then drives it in Chromium (web/e2e/support/global-setup.ts).
step browser npx playwright test --config web/playwright.config.ts

# Totals over both Jest runs; a failed step that counted no failing test (type check, lint, a suite
# that could not run) counts as one failure, so the line never reads "0 failed" when something did.
read -r passed failed skipped < <(node -e '
  const fs = require("fs");
  let p = 0, f = 0, s = 0;
  // Jest and Vitest write the same summary fields.
  for (const file of [".kinship/jest-unit.json", ".kinship/jest-e2e.json", ".kinship/web-unit.json"]) {
    if (!fs.existsSync(file)) continue;
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    p += r.numPassedTests;
    f += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    s += r.numPendingTests + r.numTodoTests;
  }
  const browser = ".kinship/web-e2e.json";
  if (fs.existsSync(browser)) {
    const st = JSON.parse(fs.readFileSync(browser, "utf8")).stats;
    p += st.expected;
    f += st.unexpected + st.flaky;
    s += st.skipped;
  }
  console.log(p, f, s);
')
for name in "${failed_steps[@]}"; do
  case $name in
  unit | e2e | web-unit | browser)
    # A failed step whose report counted no failing test (it could not run) counts as one.
    n=$(node -e '
      const file = {unit: "jest-unit", e2e: "jest-e2e", "web-unit": "web-unit", browser: "web-e2e"}[process.argv[2]];
      try {
        const r = require(`${process.argv[1]}/.kinship/${file}.json`);
        console.log(r.stats ? r.stats.unexpected + r.stats.flaky : r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0));
      } catch { console.log(0); }
    ' "$KINSHIP_ROOT" "$name")
    ((n > 0)) || failed=$((failed + 1))
    ;;
  *) failed=$((failed + 1)) ;;
  esac
done

echo
say "$(IFS=,; echo "${steps[*]}" | sed 's/,/, /g')"
echo "summary: $passed passed, $failed failed, $skipped skipped"
((${#failed_steps[@]} == 0))
