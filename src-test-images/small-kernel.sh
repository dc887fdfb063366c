#!/usr/bin/env bash
# A small kernel built from Debian's linux-source-6.1: `make tinyconfig`, then the checked-in
# fragment small-kernel.config merged on top, then `make bzImage`. About 2.5 minutes on 2 cores.
# Outputs: $IMAGES/small/bzImage, vmlinux (unstripped, for symbols), System.map, config.
# JEMU_KEEP_BUILD=1 keeps the build tree in $IMAGES/.build/small for experiments.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=small
OUTPUTS=(bzImage vmlinux System.map config)
FRAGMENT=$HERE/small-kernel.config
SRC_PKG=linux-source-6.1
TOOL_PKGS=(make gcc gcc-12 binutils libc6-dev flex bison bc libelf-dev libssl-dev xz-utils)

need_pkgs "$SRC_PKG" "${TOOL_PKGS[@]}"
TARBALL=$(dpkg -L "$SRC_PKG" | grep -E '^/usr/src/linux-source-[0-9.]+\.tar\.xz$' | head -n1)
[ -n "$TARBALL" ] && [ -f "$TARBALL" ] || die "cannot find the kernel tarball of $SRC_PKG"

MANIFEST=$(
    hash_files "$HERE/lib.sh" "$HERE/small-kernel.sh" "$FRAGMENT"
    pkg_lines "$SRC_PKG" "${TOOL_PKGS[@]}"
)

cached "$NAME" "$MANIFEST" "" "${OUTPUTS[@]}" && exit 0

begin_image "$NAME"
WORK=$BUILD/$NAME
rm -rf "$WORK"
mkdir -p "$WORK"
BUILDLOG=$WORK/build.log
run() { "$@" >> "$BUILDLOG" 2>&1 || { tail -n 40 "$BUILDLOG" >&2; die "$NAME: '$*' failed (log: $BUILDLOG)"; }; }

log "$NAME: unpacking $TARBALL"
run tar -xf "$TARBALL" -C "$WORK"
KSRC=$(find "$WORK" -mindepth 1 -maxdepth 1 -type d -name 'linux-source-*' | head -n1)
[ -n "$KSRC" ] || die "$TARBALL did not unpack to linux-source-*"

# Fixed build metadata so that the same inputs give the same bytes.
export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 1970'
export KBUILD_BUILD_USER=jemu KBUILD_BUILD_HOST=jemu KBUILD_BUILD_VERSION=1 SOURCE_DATE_EPOCH=0

log "$NAME: configuring (tinyconfig + $(basename "$FRAGMENT"))"
cd "$KSRC"
run make ARCH=x86 tinyconfig
run scripts/kconfig/merge_config.sh -n .config "$FRAGMENT"

# merge_config only warns when a requested value does not stick; make that an error.
bad=()
while IFS= read -r line; do
    case $line in
        CONFIG_*=*)
            grep -qxF -- "$line" .config || bad+=("$line (got: $(grep -E "^(# )?${line%%=*}[= ]" .config || echo unset))") ;;
        "# CONFIG_"*" is not set")
            sym=${line#\# }; sym=${sym%% *}
            ! grep -q "^$sym=" .config || bad+=("$line (got: $(grep "^$sym=" .config))") ;;
    esac
done < "$FRAGMENT"
if [ ${#bad[@]} -gt 0 ]; then
    printf 'make-images: %s: option not in the final .config: %s\n' "$NAME" "${bad[@]}" >&2
    die "$NAME: $(basename "$FRAGMENT") did not apply (missing dependencies?)"
fi

log "$NAME: building bzImage with $(nproc) jobs (log: $BUILDLOG)"
start=$SECONDS
run make ARCH=x86 -j"$(nproc)" bzImage
log "$NAME: compiled in $((SECONDS - start)) s"

cp arch/x86/boot/bzImage "$STAGE/bzImage"
cp vmlinux "$STAGE/vmlinux"
cp System.map "$STAGE/System.map"
cp .config "$STAGE/config"
[ "$(dd if="$STAGE/bzImage" bs=1 skip=$((0x202)) count=4 status=none)" = HdrS ] \
    || die "$NAME: bzImage has no HdrS signature at 0x202"

# Optional smoke test, only where QEMU is already installed: the kernel must reach the point of
# looking for a root file system.
if command -v qemu-system-x86_64 > /dev/null; then
    log "$NAME: smoke-booting with qemu-system-x86_64"
    if timeout 60 qemu-system-x86_64 -kernel "$STAGE/bzImage" -nographic -no-reboot -m 128 \
            -append 'console=ttyS0 panic=-1' < /dev/null 2>&1 | grep -q 'Linux version'; then
        log "$NAME: qemu boot printed the kernel banner"
    else
        die "$NAME: qemu could not boot the new kernel"
    fi
fi

cd "$IMAGES"
finish_image "$NAME" "$MANIFEST"
if [ "${JEMU_KEEP_BUILD:-0}" = 1 ]; then
    log "$NAME: build tree kept in $KSRC"
else
    rm -rf "$WORK"
fi
log "$NAME: built"
note_status "$NAME" built
print_outputs "$NAME" "${OUTPUTS[@]}"
