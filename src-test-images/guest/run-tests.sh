#!/bin/sh
# Runs every test program in DIR (default /tests/bin) in name order, each between markers:
#   === BEGIN name ===
#   ...its stdout and stderr...
#   === END name rc=N ===
# The same script makes expected.txt from a native run at image-build time and runs the programs
# inside the guest, so the two outputs can be compared with diff.
#
# glibc picks some libm routines by CPU feature (FMA/AVX2 variants can differ in the last bit);
# restricting it to baseline x86-64 here makes the output independent of the CPU it runs on.
GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX,-AVX2,-AVX512F,-AVX512VL,-AVX512BW,-AVX512DQ,-AVX512CD,-FMA,-FMA4,-BMI1,-BMI2,-LZCNT,-MOVBE,-POPCNT,-SSE4_1,-SSE4_2,-SSSE3,-ERMS,-FSRM,-F16C,-AVX_Fast_Unaligned_Load
export GLIBC_TUNABLES
dir=${1:-/tests/bin}
for prog in "$dir"/*; do
    name=${prog##*/}
    echo "=== BEGIN $name ==="
    "$prog" 2>&1
    echo "=== END $name rc=$? ==="
done
