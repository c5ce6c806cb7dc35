#!/usr/bin/env bash
# Builds the local test image ride-test/postgres:15 without contacting any image registry, in two steps:
#   1. the base, ride-test/postgres-base:15: a Debian bookworm root made by debootstrap from the mirror apt
#      already uses, with postgresql-15, turned into an image by `docker import` (about a minute, done once);
#   2. the image itself: the base plus tests/docker/docker-entrypoint.sh, which honours the official postgres
#      image's interface (seconds). It carries the entrypoint's hash and is rebuilt when the entrypoint changes.
# Each step is skipped when its result is already there.
#
# Needs a Docker engine (DOCKER_HOST as printed by start-dockerd.sh) and, for the base, root (debootstrap).
# RIDE_DEBIAN_MIRROR overrides the mirror; RIDE_TEST_IMAGE the image name.
set -euo pipefail

image=${RIDE_TEST_IMAGE:-ride-test/postgres:15}
base=ride-test/postgres-base:15
suite=bookworm
pg_major=15
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
entrypoint_hash=$(sha256sum "$here/docker-entrypoint.sh" | cut -c1-16)

if [ "$(docker image inspect --format '{{index .Config.Labels "ride.test.entrypoint"}}' "$image" 2>/dev/null)" = "$entrypoint_hash" ]; then
    echo "build-test-image.sh: $image is already there." >&2
    exit 0
fi

# The first mirror apt is configured with for the suite, from deb822 .sources files or one-line .list files.
apt_mirror() {
    local file
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -f "$file" ] || continue
        awk -v suite="$suite" '
            function flush() {
                if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && uris != "") { split(uris, u, " "); print u[1]; found = 1; exit }
                types = ""; suites = ""; uris = ""
            }
            /^[[:space:]]*$/ { flush(); next }
            /^[[:space:]]*#/ { next }
            tolower($1) == "types:"  { $1 = ""; types = $0 }
            tolower($1) == "suites:" { $1 = ""; suites = $0 }
            tolower($1) == "uris:"   { $1 = ""; uris = $0 }
            END { if (!found) flush() }
        ' "$file"
    done
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$file" ] || continue
        # deb [options] URI suite components...
        sed -E 's/\[[^]]*\]//' "$file" | awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2 }'
    done
}

workdirs=()
cleanup() {
    local dir
    for dir in "${workdirs[@]}"; do
        rm -rf --one-file-system "$dir"
    done
}
trap cleanup EXIT

build_base() {
    local mirror rootfs
    mirror=${RIDE_DEBIAN_MIRROR:-$(apt_mirror | sed -n '1{s/^[[:space:]]*//;p}')}
    if [ -z "$mirror" ]; then
        echo "build-test-image.sh: found no apt source for '$suite' in /etc/apt; set RIDE_DEBIAN_MIRROR." >&2
        exit 1
    fi

    if [ "$(id -u)" != 0 ]; then
        echo "build-test-image.sh: debootstrap needs root." >&2
        exit 1
    fi

    if ! command -v debootstrap >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        if ! apt-get install -y -qq debootstrap >&2; then
            apt-get update -qq >&2
            apt-get install -y -qq debootstrap >&2
        fi
    fi

    rootfs=$(mktemp -d "${TMPDIR:-/var/tmp}/ride-rootfs.XXXXXX")
    workdirs+=("$rootfs")
    echo "build-test-image.sh: debootstrap $suite with postgresql-$pg_major from $mirror" >&2
    debootstrap --variant=minbase --include="postgresql-$pg_major" "$suite" "$rootfs" "$mirror" >&2

    # The package's own cluster and caches are not part of the image: the entrypoint makes the cluster at run time.
    rm -rf "$rootfs/var/lib/postgresql/$pg_major" "$rootfs/etc/postgresql/$pg_major/main" \
        "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"* \
        "$rootfs/usr/share/doc" "$rootfs/usr/share/man" "$rootfs/usr/share/info"
    mkdir -p "$rootfs/var/lib/postgresql/data" "$rootfs/docker-entrypoint-initdb.d"
    chroot "$rootfs" chown postgres:postgres /var/lib/postgresql/data

    # `docker import` accepts only some instructions on older engines; the rest comes with the entrypoint below.
    tar --numeric-owner -C "$rootfs" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -c . |
        docker import \
            --change "ENV PATH=/usr/lib/postgresql/$pg_major/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
            --change 'ENV PGDATA=/var/lib/postgresql/data' \
            --change 'ENV LANG=C.UTF-8' \
            --change 'VOLUME /var/lib/postgresql/data' \
            --change 'EXPOSE 5432' \
            - "$base" >/dev/null
    rm -rf --one-file-system "$rootfs"
}

started=$SECONDS
if ! docker image inspect "$base" >/dev/null 2>&1; then
    build_base
fi

context=$(mktemp -d "${TMPDIR:-/var/tmp}/ride-image.XXXXXX")
workdirs+=("$context")
install -m 0755 "$here/docker-entrypoint.sh" "$context/docker-entrypoint.sh"
printf '%s\n' \
    "FROM $base" \
    'COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh' \
    "LABEL ride.test.entrypoint=$entrypoint_hash" \
    'STOPSIGNAL SIGINT' \
    'ENTRYPOINT ["docker-entrypoint.sh"]' \
    'CMD ["postgres"]' >"$context/Dockerfile"
# The classic builder needs nothing from outside (BuildKit may want a frontend image); its notice goes to stderr.
DOCKER_BUILDKIT=0 docker build --quiet --tag "$image" "$context" >/dev/null
# An earlier build for an older entrypoint is now untagged; it is of no use to anybody.
docker image prune --force --filter 'label=ride.test.entrypoint' >/dev/null

echo "build-test-image.sh: built $image in $((SECONDS - started)) s." >&2
