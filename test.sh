#!/usr/bin/env bash
# The test command: `dotnet test Bot.sln` with what the tests need around it. Arguments go to dotnet test.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

install_packages() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Not root: cannot install $* (the tests that need it will fail or be skipped)" >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# The poster tests read the QR codes back with zbarimg (Debian's zbar-tools); they fail without it.
if ! command -v zbarimg >/dev/null 2>&1; then
  install_packages zbar-tools
fi

# The desk's browser tests drive the system's Chromium (Playwright downloads no browser here): Debian's chromium.
if [ ! -x /usr/bin/chromium ]; then
  install_packages chromium
fi

# PostgreSQL for the storage tests on the second store: installed from the system's packages when missing, started on
# loopback on a free port with a throwaway data folder, stopped on exit. CI=1 makes a missing server fail the
# PostgreSQL tests instead of skipping them.
pg_folder=""
pg_bin=""
find_postgres() {
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$pg_bin" ] && command -v initdb >/dev/null 2>&1; then pg_bin="$(dirname "$(command -v initdb)")"; fi
}
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_test_postgres() {
  if [ -n "$pg_folder" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_folder/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_folder"
  fi
}
start_test_postgres() {
  find_postgres
  if [ -z "$pg_bin" ]; then
    echo "Installing PostgreSQL from the system's packages" >&2
    install_packages postgresql
    find_postgres
  fi
  if [ -z "$pg_bin" ]; then echo "PostgreSQL is not installed and could not be" >&2; return 1; fi
  pg_folder="$(mktemp -d)"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_folder"; fi
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  as_postgres "$pg_bin/initdb" -D "$pg_folder/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 -N >"$pg_folder/initdb.log" 2>&1 \
    || { cat "$pg_folder/initdb.log" >&2; return 1; }
  # Durability is not under test here; fsync off keeps the many throwaway databases quick to create.
  as_postgres "$pg_bin/pg_ctl" -D "$pg_folder/data" -l "$pg_folder/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_folder -c fsync=off -c max_connections=300" start >/dev/null \
    || { cat "$pg_folder/server.log" >&2; return 1; }
  export JUMYSBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$port" >&2
}
trap stop_test_postgres EXIT

if [ -z "${JUMYSBOT_TEST_POSTGRES:-}" ]; then
  start_test_postgres || echo "PostgreSQL could not be started: the PostgreSQL tests will be skipped (or fail with CI set)" >&2
fi

dotnet test Bot.sln "$@"
