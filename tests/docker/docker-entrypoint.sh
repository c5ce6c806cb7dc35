#!/usr/bin/env bash
# Entrypoint of the test image ride-test/postgres:15. It honours the interface of the official postgres
# image that Ride relies on: POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB, PGDATA, POSTGRES_INITDB_ARGS,
# a command of `postgres -c name=value ...` (or just options), initialisation on an empty data folder with a
# temporary server on the unix socket only, then the real server in the foreground as the postgres user.
set -Eeo pipefail

# Options alone mean options for postgres, as in the official image.
if [ "${1:0:1}" = '-' ]; then
    set -- postgres "$@"
fi

if [ "$1" != 'postgres' ]; then
    exec "$@"
fi

# Options that only print something never need (or touch) a cluster.
wants_help() {
    local arg
    for arg; do
        case "$arg" in
            -'?' | --help | --describe-config | -V | --version | -C | -C*) return 0 ;;
        esac
    done
    return 1
}

export PGDATA=${PGDATA:-/var/lib/postgresql/data}

if [ "$(id -u)" = 0 ]; then
    mkdir -p "$PGDATA" /var/run/postgresql
    chown postgres:postgres "$PGDATA" /var/run/postgresql
    chmod 700 "$PGDATA"
    chmod 3777 /var/run/postgresql
    exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ] && ! wants_help "$@"; then
    : "${POSTGRES_USER:=postgres}"
    : "${POSTGRES_DB:=$POSTGRES_USER}"
    if [ -z "${POSTGRES_PASSWORD:-}" ]; then
        echo 'error: the database is uninitialized and POSTGRES_PASSWORD is not set.' >&2
        exit 1
    fi

    # Local (socket) logins are trusted inside the container; everything over TCP needs the password.
    # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of options, as in the official image
    initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 ${POSTGRES_INITDB_ARGS:-}
    printf '\nhost all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"

    # The temporary server listens on the socket only, so nobody outside sees it before initialisation ends.
    pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start
    if [ "$POSTGRES_DB" != 'postgres' ]; then
        # psql quotes the name itself, but only in a script (not with -c).
        psql -v ON_ERROR_STOP=1 --no-psqlrc -U "$POSTGRES_USER" -d postgres -v db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    fi
    for f in /docker-entrypoint-initdb.d/*; do
        case "$f" in
            *.sh) echo "running $f"; . "$f" ;;
            *.sql) echo "running $f"; psql -v ON_ERROR_STOP=1 --no-psqlrc -U "$POSTGRES_USER" -d "$POSTGRES_DB" -f "$f" ;;
            *) ;;
        esac
    done
    pg_ctl -D "$PGDATA" -m fast -w stop
    echo 'PostgreSQL init process complete; ready for start up.'
fi

exec "$@"
