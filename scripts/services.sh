#!/usr/bin/env bash
# Makes sure Postgres and Redis answer at the configured URLs, and that the role and databases the
# URLs name exist. A local server that does not answer is started:
#   1. with Docker (`docker compose up -d postgres redis`) when a Docker engine answers, else
#   2. from Debian's packages (installed with apt-get if missing) when root or passwordless sudo, else
#   3. one message says what to do, and the script exits non-zero.
# Nothing prompts. Run it, or source it and call `kinship_services`:
#   bash scripts/services.sh          the platform's DATABASE_URL and REDIS_URL, and the test database
#   bash scripts/services.sh --test   only what the tests use: TEST_DATABASE_URL and TEST_REDIS_URL
#   bash scripts/services.sh --browser  the browser the web app's tests drive (Debian's chromium) and
#                                       the fonts its pages need (fonts-noto-cjk, fonts-noto-core)

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KINSHIP_DEFAULT_DATABASE_URL=postgres://kinship:kinship@127.0.0.1:5432/kinship
KINSHIP_DEFAULT_TEST_DATABASE_URL=postgres://kinship:kinship@127.0.0.1:5432/kinship_test
KINSHIP_DEFAULT_REDIS_URL=redis://127.0.0.1:6379
KINSHIP_DEFAULT_TEST_REDIS_URL=redis://127.0.0.1:6379/1
# How long to wait for a server that was started (seconds).
KINSHIP_SERVICES_WAIT=${KINSHIP_SERVICES_WAIT:-60}

