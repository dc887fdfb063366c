package org.jemu.display;

import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;

/**
 * Run in its own JVM on the test's X display: clicks at (x, y) to focus jemu's window, then types
 * its text argument through the X server (XTest), the way a person's keys reach the window.
 * Lower-case letters, digits, space and '\n' only.
 */
public final class RobotTyper {
    private RobotTyper() {}

    public static void main(String[] args) throws Exception {
        Robot r = new Robot();
        r.setAutoDelay(30);
        r.mouseMove(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        r.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        r.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        for (char c : args[2].toCharArray()) {
            int vk = c == '\n' ? KeyEvent.VK_ENTER : KeyEvent.getExtendedKeyCodeForChar(c);
            r.keyPress(vk);
            r.keyRelease(vk);
        }
        r.waitForIdle();
    }
}
