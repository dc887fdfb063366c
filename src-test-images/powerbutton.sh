#!/usr/bin/env bash
# The powerbutton initramfs: busybox, powerbutton/init, and the two modules of Debian's stock kernel
# package that a power-button press needs (drivers/acpi/button.ko, drivers/input/evdev.ko), taken
# from the very package the stock image was made from (so their vermagic matches).
# Needs the stock image first (make-images.sh orders it so).
# Outputs: $IMAGES/powerbutton/initramfs.cpio.gz
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=powerbutton
OUTPUTS=(initramfs.cpio.gz)
MODULES=(kernel/drivers/acpi/button.ko kernel/drivers/input/evdev.ko)
need_pkgs busybox-static

[ -f "$IMAGES/stock/package" ] || die "$NAME: build the stock image first (make-images.sh stock)"
PKGVER=$(cat "$IMAGES/stock/package")           # e.g. linux-image-6.1.0-56-amd64=6.1.192-2
PKG=${PKGVER%%=*}
KVER=${PKG#linux-image-}

MANIFEST=$(
    hash_files "$HERE/lib.sh" "$HERE/powerbutton.sh" "$HERE/powerbutton/init"
    busybox_lines
    packer_lines
    printf 'package %s\n' "$PKGVER"
)

cached "$NAME" "$MANIFEST" "" "${OUTPUTS[@]}" && exit 0

ensure_jar
begin_image "$NAME"
WORK=$BUILD/$NAME
rm -rf "$WORK"
mkdir -p "$WORK/deb"
sandbox=()
[ "$(id -u)" -ne 0 ] || sandbox=(-o APT::Sandbox::User=root)
log "$NAME: fetching $PKGVER for its modules"
(cd "$WORK/deb" && apt_get "${sandbox[@]}" download "$PKGVER" >&2) || die "apt-get download $PKGVER failed"
root=$WORK/rootfs
busybox_rootfs "$root"
mkdir -p "$root/lib/modules"
for m in "${MODULES[@]}"; do
    dpkg-deb --fsys-tarfile "$WORK"/deb/*.deb | tar -xO "./lib/modules/$KVER/$m" > "$root/lib/modules/$(basename "$m")" \
        || die "$PKG has no lib/modules/$KVER/$m"
done
cp "$HERE/powerbutton/init" "$root/init"
chmod 0755 "$root/init"
pack_initramfs "$root" "$STAGE/initramfs.cpio.gz"
finish_image "$NAME" "$MANIFEST"
rm -rf "$WORK"
log "$NAME: built"
note_status "$NAME" built
print_outputs "$NAME" "${OUTPUTS[@]}"
