package org.jemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jemu.loader.ImageCache;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test-program image's programs (src-test-images/guest/) under {@code jemu user}: stdout and exit
 * status byte-identical to a native run. The GLIBC_TUNABLES of the image's run-tests.sh are set on
 * both sides, as in the guest, so that glibc's libm does not pick FMA/AVX variants natively that jemu
 * does not offer. proc and threads need fork and threads, which user mode does not emulate; they run
 * in the booted guest (GuestProgramsTest).
 */
class GuestImageProgramsTest {
    static final String TUNABLES = "glibc.cpu.hwcaps=-AVX,-AVX2,-AVX512F,-AVX512VL,-AVX512BW,-AVX512DQ,-AVX512CD,"
            + "-FMA,-FMA4,-BMI1,-BMI2,-LZCNT,-MOVBE,-POPCNT,-SSE4_1,-SSE4_2,-SSSE3,-ERMS,-FSRM,-F16C,-AVX_Fast_Unaligned_Load";

    @ParameterizedTest
    @ValueSource(strings = {"alu", "fp", "sorthash", "strmem"})
    void matchesNativeRun(String name) throws Exception {
        Path bin = ImageCache.find("tests/bin/" + name);
        assumeTrue(bin != null, "test-program image not built: src-test-images/make-images.sh tests");
        CPrograms.Result nat = CPrograms.exec(List.of(bin.toString()), Map.of("GLIBC_TUNABLES", TUNABLES, "LC_ALL", "C"), null);
        CPrograms.Result emu = CPrograms.jemu(bin, List.of(), List.of("GLIBC_TUNABLES=" + TUNABLES, "LC_ALL=C"), 20_000_000_000L);
        assertEquals(nat.outText(), emu.outText(), emu.err());
        assertEquals(nat.status(), emu.status(), emu.err());
    }
}
