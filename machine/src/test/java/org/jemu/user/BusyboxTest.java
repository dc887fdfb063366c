package org.jemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Applets of the host's static busybox (Debian's busybox-static) on generated data: output and exit
 * status under {@code jemu user} must equal the native run. Skipped when no static busybox is installed.
 */
class BusyboxTest {
    static final Path BUSYBOX = Path.of("/bin/busybox");
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void setUp() throws IOException {
        assumeTrue(Files.isExecutable(BUSYBOX), "no /bin/busybox");
        byte[] head = Files.readAllBytes(BUSYBOX);
        assumeTrue(head.length > 64 && !new String(head, 0, Math.min(head.length, 4096), "ISO-8859-1").contains("/lib64/ld-linux"),
                "busybox is not static");
        StringBuilder sb = new StringBuilder();
        long x = 12345;
        for (int i = 0; i < 3000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            sb.append(i).append(' ').append(Long.toHexString(x >>> 20)).append(' ').append((x >>> 40) % 1000).append('\n');
        }
        data = dir.resolve("data.txt");
        Files.writeString(data, sb.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "echo hello world", "seq 1 50", "sha256sum DATA", "md5sum DATA", "sha1sum DATA", "wc DATA",
        "sort -k3,3n -k1,1n DATA", "awk {s+=$3}END{print\u0020s} DATA", "sed -n s/a/A/gp DATA", "grep -c ff DATA",
        "cut -d\u0020 -f2 DATA", "od -An -tx1 -N64 DATA", "expr 6 * 7", "dc -e 2\u0020100\u0020^\u0020p", "factor 600851475143",
        "printf %s-%05d\\n abc 42", "tr a-f A-F DATA", "uniq -c DATA", "gzip -c DATA", "bzip2 -c DATA", "false", })
    void sameAsNative(String command) throws Exception {
        List<String> args = new ArrayList<>();
        for (String a : command.split(" ")) args.add(a.equals("DATA") ? data.toString() : a.replace('\u0020', ' '));
        List<String> cmd = new ArrayList<>(List.of(BUSYBOX.toString()));
        cmd.addAll(args);
        CPrograms.Result nat = CPrograms.exec(cmd, Map.of("LC_ALL", "C"), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<String> j = new ArrayList<>(List.of("-i", "-E", "LC_ALL=C", "-m", "256", BUSYBOX.toString()));
        j.addAll(args);
        int status = UserMain.run(j.toArray(new String[0]), InputStream.nullInputStream(), out, err, false);
        assertEquals(nat.outText(), out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString());
        org.junit.jupiter.api.Assertions.assertArrayEquals(nat.out(), out.toByteArray(), "binary output differs");
        assertEquals(nat.status(), status, err.toString());
    }
}
