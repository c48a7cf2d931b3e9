package se.newsroom.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * MediaFunction's SnapStart priming: a small JPEG and a small PNG with alpha made in memory go through
 * {@link ImageVariants}, so the decoders, EXIF reading, scaling and both encoders are loaded and compiled in the
 * snapshot rather than on an editor's first upload. It reads and writes nothing outside the JVM.
 */
final class MediaPriming {
    private MediaPriming() {
    }

    /** Makes the variants of both pictures; returns how many variants were made. */
    static int run(ImageVariants variants) {
        int made = 0;
        try {
            made += variants.make(encode(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "jpeg"))
                    .variants().size();
            made += variants.make(encode(new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB), "png"))
                    .variants().size();
        } catch (UnusableImageException e) {
            throw new IllegalStateException("Priming refused its own picture: " + e.reason(), e);
        }
        return made;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
