#!/usr/bin/env bash
# Builds the guest images into ${JEMU_IMAGES:-~/.cache/jemu/images}; see README.md.
#   make-images.sh [stock|small|seed|seed-poweroff|tests|powerbutton|all]...   (default: all)
# Prints the path of every output on stdout (progress goes to stderr). An image whose inputs have
# not changed since it was built is not rebuilt. Missing Debian packages are installed with
# apt-get (as root).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
    echo "usage: $(basename "$0") [stock|small|seed|seed-poweroff|tests|powerbutton|all]..." >&2
    exit 2
}

targets=()
[ $# -gt 0 ] || set -- all
for arg in "$@"; do
    case $arg in
        all) targets+=(stock small seed seed-poweroff tests powerbutton) ;;
        stock | small | seed-poweroff | tests) targets+=("$arg") ;;
        powerbutton) targets+=(stock powerbutton) ;;
        seed) targets+=(seed seed-poweroff) ;;
        -h | --help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
        *) echo "make-images: unknown image '$arg'" >&2; usage ;;
    esac
done

IMAGES=${JEMU_IMAGES:-$HOME/.cache/jemu/images}
mkdir -p "$IMAGES"
# One run at a time per cache directory.
exec 9> "$IMAGES/.lock"
if ! flock -n 9; then
    echo "make-images: waiting for another make-images run on $IMAGES" >&2
    flock 9
fi

export JEMU_IMAGES_STATUS
JEMU_IMAGES_STATUS=$(mktemp)
trap 'rm -f "$JEMU_IMAGES_STATUS"' EXIT

done_targets=" "
start=$SECONDS
for t in "${targets[@]}"; do
    case $done_targets in *" $t "*) continue ;; esac
    done_targets+="$t "
    case $t in
        stock) bash "$HERE/stock-kernel.sh" ;;
        small) bash "$HERE/small-kernel.sh" ;;
        seed | seed-poweroff) bash "$HERE/seed.sh" "$t" ;;
        tests) bash "$HERE/tests.sh" ;;
        powerbutton) bash "$HERE/powerbutton.sh" ;;
    esac
done

built=$(awk '$2 == "built" {print $1}' "$JEMU_IMAGES_STATUS" | tr '\n' ' ')
cached=$(awk '$2 == "cached" {print $1}' "$JEMU_IMAGES_STATUS" | tr '\n' ' ')
if [ -z "$built" ]; then
    echo "make-images: nothing to rebuild; up to date: ${cached% } (in $IMAGES)" >&2
else
    echo "make-images: built: ${built% }${cached:+; up to date: ${cached% }} ($((SECONDS - start)) s, in $IMAGES)" >&2
fi
