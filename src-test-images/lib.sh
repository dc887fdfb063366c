# Shared helpers for the image scripts; sourced, not run. Bash only.
#
# Every image lives in $IMAGES/<name>/. Its inputs are described by a manifest (one line per input:
# a file's sha256 and path, or a package name and version); the sha256 of the manifest is the
# image's key, stored in $IMAGES/<name>/.key next to a copy of the manifest (.inputs). An image
# whose key matches and whose outputs all exist is not rebuilt.

set -euo pipefail
shopt -s inherit_errexit
umask 022
export LC_ALL=C TZ=UTC

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)     # src-test-images/
REPO=$(cd "$HERE/.." && pwd)                            # repository root
IMAGES=${JEMU_IMAGES:-$HOME/.cache/jemu/images}
BUILD=$IMAGES/.build                                    # scratch space, one directory per image

log() { printf '%s\n' "make-images: $*" >&2; }
die() { printf '%s\n' "make-images: error: $*" >&2; exit 1; }

# Records "built" or "cached" for make-images.sh's summary (no-op when run standalone).
note_status() { [ -n "${JEMU_IMAGES_STATUS:-}" ] && printf '%s %s\n' "$1" "$2" >> "$JEMU_IMAGES_STATUS" || true; }

mkdir -p "$IMAGES" || die "cannot create image cache $IMAGES"

# ---- Debian packages ----

pkg_installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]; }
pkg_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo none; }

apt_get() {
    DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=900 "$@"
}

# need_pkgs PKG...: installs whatever is missing; apt-get update only if the first attempt fails.
need_pkgs() {
    local missing=() p
    for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
    log "installing ${missing[*]}"
    if ! apt_get install -y --no-install-recommends "${missing[@]}" >&2; then
        log "apt-get install failed; running apt-get update and retrying"
        apt_get update >&2 || die "apt-get update failed"
        apt_get install -y --no-install-recommends "${missing[@]}" >&2 || die "cannot install ${missing[*]}"
    fi
}

# apt_candidate PKG: the version apt would fetch; updates the package lists once if it knows none.
apt_candidate() {
    local v
    v=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}')
    if [ -z "$v" ] || [ "$v" = "(none)" ]; then
        [ "$(id -u)" -eq 0 ] || die "apt does not know package $1 (run apt-get update as root)"
        log "apt does not know $1; running apt-get update"
        apt_get update >&2 || die "apt-get update failed"
        v=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}')
    fi
    [ -n "$v" ] && [ "$v" != "(none)" ] || die "no installable version of Debian package $1"
    printf '%s\n' "$v"
}

# ---- manifests and keys ----

# hash_files FILE...: manifest lines "sha256  path-relative-to-repo".
hash_files() {
    local f
    for f in "$@"; do
        [ -f "$f" ] || die "missing input file $f"
        printf '%s  %s\n' "$(sha256sum < "$f" | cut -d' ' -f1)" "${f#"$REPO"/}"
    done
}

# pkg_lines PKG...: manifest lines "package NAME VERSION" for installed packages.
pkg_lines() {
    local p
    for p in "$@"; do printf 'package %s %s\n' "$p" "$(pkg_version "$p")"; done
}

# up_to_date NAME MANIFEST OUTPUT...: true if $IMAGES/NAME has this key and every output.
up_to_date() {
    local name=$1 manifest=$2 key o
    shift 2
    key=$(printf '%s' "$manifest" | sha256sum | cut -d' ' -f1)
    [ -f "$IMAGES/$name/.key" ] && [ "$(cat "$IMAGES/$name/.key")" = "$key" ] || return 1
    for o in "$@"; do [ -e "$IMAGES/$name/$o" ] || return 1; done
    return 0
}

# cached NAME MANIFEST DETAIL OUTPUT...: when the image is up to date, says so (with DETAIL, if
# any), records it as cached and prints its outputs; true then, so a script can stop there.
cached() {
    local name=$1 manifest=$2 detail=$3
    shift 3
    up_to_date "$name" "$manifest" "$@" || return 1
    log "$name: up to date${detail:+ ($detail)}, nothing rebuilt"
    note_status "$name" cached
    print_outputs "$name" "$@"
}

