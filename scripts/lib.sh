# Helpers shared by scripts/*.sh (sourced, not run).

# The repository root, whatever the caller's working directory.
KINSHIP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf 'kinship: %s\n' "$*"; }
warn() { printf 'kinship: %s\n' "$*" >&2; }
die() {
  printf 'kinship: %s\n' "$*" >&2
  exit 1
}

# Node.js 20.19 or later (package.json "engines"); Debian 12's own nodejs is 18, too old.
ensure_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
    die "Node.js 20.19 or later with npm is needed and was not found: install it (e.g. with nvm or the NodeSource packages), then run this again."
  local v major minor
  v=$(node -p 'process.versions.node')
  major=${v%%.*}
  minor=${v#*.}
  minor=${minor%%.*}
  if ((major < 20 || (major == 20 && minor < 19))); then
    die "Node.js 20.19 or later is needed, found $v: install a newer Node.js (e.g. nvm install 20), then run this again."
  fi
}

# npm ci when node_modules is missing or older than package-lock.json. npm writes its own record of
# what it installed (node_modules/.package-lock.json) after the lock file, so a lock file that is
# newer than that record (a pull, a checkout) means node_modules is stale.
ensure_node_modules() {
  local installed="$KINSHIP_ROOT/node_modules/.package-lock.json"
  if [[ -f "$installed" && ! "$KINSHIP_ROOT/package-lock.json" -nt "$installed" ]]; then
    return 0
  fi
  say "installing dependencies (npm ci)"
  (cd "$KINSHIP_ROOT" && npm ci --no-audit --no-fund) || die "npm ci failed (see above)"
}
