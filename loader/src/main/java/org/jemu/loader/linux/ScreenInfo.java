package org.jemu.loader.linux;

import java.nio.ByteBuffer;

/**
 * The zero page's {@code struct screen_info} (offset 0; Linux include/uapi/linux/screen_info.h),
 * filled as a VGA BIOS in 80×25 colour text mode would have left it for the real-mode setup code
 * to record: mode 3, 80 columns, 25 lines, a VGA (so vgacon takes VIDEO_TYPE_VGAC), 16-dot
 * characters, the cursor at the top left. vgacon reads exactly these fields in vgacon_startup.
 */
public final class ScreenInfo {
    static final int ORIG_X = 0x00, ORIG_Y = 0x01, ORIG_VIDEO_PAGE = 0x04, ORIG_VIDEO_MODE = 0x06, ORIG_VIDEO_COLS = 0x07,
            ORIG_VIDEO_EGA_BX = 0x0a, ORIG_VIDEO_LINES = 0x0e, ORIG_VIDEO_IS_VGA = 0x0f, ORIG_VIDEO_POINTS = 0x10;
    /** screen_info.h: VIDEO_TYPE_VGAC is what vgacon derives; the boot protocol value for "VGA" is 1. */
    static final int IS_VGA = 1, MODE_80X25_COLOR = 3;

    private ScreenInfo() {}

    /** Writes the VGA text console description into the zero page {@code zp} (little-endian). */
    static void vgaText(ByteBuffer zp, int columns, int lines) {
        zp.put(ORIG_X, (byte) 0);
        zp.put(ORIG_Y, (byte) 0);
        zp.putShort(ORIG_VIDEO_PAGE, (short) 0);
        zp.put(ORIG_VIDEO_MODE, (byte) MODE_80X25_COLOR);
        zp.put(ORIG_VIDEO_COLS, (byte) columns);
        // BX of INT 10h AH=12h BL=10h: BL = 0x03 (256K of EGA memory), anything but 0x10 means a colour EGA/VGA.
        zp.putShort(ORIG_VIDEO_EGA_BX, (short) 0x0003);
        zp.put(ORIG_VIDEO_LINES, (byte) lines);
        zp.put(ORIG_VIDEO_IS_VGA, (byte) IS_VGA);
        zp.putShort(ORIG_VIDEO_POINTS, (short) 16);
    }
}