_urldecode() {
  local s=${1//+/ }
  printf '%b' "${s//%/\\x}"
}

# _parse_url URL: sets U_USER U_PASS U_HOST U_PORT U_PATH (path without the leading slash).
_parse_url() {
  local rest=${1#*://} hostport userinfo
  rest=${rest%%\?*}
  rest=${rest%%#*}
  hostport=${rest%%/*}
  if [[ $rest == */* ]]; then U_PATH=${rest#*/}; else U_PATH=; fi
  if [[ $hostport == *@* ]]; then
    userinfo=${hostport%@*}
    hostport=${hostport##*@}
  else
    userinfo=
  fi
  U_USER=$(_urldecode "${userinfo%%:*}")
  if [[ $userinfo == *:* ]]; then U_PASS=$(_urldecode "${userinfo#*:}"); else U_PASS=; fi
  if [[ $hostport == \[* ]]; then
    U_HOST=${hostport%%]*}
    U_HOST=${U_HOST#[}
    U_PORT=${hostport#*]}
    U_PORT=${U_PORT#:}
  else
    U_HOST=${hostport%%:*}
    if [[ $hostport == *:* ]]; then U_PORT=${hostport##*:}; else U_PORT=; fi
  fi
  [[ -n $U_HOST ]] || U_HOST=127.0.0.1
}

_is_local() {
  [[ $1 == 127.* || $1 == localhost || $1 == ::1 ]]
}

_tcp_open() {
  timeout 3 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

_pg_ready() { # host port
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2" -t 3
  else
    _tcp_open "$1" "$2"
  fi
}

_redis_ready() { # url host port
  if command -v redis-cli >/dev/null 2>&1; then
    [[ $(timeout 5 redis-cli -u "$1" ping 2>/dev/null) == PONG ]]
  else
    timeout 3 bash -c "exec 3<>/dev/tcp/$2/$3; printf 'PING\r\n' >&3; IFS= read -r line <&3; [[ \$line == '+PONG'* || \$line == '-NOAUTH'* ]]" 2>/dev/null
  fi
}

_docker_engine() {
  command -v docker >/dev/null 2>&1 &&
    timeout 15 docker info >/dev/null 2>&1 &&
    docker compose version >/dev/null 2>&1
}

# Sets SUDO to "" (root) or "sudo -n" (passwordless sudo); fails when neither.
_root() {
  if [[ $EUID -eq 0 ]]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    return 1
  fi
}

_APT_UPDATED=
_apt_install() {
  local log
  log=$(mktemp)
  say "installing $* from Debian's packages (apt-get)"
  if [[ -z $_APT_UPDATED ]]; then
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1 ||
      die "apt-get update failed: $(tail -n 5 "$log")"
    _APT_UPDATED=1
  fi
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confold "$@" >"$log" 2>&1 ||
    die "apt-get install $* failed: $(tail -n 5 "$log")"
  rm -f "$log"
}

_start_local_postgres() { # port
  local port=$1 line ver name
  command -v pg_lsclusters >/dev/null 2>&1 || _apt_install postgresql
  line=$(pg_lsclusters -h 2>/dev/null | awk -v p="$port" '$3 == p { print $1, $2; exit }')
  if [[ -z $line ]]; then
    if [[ -n $(pg_lsclusters -h 2>/dev/null) ]]; then
      die "no Postgres cluster listens on port $port (pg_lsclusters shows others): set DATABASE_URL and TEST_DATABASE_URL to its port, or create one with pg_createcluster."
    fi
    ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    say "creating the Postgres $ver cluster main on port $port"
    "${SUDO[@]}" pg_createcluster "$ver" main -p "$port" >/dev/null || die "pg_createcluster $ver main failed"
    line="$ver main"
  fi
  read -r ver name <<<"$line"
  say "starting Postgres $ver/$name (pg_ctlcluster)"
  "${SUDO[@]}" pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start ||
    "${SUDO[@]}" pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" status >/dev/null ||
    die "pg_ctlcluster $ver $name start failed: see /var/log/postgresql/postgresql-$ver-$name.log"
}

_start_local_redis() { # port
  if ! command -v redis-server >/dev/null 2>&1; then
    _apt_install redis-server
    # The package may have started one already.
    sleep 1
    _tcp_open 127.0.0.1 "$1" && return 0
  fi
  say "starting Redis on 127.0.0.1:$1"
  "${SUDO[@]}" redis-server --daemonize yes --bind 127.0.0.1 --port "$1" --save "" --appendonly no --dir /tmp >/dev/null ||
    die "redis-server failed to start on port $1"
}

_cannot_start() {
  die "$1 reachable, and this script can start them only through a Docker engine or as root on Debian. Do one of:
  - run the same command again as root (or with passwordless sudo): it installs and starts postgresql and redis-server;
  - start Docker, then: docker compose up -d postgres redis
  - as root on Debian: apt-get install -y postgresql redis-server && pg_ctlcluster --skip-systemctl-redirect 15 main start && redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no
  - or point DATABASE_URL and REDIS_URL (TEST_DATABASE_URL and TEST_REDIS_URL for the tests) at servers that run."
}

# Runs psql as a superuser on the server at host:port, whichever way works; SQL on stdin.
# Sets PG_SU_HOW the first time.
PG_SU_HOW=
_pg_su() { # host port [psql args...]
  local host=$1 port=$2
  shift 2
  case $PG_SU_HOW in
  runuser) (cd / && runuser -u postgres -- psql -X -w -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@") ;;
  sudo) (cd / && sudo -n -u postgres psql -X -w -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@") ;;
  tcp) psql -X -w -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres -d postgres "$@" ;;
  docker) docker compose -f "$KINSHIP_ROOT/docker-compose.yml" exec -T postgres psql -X -q -v ON_ERROR_STOP=1 -U "$KINSHIP_PG_DOCKER_USER" -d postgres "$@" ;;
  *) return 1 ;;
  esac
}

_find_pg_su() { # host port
  local how
  for how in runuser sudo tcp docker; do
    case $how in
    runuser) [[ $EUID -eq 0 ]] && _is_local "$1" && command -v psql >/dev/null 2>&1 && id postgres >/dev/null 2>&1 || continue ;;
    sudo) [[ $EUID -ne 0 ]] && _is_local "$1" && command -v psql >/dev/null 2>&1 && sudo -n true 2>/dev/null || continue ;;
    tcp) command -v psql >/dev/null 2>&1 || continue ;;
    docker) [[ -n ${KINSHIP_PG_DOCKER_USER:-} ]] || continue ;;
    esac
    PG_SU_HOW=$how
    if [[ $(_pg_su "$1" "$2" -tA -c 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user' </dev/null 2>/dev/null) == t ]]; then
      return 0
    fi
  done
  PG_SU_HOW=
  return 1
}

# The role (LOGIN, CREATEDB, the URL's password) and the database a URL names; idempotent.
_ensure_pg_objects() { # url
  _parse_url "$1"
  local role=$U_USER pw=$U_PASS db=$U_PATH host=$U_HOST port=${U_PORT:-5432}
  [[ -n $role && -n $db ]] || return 0
  if [[ -z $PG_SU_HOW ]] && ! _find_pg_su "$host" "$port"; then
    # No superuser at hand (a server in Docker, say): the URL's role must log in, and may create
    # its database itself when it has CREATEDB.
    command -v psql >/dev/null 2>&1 || return 0
    if ! PGCONNECT_TIMEOUT=5 psql -X -w -tA -c 'SELECT 1' "$1" >/dev/null 2>&1 </dev/null; then
      local base=${1%%\?*}
      PGCONNECT_TIMEOUT=5 psql -X -w -q -v ON_ERROR_STOP=1 -v db="$db" "${base%/*}/postgres" >/dev/null 2>&1 <<'SQL'
SELECT format('CREATE DATABASE %I', :'db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')
\gexec
SQL
      PGCONNECT_TIMEOUT=5 psql -X -w -tA -c 'SELECT 1' "$1" >/dev/null 2>&1 </dev/null ||
        die "cannot log in to Postgres at $host:$port as $role (database $db), and no superuser access was found to create them. As a Postgres superuser run:
  CREATE ROLE \"$role\" LOGIN CREATEDB PASSWORD '<the password in the URL>'; CREATE DATABASE \"$db\" OWNER \"$role\";"
    fi
    return 0
  fi
  _pg_su "$host" "$port" -v role="$role" -v pw="$pw" -v db="$db" >/dev/null <<'SQL' || die "could not create the Postgres role $role or database $db at $host:$port (see above)"
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role')
\gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB', :'role')
  FROM pg_roles WHERE rolname = :'role' AND NOT (rolcanlogin AND rolcreatedb)
\gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'role', :'pw') WHERE :'pw' <> ''
\gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')
\gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', d.datname, r.rolname)
  FROM pg_database d JOIN pg_roles r ON r.rolname = :'role'
 WHERE d.datname = :'db' AND d.datdba <> r.oid AND NOT r.rolsuper
\gexec
SQL
  if command -v psql >/dev/null 2>&1; then
    local err
    err=$(PGCONNECT_TIMEOUT=5 psql -X -w -tA -c 'SELECT 1' "$1" 2>&1 </dev/null >/dev/null) ||
      die "Postgres at $host:$port refuses $role on $db: $err"
  fi
}

_wait_for() { # what command...
  local what=$1 i
  shift
  for ((i = 0; i < KINSHIP_SERVICES_WAIT; i++)); do
    "$@" && return 0
    sleep 1
  done
  die "$what did not answer within ${KINSHIP_SERVICES_WAIT}s"
}

kinship_services() {
  local pg_urls redis_urls
  if [[ ${1:-} == --test ]]; then
    pg_urls=("${TEST_DATABASE_URL:-$KINSHIP_DEFAULT_TEST_DATABASE_URL}")
    redis_urls=("${TEST_REDIS_URL:-$KINSHIP_DEFAULT_TEST_REDIS_URL}")
  else
    pg_urls=("${DATABASE_URL:-$KINSHIP_DEFAULT_DATABASE_URL}" "${TEST_DATABASE_URL:-$KINSHIP_DEFAULT_TEST_DATABASE_URL}")
    redis_urls=("${REDIS_URL:-$KINSHIP_DEFAULT_REDIS_URL}")
  fi

  # Which servers do not answer.
  local url down_pg=() down_redis=() remote_down=() seen=" "
  for url in "${pg_urls[@]}"; do
    _parse_url "$url"
    local hp="$U_HOST:${U_PORT:-5432}"
    [[ $seen == *" pg:$hp "* ]] && continue
    seen+="pg:$hp "
    _pg_ready "$U_HOST" "${U_PORT:-5432}" && continue
    if _is_local "$U_HOST"; then down_pg+=("${U_PORT:-5432}"); else remote_down+=("Postgres at $hp"); fi
  done
  for url in "${redis_urls[@]}"; do
    _parse_url "$url"
    local hp="$U_HOST:${U_PORT:-6379}"
    [[ $seen == *" redis:$hp "* ]] && continue
    seen+="redis:$hp "
    _redis_ready "$url" "$U_HOST" "${U_PORT:-6379}" && continue
    if _is_local "$U_HOST"; then down_redis+=("${U_PORT:-6379}"); else remote_down+=("Redis at $hp"); fi
  done
  if ((${#remote_down[@]})); then
    die "${remote_down[*]} does not answer; it is not on this machine, so start it there or change the URL."
  fi

  if ((${#down_pg[@]} + ${#down_redis[@]})); then
    local what=""
    ((${#down_pg[@]})) && what="Postgres (127.0.0.1:${down_pg[*]})"
    ((${#down_redis[@]})) && what="${what:+$what and }Redis (127.0.0.1:${down_redis[*]})"
    if _docker_engine; then
      say "$what not reachable: starting them with docker compose"
      docker compose -f "$KINSHIP_ROOT/docker-compose.yml" up -d postgres redis || die "docker compose up -d postgres redis failed"
      # The compose file's POSTGRES_USER is a superuser inside the container.
      KINSHIP_PG_DOCKER_USER=kinship
    elif [[ -f /etc/debian_version ]] && command -v apt-get >/dev/null 2>&1 && _root; then
      local port
      for port in "${down_pg[@]}"; do _start_local_postgres "$port"; done
      for port in "${down_redis[@]}"; do _start_local_redis "$port"; done
    else
      local verb="is not"
      ((${#down_pg[@]} && ${#down_redis[@]})) && verb="are not"
      _cannot_start "$what $verb"
    fi
  fi

  for url in "${pg_urls[@]}"; do
    _parse_url "$url"
    _wait_for "Postgres at $U_HOST:${U_PORT:-5432}" _pg_ready "$U_HOST" "${U_PORT:-5432}"
  done
  for url in "${redis_urls[@]}"; do
    _parse_url "$url"
    _wait_for "Redis at $U_HOST:${U_PORT:-6379}" _redis_ready "$url" "$U_HOST" "${U_PORT:-6379}"
  done
  local dbs=()
  for url in "${pg_urls[@]}"; do
    _ensure_pg_objects "$url"
    dbs+=("$U_PATH")
  done
  _parse_url "${pg_urls[0]}"
  local pg="$U_HOST:${U_PORT:-5432}"
  _parse_url "${redis_urls[0]}"
  say "Postgres $pg (databases ${dbs[*]}) and Redis $U_HOST:${U_PORT:-6379} are ready"
}

# Debian's Chromium for the browser tests (no test tool downloads a browser of its own here), with
# the fonts that draw Chinese and Nepali: without them the pages' screenshots show empty boxes.
kinship_browser() {
  local chrome=${CHROME_PATH:-/usr/bin/chromium} missing=()
  [[ -x $chrome ]] || missing+=(chromium)
  if command -v fc-list >/dev/null 2>&1; then
    fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
    fc-list 2>/dev/null | grep -qi 'Noto Sans Devanagari' || missing+=(fonts-noto-core)
  else
    missing+=(fonts-noto-cjk fonts-noto-core)
  fi
  ((${#missing[@]})) || return 0
  if [[ -f /etc/debian_version ]] && command -v apt-get >/dev/null 2>&1 && _root; then
    _apt_install "${missing[@]}"
    [[ -x $chrome ]] || die "chromium was installed but $chrome is missing: set CHROME_PATH to the browser"
  else
    die "the browser tests need ${missing[*]}: as root on Debian, run: apt-get install -y ${missing[*]} (or set CHROME_PATH to a Chromium)"
  fi
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -uo pipefail
  if [[ ${1:-} == --browser ]]; then
    kinship_browser
    say "browser $(${CHROME_PATH:-/usr/bin/chromium} --version 2>/dev/null | head -n 1) and the Noto fonts are ready"
  else
    kinship_services "$@"
  fi
fi
