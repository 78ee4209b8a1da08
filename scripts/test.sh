#!/usr/bin/env bash
# `npm test`: every check, as CI runs it (.ci/run).
#   installs node_modules when missing or stale, makes sure Postgres and Redis run with the test
#   database (scripts/services.sh --test), then: type check, lint, unit tests, e2e tests.
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

mkdir -p .kinship
rm -f .kinship/jest-unit.json .kinship/jest-e2e.json
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

step typecheck npx tsc --noEmit -p tsconfig.json
step lint npm run --silent lint
# No unit spec yet is not a failure; an e2e project that finds no test is.
step unit npx jest --selectProjects unit --passWithNoTests --json --outputFile=.kinship/jest-unit.json
step e2e npx jest --selectProjects e2e --runInBand --json --outputFile=.kinship/jest-e2e.json

# Totals over both Jest runs; a failed step that counted no failing test (type check, lint, a suite
# that could not run) counts as one failure, so the line never reads "0 failed" when something did.
read -r passed failed skipped < <(node -e '
  const fs = require("fs");
  let p = 0, f = 0, s = 0;
  for (const name of ["unit", "e2e"]) {
    const file = `.kinship/jest-${name}.json`;
    if (!fs.existsSync(file)) continue;
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    p += r.numPassedTests;
    f += r.numFailedTests + r.numRuntimeErrorTestSuites;
    s += r.numPendingTests + r.numTodoTests;
  }
  console.log(p, f, s);
')
for name in "${failed_steps[@]}"; do
  case $name in
  unit | e2e)
    n=$(node -e 'try{const r=require(process.argv[1]);console.log(r.numFailedTests+r.numRuntimeErrorTestSuites)}catch{console.log(0)}' "$KINSHIP_ROOT/.kinship/jest-$name.json")
    ((n > 0)) || failed=$((failed + 1))
    ;;
  *) failed=$((failed + 1)) ;;
  esac
done

echo
say "$(IFS=,; echo "${steps[*]}" | sed 's/,/, /g')"
echo "summary: $passed passed, $failed failed, $skipped skipped"
((${#failed_steps[@]} == 0))
