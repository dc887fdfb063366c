#!/usr/bin/env bash
# Side-by-side timing of jemu (JIT, and optionally the interpreter) and QEMU's TCG on the same kernels, initramfs images,
# -m and command line; see bench/README.md.
#
#   bench/compare-qemu.sh [-n N] [--quick] [--cases 1,2,3] [--out DIR] [--accel jit,interp] [--jemu-opts "-icount 3"]
#
#   -n N         runs per engine per case (default 3); the table shows medians
#   --quick      one run of each (same as -n 1)
#   --cases L    which cases: 1 stock kernel + seed-poweroff, 2 small kernel + seed-poweroff,
#                3 small kernel + the test programs (default 1,2,3)
#   --out DIR    where console logs, results.json and table.md go (default: a new temp dir)
#   --timeout S  seconds before a jemu run is killed and counted as failed (default 480;
#                QEMU gets a third of it, at least 60)
#   --accel L    jemu engines to time (default jit; jit,interp adds the interpreter alone)
#   --jemu-opts  extra options for jemu (default none: real-time clock, like QEMU)
#
# Installs qemu-system-x86 with apt-get when it is missing (a benchmark tool only, never a
# dependency of jemu). Builds machine/target/jemu.jar when missing and runs a private copy of it,
# so a rebuild during the run cannot disturb it. Makes missing guest images with
# src-test-images/make-images.sh. Environment: JEMU_IMAGES (default ~/.cache/jemu/images),
# JAVA17 (default: `java` on PATH), JAVA25 (default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java;
# its rows are left out when it is absent).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")

n=3
cases=1,2,3
out=
timeout=480
jemu_opts=
accel=jit
while [ $# -gt 0 ]; do
    case $1 in
        -n) n=$2; shift 2 ;;
        --quick) n=1; shift ;;
        --cases) cases=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        --jemu-opts) jemu_opts=$2; shift 2 ;;
        --accel) accel=$2; shift 2 ;;
        -h | --help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare-qemu: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
done

need_apt() {
    if [ "$(id -u)" -ne 0 ]; then
        echo "compare-qemu: $1 is missing; install it (apt-get install $2) or run as root" >&2
        exit 1
    fi
    echo "compare-qemu: installing $2" >&2
    apt-get install -y -q "$2" >&2 || { apt-get update -q >&2 && apt-get install -y -q "$2" >&2; }
}
command -v qemu-system-x86_64 > /dev/null || need_apt qemu-system-x86_64 qemu-system-x86
command -v python3 > /dev/null || need_apt python3 python3-minimal

IMAGES=${JEMU_IMAGES:-$HOME/.cache/jemu/images}
missing=()
[ -f "$IMAGES/stock/bzImage" ] || missing+=(stock)
[ -f "$IMAGES/small/bzImage" ] || missing+=(small)
[ -f "$IMAGES/seed-poweroff/initramfs.cpio.gz" ] || missing+=(seed-poweroff)
[ -f "$IMAGES/tests/initramfs.cpio.gz" ] || missing+=(tests)
if [ ${#missing[@]} -gt 0 ]; then
    echo "compare-qemu: making guest images: ${missing[*]}" >&2
    "$ROOT/src-test-images/make-images.sh" "${missing[@]}" > /dev/null
fi

JAR=$ROOT/machine/target/jemu.jar
if [ ! -f "$JAR" ]; then
    echo "compare-qemu: building $JAR" >&2
    (cd "$ROOT" && mvn -q -DskipTests package -pl machine -am >&2)
fi
[ -n "$out" ] || out=$(mktemp -d /tmp/jemu-compare.XXXXXX)
mkdir -p "$out"
cp "$JAR" "$out/jemu.jar"

J17=${JAVA17:-$(command -v java)}
J25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
javas=(--java "JDK$("$J17" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')=$J17")
if [ -x "$J25" ]; then
    javas+=(--java "JDK$("$J25" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')=$J25")
else
    echo "compare-qemu: $J25 not found; JDK 25 rows left out" >&2
fi

{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "host: nproc $(nproc), $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/{print $2}') GiB RAM"
    for j in "$J17" "$J25"; do [ -x "$j" ] && echo "java: $("$j" -version 2>&1 | sed -n 2p)"; done
    echo "qemu: $(qemu-system-x86_64 --version | head -1)"
    echo "jemu: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown) ($JAR)"
    echo "command line: -m 512M -append 'console=ttyS0 panic=-1' -no-reboot -nographic; jemu options: '${jemu_opts}'"
    echo "logs: $out"
    echo
} | tee "$out/header.txt"

python3 "$HERE/compare_qemu.py" --jar "$out/jemu.jar" --images "$IMAGES" --out "$out" -n "$n" \
    --cases "$cases" --timeout "$timeout" --jemu-opts "$jemu_opts" --accel "$accel" "${javas[@]}"