# begin_image NAME: fresh staging directory $STAGE, to be filled with the outputs.
begin_image() {
    STAGE=$IMAGES/.stage-$1
    rm -rf "$STAGE"
    mkdir -p "$STAGE"
}

# finish_image NAME MANIFEST: records the key and moves $STAGE into place as $IMAGES/NAME.
finish_image() {
    local name=$1 manifest=$2
    printf '%s' "$manifest" > "$STAGE/.inputs"
    printf '%s' "$manifest" | sha256sum | cut -d' ' -f1 > "$STAGE/.key"
    rm -rf "$IMAGES/.old-$name"
    [ -e "$IMAGES/$name" ] && mv "$IMAGES/$name" "$IMAGES/.old-$name"
    mv "$STAGE" "$IMAGES/$name"
    rm -rf "$IMAGES/.old-$name"
}

# print_outputs NAME OUTPUT...: the produced paths, one per line, on stdout.
print_outputs() {
    local name=$1 o
    shift
    for o in "$@"; do printf '%s\n' "$IMAGES/$name/$o"; done
}

# ---- our Java initramfs packer ----

PACKER_SOURCES=(
    "$REPO/loader/src/main/java/org/jemu/loader/initramfs/Initramfs.java"
    "$REPO/loader/src/main/java/org/jemu/loader/initramfs/InitramfsException.java"
    "$REPO/machine/src/main/java/org/jemu/cli/MkInitramfs.java"
)
JAR=$REPO/machine/target/jemu.jar

# Manifest lines for everything that decides the packer's output bytes.
packer_lines() {
    hash_files "${PACKER_SOURCES[@]}"
    printf 'commons-compress %s\n' "$(sed -n 's:.*<commons-compress.version>\(.*\)</commons-compress.version>.*:\1:p' "$REPO/pom.xml")"
    printf 'java %s\n' "$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.version/ {print $2}')"
    pkg_lines zlib1g
}

# ensure_jar: builds jemu.jar when it is missing or older than the packer's sources.
ensure_jar() {
    command -v java > /dev/null || die "java not found (install a JDK 17 or newer)"
    local stale=0 f
    if [ ! -f "$JAR" ]; then
        stale=1
    else
        # The packer's sources, and the command line that dispatches to it.
        for f in "${PACKER_SOURCES[@]}" "$REPO/machine/src/main/java/org/jemu/cli/Main.java"; do
            [ "$f" -nt "$JAR" ] && stale=1
        done
    fi
    if [ $stale -eq 1 ]; then
        command -v mvn > /dev/null || die "mvn not found; it is needed to build $JAR"
        log "building $JAR"
        (cd "$REPO" && mvn -q -DskipTests package -pl machine -am) >&2 || die "maven build failed"
        [ -f "$JAR" ] || die "maven did not produce $JAR"
    fi
}

# pack_initramfs DIR OUT: our packer, through the command line (org.jemu.cli.MkInitramfs).
pack_initramfs() {
    java -jar "$JAR" mkinitramfs "$1" "$2" || die "packing $1 failed"
}

# ---- busybox root file system ----

BUSYBOX=/bin/busybox   # from Debian's busybox-static (checked in busybox_lines)

busybox_lines() {
    [ "$(dpkg-query -S "$BUSYBOX" 2>/dev/null | cut -d: -f1)" = busybox-static ] \
        || die "$BUSYBOX does not come from busybox-static"
    pkg_lines busybox-static
}

# busybox_rootfs DIR: the classic minimal root: bin/busybox, a symlink per applet where
# `busybox --list-full` puts it, and empty proc sys dev tmp.
busybox_rootfs() {
    local root=$1 applet
    mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/tmp"
    cp "$BUSYBOX" "$root/bin/busybox"
    chmod 0755 "$root/bin/busybox"
    for applet in $("$BUSYBOX" --list-full); do
        [ "$applet" = bin/busybox ] && continue
        mkdir -p "$root/$(dirname "$applet")"
        ln -s /bin/busybox "$root/$applet"
    done
}
