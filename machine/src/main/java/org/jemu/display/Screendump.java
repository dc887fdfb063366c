package org.jemu.display;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jemu.devices.vga.TextFrame;
import org.jemu.devices.vga.TextRenderer;
import org.jemu.devices.vga.VgaFont;

/** The monitor's {@code screendump}: the screen as the window shows it (cursor on), as PNG or binary PPM (P6). */
public final class Screendump {
    public enum Format { PNG, PPM }

    private Screendump() {}

    /** QEMU writes PPM unless told otherwise; a file name ending in .png asks for PNG. */
    public static Format formatFor(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? Format.PNG : Format.PPM;
    }

    public static BufferedImage image(TextFrame frame) {
        return new TextRenderer(VgaFont.standard()).render(frame, 0);
    }

    public static void write(TextFrame frame, Path file, Format format) throws IOException {
        BufferedImage img = image(frame);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            if (format == Format.PNG) {
                if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer in this JDK");
            } else {
                writePpm(img, out);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static void writePpm(BufferedImage img, OutputStream out) throws IOException {
        out.write(("P6\n" + img.getWidth() + " " + img.getHeight() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                out.write(rgb >> 16 & 0xff);
                out.write(rgb >> 8 & 0xff);
                out.write(rgb & 0xff);
            }
        }
    }
}
