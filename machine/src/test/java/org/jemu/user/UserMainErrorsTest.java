package org.jemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one line on stderr and exit status 1, never a Java stack trace. */
class UserMainErrorsTest {
    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = UserMain.run(args, InputStream.nullInputStream(), out, err, false);
        return new String[] {Integer.toString(status), err.toString()};
    }

    private static void assertOneLineError(String[] r, String fragment) {
        assertEquals("1", r[0]);
        assertTrue(r[1].contains(fragment), r[1]);
        assertFalse(r[1].contains("\tat "), r[1]);
    }

    @Test
    void missingFile() {
        assertOneLineError(run("/nonexistent/prog"), "No such file");
    }

    @Test
    void notElf(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("script");
        Files.writeString(f, "#!/bin/sh\necho hi\n");
        assertOneLineError(run(f.toString()), "not an ELF file");
    }

    @Test
    void truncatedElf(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("trunc");
        Files.write(f, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        assertOneLineError(run(f.toString()), "truncated");
    }

    @Test
    void notX86(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("arm");
        byte[] b = new byte[64];
        b[0] = 0x7f; b[1] = 'E'; b[2] = 'L'; b[3] = 'F'; b[4] = 2; b[5] = 1; b[6] = 1;
        b[16] = 2; b[18] = (byte) 183;   // ET_EXEC, EM_AARCH64
        Files.write(f, b);
        assertOneLineError(run(f.toString()), "not an x86-64 executable");
    }

    @Test
    void dynamicExecutable(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("dyn.c"), bin = dir.resolve("dyn");
        Files.writeString(src, "int main(void){return 0;}\n");
        CPrograms.Result r = CPrograms.exec(List.of("gcc", "-o", bin.toString(), src.toString()), Map.of(), null);
        org.junit.jupiter.api.Assumptions.assumeTrue(r.status() == 0, "gcc not available");
        assertOneLineError(run(bin.toString()), "dynamically linked");
    }

    @Test
    void usage() {
        assertOneLineError(run(), "no program");
        assertOneLineError(run("-bogus", "x"), "unknown option");
    }
}
