package org.jemu.display;

import java.awt.AWTError;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.RenderingHints;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.EnumSet;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import org.jemu.Machine;
import org.jemu.devices.ps2.Key;
import org.jemu.devices.vga.TextFrame;
import org.jemu.devices.vga.TextRenderer;
import org.jemu.devices.vga.VgaFont;

/**
 * The window that shows the VGA screen and takes the keyboard (see the package documentation).
 * Closing it ends jemu, as closing QEMU's window does: {@code onClose} runs.
 */
public final class DisplayWindow {
    /** Mode 3 refreshes at 70 Hz; the window samples the screen at that rate. */
    static final int REFRESH_MS = 1000 / 70;

    private final JFrame frame;
    private final Screen screen = new Screen();
    private final TextRenderer renderer = new TextRenderer(VgaFont.standard());
    private final Timer timer;
    private final EnumSet<Key> down = EnumSet.noneOf(Key.class);
    private volatile Machine machine;
    private TextFrame last;
    private long frameNumber;
    private long lastPhase = -1;
    private String title = "";

    /** Thrown by {@link #open} when there is no display to open a window on. */
    public static final class NoDisplayException extends Exception {
        NoDisplayException() { super("no display available", null, false, false); }
    }

    private DisplayWindow(Runnable onClose) {
        frame = new JFrame("jemu");
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override public void windowClosing(WindowEvent e) { onClose.run(); }
        });
        screen.setFocusable(true);
        screen.setFocusTraversalKeysEnabled(false); // Tab goes to the guest
        screen.addKeyListener(new KeyAdapter() {
            @Override public void keyPressed(KeyEvent e) { key(e, true); }
            @Override public void keyReleased(KeyEvent e) { key(e, false); }
        });
        screen.addFocusListener(new FocusAdapter() {
            @Override public void focusLost(FocusEvent e) { releaseAll(); }
        });
        frame.getContentPane().add(screen);
        frame.pack();
        frame.setLocationByPlatform(true);
        frame.setVisible(true);
        screen.requestFocusInWindow();
        timer = new Timer(REFRESH_MS, e -> refresh());
        timer.start();
    }

    /** Opens the window on the event thread; any thread. */
    public static DisplayWindow open(Runnable onClose) throws NoDisplayException {
        if (GraphicsEnvironment.isHeadless()) throw new NoDisplayException();
        DisplayWindow[] w = new DisplayWindow[1];
        try {
            SwingUtilities.invokeAndWait(() -> w[0] = new DisplayWindow(onClose));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof AWTError || e.getCause() instanceof HeadlessException) throw new NoDisplayException();
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the window");
        } catch (AWTError | HeadlessException e) {
            throw new NoDisplayException();
        }
        return w[0];
    }

    /** The machine to show; replaced when the guest reboots. Any thread. */
    public void attach(Machine m) { machine = m; }

    /** Closes the window; any thread. */
    public void close() {
        SwingUtilities.invokeLater(() -> {
            timer.stop();
            frame.dispose();
        });
    }

    private void key(KeyEvent e, boolean pressed) {
        Key k = AwtKeys.map(e);
        Machine m = machine;
        e.consume();
        if (k == null || m == null) return;
        if (pressed) down.add(k);
        else if (!down.remove(k)) return;
        m.sendKey(k, pressed); // a held key's auto-repeat presses again: the guest sees a typematic repeat
    }

    /** Focus went elsewhere (Alt-Tab, a click outside): let go of every key, so none sticks. */
    private void releaseAll() {
        Machine m = machine;
        if (m != null) for (Key k : down) m.sendKey(k, false);
        down.clear();
    }

    private void refresh() {
        frameNumber++;
        Machine m = machine;
        String t = "jemu" + (m == null ? "" : switch (m.state()) {
            case RUNNING -> "";
            case PAUSED -> " [Paused]";
            case POWERED_OFF -> " [Powered off]";
            case STOPPED -> " [Stopped]";
        });
        if (!t.equals(title)) frame.setTitle(title = t);
        if (m == null) return;
        TextFrame f = m.screen();
        long phase = frameNumber >> 3; // the cursor's blink period; characters blink at half its rate
        if (f.sameAs(last) && phase == lastPhase) return;
        last = f;
        lastPhase = phase;
        screen.show(f, frameNumber);
    }

    /** The component that draws the frame, scaled to fit with its aspect ratio kept. */
    private final class Screen extends JComponent {
        private BufferedImage image;

        Screen() { setPreferredSize(new Dimension(720, 400)); }

        void show(TextFrame f, long n) {
            int w = TextRenderer.width(f), h = TextRenderer.height(f);
            if (image == null || image.getWidth() != w || image.getHeight() != h)
                image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            renderer.render(f, n, image);
            repaint();
        }

        @Override
        protected void paintComponent(Graphics g) {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, getWidth(), getHeight());
            BufferedImage img = image;
            if (img == null) return;
            double scale = Math.min((double) getWidth() / img.getWidth(), (double) getHeight() / img.getHeight());
            if (scale <= 0) return;
            // Whole multiples stay sharp with nearest neighbour; other sizes are smoothed.
            boolean whole = Math.abs(scale - Math.rint(scale)) < 1e-9;
            ((Graphics2D) g).setRenderingHint(RenderingHints.KEY_INTERPOLATION, whole
                    ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int w = (int) Math.round(img.getWidth() * scale), h = (int) Math.round(img.getHeight() * scale);
            g.drawImage(img, (getWidth() - w) / 2, (getHeight() - h) / 2, w, h, null);
        }
    }
}
