#!/usr/bin/env bash
# Makes sure a Docker engine answers for Ride's tests.
#
# When one already answers (DOCKER_HOST, or the default socket) it is used as it is. Otherwise, as root,
# this starts a private dockerd with its own socket, data root, exec root, pidfile and log, so it never
# disturbs (or is disturbed by) a system engine; stop-dockerd.sh stops only that daemon.
#
# Usage: start-dockerd.sh [ENV_FILE] [--tcp PORT | --no-tcp]
#   ENV_FILE     where to write the environment to use (default: $RIDE_DOCKERD_DIR/env, i.e. /var/lib/ride-dockerd/env)
#   --tcp PORT   the private daemon also listens on tcp://127.0.0.1:PORT, for DOCKER_HOST=tcp:// tests
#                (default 23750, or RIDE_DOCKERD_TCP_PORT; skipped when the port is taken)
#   --no-tcp     the private daemon listens on its unix socket only
#
# The environment file (also printed) holds:
#   export DOCKER_HOST=...
#   export RIDE_DOCKER_TCP_HOST=tcp://127.0.0.1:PORT   when the engine also answers there
#   export RIDE_STARTED_DOCKERD=1                      when it is this script's private daemon (stop-dockerd.sh stops it)
set -euo pipefail

state_dir=${RIDE_DOCKERD_DIR:-/var/lib/ride-dockerd}
socket=${RIDE_DOCKERD_SOCKET:-/run/ride-dockerd.sock}
# Kept short: containerd's and the shims' unix socket paths live under it and have a length limit.
exec_root=${RIDE_DOCKERD_EXEC_ROOT:-/run/ride-dockerd}
tcp_port=${RIDE_DOCKERD_TCP_PORT-23750}
ready_timeout=${RIDE_DOCKERD_TIMEOUT:-60}
env_file=$state_dir/env

while [ $# -gt 0 ]; do
    case "$1" in
        --tcp) tcp_port=${2:?--tcp needs a port}; shift 2 ;;
        --no-tcp) tcp_port=""; shift ;;
        -*) echo "start-dockerd.sh: unknown option '$1'" >&2; exit 2 ;;
        *) env_file=$1; shift ;;
    esac
done

pidfile=$state_dir/dockerd.pid
log=$state_dir/dockerd.log

answers() {
    timeout 10 docker -H "$1" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# write_env DOCKER_HOST TCP_HOST STARTED
write_env() {
    mkdir -p "$(dirname "$env_file")"
    {
        echo "export DOCKER_HOST=$1"
        if [ -n "$2" ]; then
            echo "export RIDE_DOCKER_TCP_HOST=$2"
        fi
        if [ "$3" = 1 ]; then
            echo "export RIDE_STARTED_DOCKERD=1"
        fi
    } >"$env_file"
    cat "$env_file"
}

port_taken() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

if ! command -v docker >/dev/null 2>&1 || ! command -v dockerd >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ]; then
        echo "start-dockerd.sh: the Docker engine is not installed and this is not root; install docker.io (or Docker Engine) first." >&2
        exit 1
    fi

    echo "start-dockerd.sh: installing docker.io from apt" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -qq docker.io >&2; then
        apt-get update -qq >&2
        apt-get install -y -qq docker.io >&2
    fi
fi

# Our private daemon from an earlier run is reused (and still ours to stop).
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && answers "unix://$socket"; then
    tcp_host=""
    if [ -n "$tcp_port" ] && answers "tcp://127.0.0.1:$tcp_port"; then
        tcp_host="tcp://127.0.0.1:$tcp_port"
    fi
    write_env "unix://$socket" "$tcp_host" 1
    exit 0
fi

# Otherwise an engine that already answers wins, e.g. a developer's own Docker; it is not ours to stop.
existing=${DOCKER_HOST:-unix:///var/run/docker.sock}
if answers "$existing"; then
    tcp_host=""
    if [ -n "$tcp_port" ] && answers "tcp://127.0.0.1:$tcp_port"; then
        tcp_host="tcp://127.0.0.1:$tcp_port"
    elif [ -n "$tcp_port" ]; then
        echo "start-dockerd.sh: using the engine at $existing, which does not listen on tcp://127.0.0.1:$tcp_port" >&2
    fi
    write_env "$existing" "$tcp_host" 0
    exit 0
fi

if [ "$(id -u)" != 0 ]; then
    echo "start-dockerd.sh: no Docker engine answers at $existing and starting one needs root." >&2
    exit 1
fi

mkdir -p "$state_dir/data" "$exec_root"
rm -f "$pidfile" "$socket"

if [ -n "$tcp_port" ] && port_taken "$tcp_port"; then
    echo "start-dockerd.sh: 127.0.0.1:$tcp_port is taken; the private dockerd listens on its unix socket only." >&2
    tcp_port=""
fi

hosts=(--host "unix://$socket")
if [ -n "$tcp_port" ]; then
    hosts+=(--host "tcp://127.0.0.1:$tcp_port")
fi

# No iptables rules and no forwarding: published ports still work through docker-proxy on 127.0.0.1,
# the host's firewall is left as it was, and containers get no route out of the machine.
echo "start-dockerd.sh: starting dockerd on unix://$socket${tcp_port:+ and tcp://127.0.0.1:$tcp_port} (log: $log)" >&2
setsid dockerd "${hosts[@]}" \
    --data-root "$state_dir/data" \
    --exec-root "$exec_root" \
    --pidfile "$pidfile" \
    --iptables=false --ip-forward=false --ip-masq=false \
    </dev/null >>"$log" 2>&1 &
dockerd_pid=$!

deadline=$((SECONDS + ready_timeout))
until answers "unix://$socket"; do
    if ! kill -0 "$dockerd_pid" 2>/dev/null; then
        echo "start-dockerd.sh: dockerd exited during start-up; the end of $log:" >&2
        tail -n 30 "$log" >&2
        exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        echo "start-dockerd.sh: dockerd did not answer within ${ready_timeout}s; stopping it. The end of $log:" >&2
        tail -n 30 "$log" >&2
        kill -TERM "$dockerd_pid" 2>/dev/null || true
        exit 1
    fi
    sleep 0.5
done

# dockerd writes the pidfile itself; make sure it names the process we started even if that was early.
echo "$dockerd_pid" >"$pidfile"
write_env "unix://$socket" "${tcp_port:+tcp://127.0.0.1:$tcp_port}" 1
