#!/usr/bin/env bash
# Builds the local test image ride-test/postgres:15 once (skipped when it exists): a Debian bookworm root
# made by debootstrap from the mirror apt already uses, with postgresql-15 and an entrypoint that honours
# the official postgres image's interface. No registry is contacted; the image is made with `docker import`.
#
# Needs a Docker engine (DOCKER_HOST as printed by start-dockerd.sh) and root (debootstrap).
# RIDE_DEBIAN_MIRROR overrides the mirror; RIDE_TEST_IMAGE the image name.
set -euo pipefail

image=${RIDE_TEST_IMAGE:-ride-test/postgres:15}
suite=bookworm
pg_major=15
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if docker image inspect "$image" >/dev/null 2>&1; then
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
cleanup() { rm -rf --one-file-system "$rootfs"; }
trap cleanup EXIT

started=$SECONDS
echo "build-test-image.sh: debootstrap $suite with postgresql-$pg_major from $mirror" >&2
debootstrap --variant=minbase --include="postgresql-$pg_major" "$suite" "$rootfs" "$mirror" >&2

# The package's own cluster and caches are not part of the image: the entrypoint makes the cluster at run time.
rm -rf "$rootfs/var/lib/postgresql/$pg_major" "$rootfs/etc/postgresql/$pg_major/main" \
    "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"* \
    "$rootfs/usr/share/doc" "$rootfs/usr/share/man" "$rootfs/usr/share/info"
mkdir -p "$rootfs/var/lib/postgresql/data" "$rootfs/docker-entrypoint-initdb.d"
chroot "$rootfs" chown postgres:postgres /var/lib/postgresql/data
install -m 0755 "$here/docker-entrypoint.sh" "$rootfs/usr/local/bin/docker-entrypoint.sh"

tar --numeric-owner -C "$rootfs" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -c . |
    docker import \
        --change "ENV PATH=/usr/lib/postgresql/$pg_major/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
        --change 'ENV PGDATA=/var/lib/postgresql/data' \
        --change 'ENV LANG=C.UTF-8' \
        --change 'VOLUME /var/lib/postgresql/data' \
        --change 'ENTRYPOINT ["docker-entrypoint.sh"]' \
        --change 'CMD ["postgres"]' \
        --change 'EXPOSE 5432' \
        - "$image" >&2

echo "build-test-image.sh: built $image in $((SECONDS - started)) s." >&2
