package org.jemu.display;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jemu.devices.vga.TextFrame;
import org.jemu.devices.vga.VgaFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreendumpTest {
    static final int[] PALETTE = {0x000000, 0x0000aa, 0x00aa00, 0x00aaaa, 0xaa0000, 0xaa00aa, 0xaa5500, 0xaaaaaa,
        0x555555, 0x5555ff, 0x55ff55, 0x55ffff, 0xff5555, 0xff55ff, 0xffff55, 0xffffff};
    @TempDir Path dir;

    static TextFrame frame(String... lines) {
        int[] cells = new int[80 * 25];
        java.util.Arrays.fill(cells, ' ' | 0x07 << 8);
        for (int r = 0; r < lines.length; r++)
            for (int c = 0; c < lines[r].length(); c++) cells[r * 80 + c] = lines[r].charAt(c) | (0x07 + r * 0x10) << 8;
        return TextFrame.of(80, 25, cells, PALETTE, lines[lines.length - 1].length(), lines.length - 1);
    }

    @Test
    void pngRoundTripsAndDecodesToTheTextBuffer() throws Exception {
        TextFrame f = frame("Linux version 6.1", "{[(<jemu>)]} ~/$ 0123456789", "/ # echo hello", "hello", "/ # ");
        Path png = dir.resolve("s.png");
        Screendump.write(f, png, Screendump.formatFor(png));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(720, img.getWidth());
        assertEquals(400, img.getHeight());
        BufferedImage expected = Screendump.image(f);
        for (int y = 0; y < 400; y++)
            for (int x = 0; x < 720; x++) assertEquals(expected.getRGB(x, y), img.getRGB(x, y), "pixel " + x + "," + y);
        assertEquals(f.text(), new ScreenDecoder(VgaFont.standard()).decode(img));
        assertFalse(Files.exists(dir.resolve("s.png.tmp")));
    }

    @Test
    void ppmIsQemusDefault() throws Exception {
        Path ppm = dir.resolve("s.ppm");
        assertEquals(Screendump.Format.PPM, Screendump.formatFor(ppm));
        Screendump.write(frame("x"), ppm, Screendump.Format.PPM);
        byte[] b = Files.readAllBytes(ppm);
        String header = "P6\n720 400\n255\n";
        assertEquals(header, new String(b, 0, header.length(), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(header.length() + 720 * 400 * 3, b.length);
    }
}
