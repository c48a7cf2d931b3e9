package se.newsroom.media;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;

/**
 * EXIF orientation (TIFF tag 274): how a camera says its picture is to be turned for viewing. The eight values are
 * the four rotations, each with or without a mirror; 5 to 8 swap width and height.
 */
final class Orientation {
    static final int NORMAL = 1;

    private Orientation() {
    }

    /** The orientation the file's EXIF states; 1 (as stored) when it states none or an invalid one. */
    static int of(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            for (ExifIFD0Directory directory : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                Integer value = directory.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
                if (value != null && value >= 1 && value <= 8) {
                    return value;
                }
            }
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            // Unreadable metadata is no reason to refuse a picture that decodes: show it as stored.
        }
        return NORMAL;
    }

    /** Whether the orientation turns the picture a quarter, so its shown width is its stored height. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5;
    }

    /** The stored {@code image} turned and mirrored as {@code orientation} says, in a new image of {@code type}. */
    static BufferedImage apply(BufferedImage image, int orientation, int type) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
            case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
            case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
            case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
            case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
            case 7 -> t.setTransform(0, -1, -1, 0, h, w);
            case 8 -> t.setTransform(0, -1, 1, 0, 0, w);
            default -> {
                if (image.getType() == type) {
                    return image;
                }
            }
        }
        BufferedImage out = swapsSides(orientation) ? new BufferedImage(h, w, type) : new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
