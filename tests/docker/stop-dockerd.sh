#!/usr/bin/env bash
# Stops the private dockerd that start-dockerd.sh started (its pidfile's process only); an engine that was
# already running is left alone. The data root stays, so the test image is reused next time.
# Usage: stop-dockerd.sh [ENV_FILE]   (the file start-dockerd.sh wrote; removed here)
set -euo pipefail

state_dir=${RIDE_DOCKERD_DIR:-/var/lib/ride-dockerd}
pidfile=$state_dir/dockerd.pid
env_file=${1:-$state_dir/env}

if [ ! -f "$pidfile" ]; then
    echo "stop-dockerd.sh: no private dockerd was started (no $pidfile)." >&2
    rm -f "$env_file"
    exit 0
fi

pid=$(cat "$pidfile")
if kill -0 "$pid" 2>/dev/null && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ]; then
    kill -TERM "$pid"
    # dockerd stops its containers (10 s grace each, in parallel) and its containerd before it exits.
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "stop-dockerd.sh: dockerd ($pid) did not stop in 30 s; killing it." >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "stop-dockerd.sh: stopped dockerd ($pid)." >&2
else
    echo "stop-dockerd.sh: dockerd ($pid) was not running." >&2
fi

rm -f "$pidfile" "$env_file"
