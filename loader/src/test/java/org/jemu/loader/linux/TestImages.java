package org.jemu.loader.linux;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the guest images that src-test-images/make-images.sh builds (tests skip when absent). */
final class TestImages {
    private TestImages() {}

    static Path dir() {
        String env = System.getenv("JEMU_IMAGES");
        return env != null && !env.isEmpty() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "jemu", "images");
    }

    /** The path if the file exists, else null. */
    static Path find(String relative) {
        Path p = dir().resolve(relative);
        return Files.isRegularFile(p) ? p : null;
    }
}
