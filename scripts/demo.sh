#!/usr/bin/env bash
# `npm run demo`: the platform with sample data, in the foreground.
#   installs node_modules when missing or stale, makes sure Postgres and Redis run (scripts/services.sh),
#   builds, migrates, seeds, then runs the mail catcher, the api and the worker until Ctrl-C.
# Overrides (environment): PORT (3000), MAIL_CATCHER_SMTP_PORT (1025), MAIL_CATCHER_HTTP_PORT (1080),
# DATABASE_URL, REDIS_URL, SMTP_URL (the catcher), ADMIN_EMAIL / ADMIN_PASSWORD (the demo admin),
# DEMO_LOGS=json for the raw JSON log lines (they are prettified when the output is a terminal),
# and every other variable the README lists.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$KINSHIP_ROOT"

ensure_node
ensure_node_modules

export NODE_ENV=${NODE_ENV:-development}
export PORT=${PORT:-3000}
# Named explicitly, so that NODE_ENV cannot switch the demo to another database.
export DATABASE_URL=${DATABASE_URL:-postgres://kinship:kinship@127.0.0.1:5432/kinship}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
MAIL_CATCHER_SMTP_PORT=${MAIL_CATCHER_SMTP_PORT:-1025}
MAIL_CATCHER_HTTP_PORT=${MAIL_CATCHER_HTTP_PORT:-1080}
export SMTP_URL=${SMTP_URL:-smtp://127.0.0.1:$MAIL_CATCHER_SMTP_PORT}
export ADMIN_EMAIL=${ADMIN_EMAIL:-admin@kinship.local}
export ADMIN_PASSWORD=${ADMIN_PASSWORD:-kinship-demo}
# The password of the other demo accounts (src/seed/seed.ts, DEMO_PASSWORD).
DEMO_PASSWORD=kinship-demo

port_in_use() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
for p in "PORT=$PORT" "MAIL_CATCHER_SMTP_PORT=$MAIL_CATCHER_SMTP_PORT" "MAIL_CATCHER_HTTP_PORT=$MAIL_CATCHER_HTTP_PORT"; do
  if port_in_use "${p#*=}"; then
    die "port ${p#*=} is already in use (another Kinship demo?): stop that program, or choose another port, e.g. ${p%%=*}=$((${p#*=} + 1)) npm run demo"
  fi
done

bash scripts/services.sh

say "building (npm run build)"
npm run --silent build

mkdir -p .kinship
say "running migrations"
if ! node_modules/.bin/typeorm migration:run -d dist/src/database/data-source.js >.kinship/migrate.log 2>&1; then
  cat .kinship/migrate.log >&2
  die "migrations failed (see above)"
fi
grep -E 'executed successfully|No migrations are pending' .kinship/migrate.log | sed 's/^/kinship: /' || true

node dist/src/seed/seed.js

# The children run in sessions of their own (setsid), so Ctrl-C reaches only this script, which
# then stops them in order: api and worker first, the mail catcher last.
pretty=()
if [[ -t 1 && ${DEMO_LOGS:-} != json && -x node_modules/.bin/pino-pretty ]]; then
  pretty=(node_modules/.bin/pino-pretty --colorize --singleLine --translateTime 'SYS:HH:MM:ss' --ignore 'pid,hostname,process,context'
    --messageFormat '{process} {if context}{context}: {end}{msg}')
fi
pids=()
names=()
start() { # name command...
  local name=$1
  shift
  if ((${#pretty[@]})); then
    setsid "$@" > >(exec setsid "${pretty[@]}") 2>&1 &
  else
    setsid "$@" &
  fi
  pids+=($!)
  names+=("$name")
}

stopping=
stop_all() {
  local i n
  stopping=1
  trap '' INT TERM HUP
  # api and worker finish what they are doing (Nest shutdown hooks), then the catcher goes.
  for i in "${!pids[@]}"; do
    [[ ${names[$i]} == mail-catcher ]] || kill -TERM "${pids[$i]}" 2>/dev/null || true
  done
  for ((n = 0; n < 200; n++)); do
    alive=0
    for i in "${!pids[@]}"; do
      [[ ${names[$i]} != mail-catcher ]] && kill -0 "${pids[$i]}" 2>/dev/null && alive=1
    done
    ((alive)) || break
    sleep 0.1
  done
  for i in "${!pids[@]}"; do
    [[ ${names[$i]} == mail-catcher ]] && kill -TERM "${pids[$i]}" 2>/dev/null
  done
  for ((n = 0; n < 50; n++)); do
    alive=0
    for i in "${!pids[@]}"; do kill -0 "${pids[$i]}" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  for i in "${!pids[@]}"; do
    if kill -0 "${pids[$i]}" 2>/dev/null; then
      warn "${names[$i]} did not stop within 25 s: killing it"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    fi
  done
  wait 2>/dev/null || true
}

on_signal() {
  [[ -n $stopping ]] && return
  echo
  say "stopping"
  stop_all
  say "stopped"
  exit 0
}
trap on_signal INT TERM HUP

# A child that ended: say which, stop the rest, fail.
check_children() {
  local i
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      local status=0
      wait "${pids[$i]}" 2>/dev/null || status=$?
      warn "${names[$i]} exited (status $status); stopping the others"
      stop_all
      exit 1
    fi
  done
}

http_ok() { node -e "fetch(process.argv[1],{signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))" "$1"; }

start mail-catcher node dist/src/dev/mail-catcher.js --smtp-port "$MAIL_CATCHER_SMTP_PORT" --http-port "$MAIL_CATCHER_HTTP_PORT"
start api node --max-old-space-size=192 dist/src/main.js
start worker node --max-old-space-size=256 dist/src/worker.js

set +e
deadline=$((SECONDS + 120))
until http_ok "http://127.0.0.1:$PORT/health/ready"; do
  check_children
  if ((SECONDS > deadline)); then
    warn "the api did not answer /health/ready with 200 within 120 s; stopping"
    stop_all
    exit 1
  fi
  sleep 1
done
check_children

api="http://localhost:$PORT"
cat <<EOF

Kinship is running. Ctrl-C stops it all.
  Web app      $api/
  Mail inbox   http://localhost:$MAIL_CATCHER_HTTP_PORT   (every mail sent; its links open the web app)
  API          $api/api/v1
  API docs     $api/docs
  Readiness    $api/health/ready
  SMTP         $SMTP_URL
Demo logins (sign in at $api/login):
  organizer@kinship.local   $DEMO_PASSWORD   organizer
  family@kinship.local      $DEMO_PASSWORD   family, household of four
  sponsor@kinship.local     $DEMO_PASSWORD   sponsor
  $(printf '%-25s' "$ADMIN_EMAIL") $ADMIN_PASSWORD   admin

EOF

# A signal interrupts wait and runs on_signal, which exits; otherwise a child ended.
died=
wait -n -p died "${pids[@]}"
status=$?
for i in "${!pids[@]}"; do
  [[ ${pids[$i]} == "$died" ]] && warn "${names[$i]} exited (status $status); stopping the others"
done
stop_all
exit 1
