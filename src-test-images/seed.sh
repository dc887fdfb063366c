#!/usr/bin/env bash
# The seed initramfs: Debian's busybox-static with a symlink per applet, empty proc sys dev tmp,
# and seed/init (mount proc, sysfs, tmpfs, devtmpfs; greet; exec /bin/sh). Packed by our own Java
# packer. The seed-poweroff variant uses seed/init-poweroff, which powers off after the greeting.
# Usage: seed.sh [seed|seed-poweroff]...   (default: both)
# Outputs: $IMAGES/seed/initramfs.cpio.gz, $IMAGES/seed-poweroff/initramfs.cpio.gz
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUTPUTS=(initramfs.cpio.gz)
need_pkgs busybox-static

build_seed() {
    local name=$1 init=$2 manifest
    manifest=$(
        hash_files "$HERE/lib.sh" "$HERE/seed.sh" "$init"
        busybox_lines
        packer_lines
    )
    cached "$name" "$manifest" "" "${OUTPUTS[@]}" && return 0
    ensure_jar
    begin_image "$name"
    local root=$BUILD/$name/rootfs
    rm -rf "$BUILD/$name"
    busybox_rootfs "$root"
    cp "$init" "$root/init"
    chmod 0755 "$root/init"
    pack_initramfs "$root" "$STAGE/initramfs.cpio.gz"
    finish_image "$name" "$manifest"
    rm -rf "$BUILD/$name"
    log "$name: built"
    note_status "$name" built
    print_outputs "$name" "${OUTPUTS[@]}"
}

[ $# -gt 0 ] || set -- seed seed-poweroff
for variant in "$@"; do
    case $variant in
        seed) build_seed seed "$HERE/seed/init" ;;
        seed-poweroff) build_seed seed-poweroff "$HERE/seed/init-poweroff" ;;
        *) die "seed.sh: unknown variant '$variant' (seed or seed-poweroff)" ;;
    esac
done
