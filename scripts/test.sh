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

# Every step has a time limit (seconds, generous: the whole run takes about 11 minutes), after which
# it is stopped with everything it started and fails: a hung test, setup or server must not stall CI.
# A test runner also fails when it is still running EXIT_GRACE seconds after writing its report:
# it finished, but a handle a test left open (a server, a connection, a timer) keeps it alive, and
# Jest would wait for it forever (--forceExit would end it and pass; --detectOpenHandles finds it).
EXIT_GRACE=${KINSHIP_TEST_EXIT_GRACE:-30}
# The fewest spec files each runner must report (the counts when these were set): a pattern or
# configuration that quietly finds fewer files, or none, must not pass as green. Raise them as
# spec files are added.
MIN_UNIT_FILES=24
MIN_E2E_FILES=53
MIN_WEB_UNIT_FILES=18
MIN_BROWSER_FILES=17

bounded() { # limit report|- command...
  local limit=$1 report=$2 pid since='' rc
  shift 2
  # timeout runs the command in a process group of its own and stops the whole group.
  timeout --kill-after=15 "$limit" "$@" &
  pid=$!
  trap 'kill -TERM "$pid" 2>/dev/null; exit 130' INT TERM
  while kill -0 "$pid" 2>/dev/null; do
    if [[ $report != - && -s $report ]]; then
      since=${since:-$SECONDS}
      if ((SECONDS - since >= EXIT_GRACE)); then
        warn "$* wrote its report ${EXIT_GRACE}s ago and has not exited: a test left a handle open (find it with --detectOpenHandles)"
        kill -TERM "$pid" 2>/dev/null
        wait "$pid"
        trap - INT TERM
        return 1
      fi
    fi
    sleep 1
  done
  wait "$pid"
  rc=$?
  trap - INT TERM
  ((rc == 124 || rc == 137)) && warn "$* ran past its limit of ${limit}s and was stopped"
  return "$rc"
}

at_least() { # min report: the report (Jest, Vitest or Playwright JSON) counts at least min spec files
  local n
  n=$(node -e '
    try {
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      console.log(r.suites ? r.suites.length : r.testResults.length);
    } catch { console.log(0); }
  ' "$2")
  ((n >= $1)) && return 0
  warn "$2 counts $n spec files, fewer than the $1 expected"
  return 1
}

tests() { # limit report min command...
  local limit=$1 report=$2 min=$3 rc=0
  shift 3
  bounded "$limit" "$report" "$@" || rc=$?
  at_least "$min" "$report" || rc=1
  return "$rc"
}

step typecheck bounded 600 - npm run --silent typecheck
step lint bounded 600 - npm run --silent lint
step unit tests 600 .kinship/jest-unit.json "$MIN_UNIT_FILES" \
  npx jest --selectProjects unit --json --outputFile=.kinship/jest-unit.json
step e2e tests 1800 .kinship/jest-e2e.json "$MIN_E2E_FILES" \
  npx jest --selectProjects e2e --runInBand --json --outputFile=.kinship/jest-e2e.json
step web-unit tests 600 .kinship/web-unit.json "$MIN_WEB_UNIT_FILES" \
  npx vitest run --config web/vitest.config.mts --reporter=default --reporter=json --outputFile.json="$KINSHIP_ROOT/.kinship/web-unit.json"
# Builds the app as `npm run build` does, then drives it in Chromium (web/e2e/support/global-setup.ts).
step browser tests 1200 .kinship/web-e2e.json "$MIN_BROWSER_FILES" \
  npx playwright test --config web/playwright.config.ts

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
