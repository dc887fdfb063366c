#!/usr/bin/env bash
# The test-program initramfs: our C programs in guest/*.c compiled with gcc -O2 -static, run
# natively here to record the expected output, and packed with busybox and guest/init, which runs
# them all between markers (guest/run-tests.sh) and powers off.
# Outputs: $IMAGES/tests/initramfs.cpio.gz, expected.txt, bin/<program> (the same binaries).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=tests
OUTPUTS=(initramfs.cpio.gz expected.txt bin)
GUEST=$HERE/guest
CC_PKGS=(gcc gcc-12 libc6-dev binutils)
CFLAGS=(-O2 -static -pthread -frounding-math -Wall)

need_pkgs busybox-static "${CC_PKGS[@]}"
mapfile -t SOURCES < <(cd "$GUEST" && ls -1 *.c)
[ ${#SOURCES[@]} -gt 0 ] || die "no test programs in $GUEST"
mapfile -t INPUTS < <(find "$GUEST" -type f | sort)

MANIFEST=$(
    hash_files "$HERE/lib.sh" "$HERE/tests.sh" "${INPUTS[@]}"
    printf 'cflags %s\n' "${CFLAGS[*]}"
    pkg_lines "${CC_PKGS[@]}"
    busybox_lines
    packer_lines
)

cached "$NAME" "$MANIFEST" "" "${OUTPUTS[@]}" && exit 0

ensure_jar
begin_image "$NAME"
WORK=$BUILD/$NAME
rm -rf "$WORK"
ROOT=$WORK/rootfs
mkdir -p "$ROOT/tests/bin" "$STAGE/bin"

log "$NAME: compiling ${SOURCES[*]}"
for src in "${SOURCES[@]}"; do
    prog=${src%.c}
    # Compile from inside guest/ with a relative name, so no build path ends up in the binary.
    (cd "$GUEST" && gcc "${CFLAGS[@]}" -o "$STAGE/bin/$prog" "$src" -lm) || die "$NAME: compiling $src failed"
done

log "$NAME: running the programs natively for expected.txt"
for prog in "$STAGE"/bin/*; do
    start=$(date +%s%N)
    "$prog" > /dev/null 2>&1 || true
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    [ $ms -lt 1000 ] || log "$NAME: warning: ${prog##*/} took $ms ms natively (keep it under 1 s)"
done
sh "$GUEST/run-tests.sh" "$STAGE/bin" > "$STAGE/expected.txt"
if grep -q '^=== END .* rc=[^0]' "$STAGE/expected.txt"; then
    grep -E '^=== END .* rc=[^0]|FAIL' "$STAGE/expected.txt" >&2
    die "$NAME: a test program fails natively; fix the program (see $STAGE/expected.txt)"
fi
# Determinism check: a second native run must print exactly the same.
sh "$GUEST/run-tests.sh" "$STAGE/bin" | cmp -s - "$STAGE/expected.txt" \
    || die "$NAME: two native runs differ; a test prints something nondeterministic"

busybox_rootfs "$ROOT"
cp "$STAGE"/bin/* "$ROOT/tests/bin/"
cp "$GUEST/run-tests.sh" "$ROOT/tests/run-tests.sh"
cp "$GUEST/init" "$ROOT/init"
chmod 0755 "$ROOT/init" "$ROOT/tests/run-tests.sh"
pack_initramfs "$ROOT" "$STAGE/initramfs.cpio.gz"

finish_image "$NAME" "$MANIFEST"
rm -rf "$WORK"
log "$NAME: built ($(grep -c '^=== BEGIN' "$IMAGES/$NAME/expected.txt") programs)"
note_status "$NAME" built
print_outputs "$NAME" "${OUTPUTS[@]}"
