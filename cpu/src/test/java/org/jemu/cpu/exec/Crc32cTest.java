package org.jemu.cpu.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** CRC32 against the CRC-32C check value (RFC 3720 §B.4: "123456789" gives 0xE3069283). */
class Crc32cTest {
    @Test
    void checkValue() {
        long crc = 0xffffffffL; // software's initial inversion; the instruction itself has none
        for (byte b : "123456789".getBytes(StandardCharsets.US_ASCII)) crc = Crc32c.crc32(crc, b, 1);
        assertEquals(0xE3069283L, crc ^ 0xffffffffL);
    }

    @Test
    void widthsAgree() {
        // One 8-byte step equals eight 1-byte steps, little-endian; the result is zero-extended.
        long data = 0x0123456789abcdefL, a = 0xfedcba9800000000L | 0x1234567L, b = a;
        for (int i = 0; i < 8; i++) b = Crc32c.crc32(b, data >>> (8 * i), 1);
        assertEquals(b, Crc32c.crc32(a, data, 8));
    }
}
