#!/usr/bin/env bash
# Debian's stock amd64 kernel, unmodified: the image package that linux-image-amd64 depends on,
# fetched with apt-get download and unpacked with dpkg-deb.
# Outputs: $IMAGES/stock/bzImage, config (the kernel's .config), package (name=version).
# (Debian ships only a placeholder System.map; symbols are in the -dbg package, not fetched.)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=stock
OUTPUTS=(bzImage config package)

# linux-image-amd64 is a metapackage; its first Depends is the versioned image package.
image_dependency() {
    apt-cache depends linux-image-amd64 2>/dev/null | awk '$1 == "Depends:" && $2 ~ /^linux-image-/ {print $2; exit}'
}
PKG=$(image_dependency)
if [ -z "$PKG" ]; then
    apt_candidate linux-image-amd64 > /dev/null    # updates the package lists if apt knows nothing
    PKG=$(image_dependency)
fi
[ -n "$PKG" ] || die "cannot find the kernel package that linux-image-amd64 depends on"
VERSION=$(apt_candidate "$PKG")

MANIFEST=$(
    hash_files "$HERE/lib.sh" "$HERE/stock-kernel.sh"
    printf 'package %s %s\n' "$PKG" "$VERSION"
)

cached "$NAME" "$MANIFEST" "$PKG $VERSION" "${OUTPUTS[@]}" && exit 0

log "$NAME: fetching $PKG $VERSION"
begin_image "$NAME"
WORK=$BUILD/$NAME
rm -rf "$WORK"
mkdir -p "$WORK/root"
# apt-get download writes into the current directory. As root, apt would hand the download to its
# unprivileged _apt user, who cannot enter a private home directory; keep it as root instead.
sandbox=()
[ "$(id -u)" -ne 0 ] || sandbox=(-o APT::Sandbox::User=root)
(cd "$WORK" && apt_get "${sandbox[@]}" download "$PKG=$VERSION" >&2) || die "apt-get download $PKG=$VERSION failed"
DEB=$(ls "$WORK"/*.deb)
dpkg-deb -x "$DEB" "$WORK/root" || die "cannot unpack $DEB"

KVER=${PKG#linux-image-}
for f in "vmlinuz-$KVER:bzImage" "config-$KVER:config"; do
    [ -f "$WORK/root/boot/${f%%:*}" ] || die "$DEB has no boot/${f%%:*}"
    cp "$WORK/root/boot/${f%%:*}" "$STAGE/${f##*:}"
done
printf '%s=%s\n' "$PKG" "$VERSION" > "$STAGE/package"

# A bzImage carries the boot protocol signature "HdrS" at offset 0x202.
[ "$(dd if="$STAGE/bzImage" bs=1 skip=$((0x202)) count=4 status=none)" = HdrS ] \
    || die "$STAGE/bzImage has no HdrS signature at 0x202"

finish_image "$NAME" "$MANIFEST"
rm -rf "$WORK"
log "$NAME: built ($PKG $VERSION)"
note_status "$NAME" built
print_outputs "$NAME" "${OUTPUTS[@]}"
