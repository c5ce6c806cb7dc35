#!/usr/bin/env bash
# Builds the local test image ride-test/pgbouncer:1 without contacting any image registry: the Debian base of the test
# PostgreSQL image (ride-test/postgres-base:15, made by build-test-image.sh) plus Debian's pgbouncer package and the two
# libraries it needs that the base lacks, fetched by apt on this machine and unpacked into the image. It runs pgbouncer
# as the postgres account, as the images Ride's users get do. Skipped when the image is already there for this script.
#
# Needs a Docker engine (DOCKER_HOST as printed by start-dockerd.sh) and apt. RIDE_TEST_PGBOUNCER_IMAGE overrides the name.
set -euo pipefail

image=${RIDE_TEST_PGBOUNCER_IMAGE:-ride-test/pgbouncer:1}
base=ride-test/postgres-base:15
packages=(pgbouncer libevent-2.1-7 libc-ares2)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
script_hash=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-16)

if [ "$(docker image inspect --format '{{index .Config.Labels "ride.test.pgbouncer"}}' "$image" 2>/dev/null)" = "$script_hash" ]; then
    echo "build-pgbouncer-image.sh: $image is already there." >&2
    exit 0
fi

if ! docker image inspect "$base" >/dev/null 2>&1; then
    bash "$here/build-test-image.sh"
fi

context=$(mktemp -d "${TMPDIR:-/var/tmp}/ride-pgbouncer.XXXXXX")
trap 'rm -rf --one-file-system "$context"' EXIT
mkdir "$context/debs"
chmod 0777 "$context/debs"
# apt downloads as its own unprivileged account where it has one: the folder is open to it.
if ! (cd "$context/debs" && apt-get download -qq "${packages[@]}" >&2); then
    apt-get update -qq >&2
    (cd "$context/debs" && apt-get download -qq "${packages[@]}" >&2)
fi 2> >(grep -v 'unsandboxed as root' >&2)

# Only the packages' /usr goes in: their service files under /lib would replace the base's merged-/usr links.
mkdir "$context/root"
for deb in "$context"/debs/*.deb; do
    dpkg-deb -x "$deb" "$context/root"
done

printf '%s\n' \
    "FROM $base" \
    'COPY root/usr/ /usr/' \
    "LABEL ride.test.pgbouncer=$script_hash" \
    'USER postgres' \
    'EXPOSE 6432' \
    'ENTRYPOINT ["pgbouncer"]' >"$context/Dockerfile"
started=$SECONDS
DOCKER_BUILDKIT=0 docker build --quiet --tag "$image" "$context" >/dev/null
docker image prune --force --filter 'label=ride.test.pgbouncer' >/dev/null
echo "build-pgbouncer-image.sh: built $image in $((SECONDS - started)) s." >&2
