package org.jemu.loader;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where src-test-images/make-images.sh puts the guest images: {@code $JEMU_IMAGES}, or
 * {@code ~/.cache/jemu/images}. Tests and benchmarks find kernels and initramfs images here and skip
 * when an image has not been built.
 */
public final class ImageCache {
    private ImageCache() {}

    public static Path dir() {
        String env = System.getenv("JEMU_IMAGES");
        return env != null && !env.isEmpty() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "jemu", "images");
    }

    /** The image file at {@code relative} (e.g. "small/bzImage") if it exists, else null. */
    public static Path find(String relative) {
        Path p = dir().resolve(relative);
        return Files.isRegularFile(p) ? p : null;
    }
}
