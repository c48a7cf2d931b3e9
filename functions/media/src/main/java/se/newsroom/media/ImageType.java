package se.newsroom.media;

import java.io.IOException;
import StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

/** The image types an upload may be, told from the file's first bytes (never from its name or declared type). */
enum ImageType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    GIF("image/gif"),
    WEBP("image/webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String contentType;

    ImageType(String contentType) {
        this.contentType = contentType;
    }

    /** The declared content type this type answers to. */
    String contentType() {
        return contentType;
    }

    /** The type whose magic number {@code bytes} starts with, if any. */
    static Optional<ImageType> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, (byte) 0xff, (byte) 0xd8, (byte) 0xff)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"))) {
            return Optional.of(GIF);
        }
        if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /**
     * A new reader for this type. TwelveMonkeys' readers are named rather than looked up, so which plugin decodes
     * does not depend on the class loader ImageIO scans at start (the Lambda runtime's is not the application's).
     */
    ImageReader reader() {
        try {
            return switch (this) {
                case JPEG -> new JPEGImageReaderSpi().createReaderInstance();
                case WEBP -> new WebPImageReaderSpi().createReaderInstance();
                case PNG, GIF -> jdkReader(name().toLowerCase(Locale.ROOT));
            };
        } catch (IOException e) {
            throw new IllegalStateException("No " + this + " reader", e);
        }
    }

    private static ImageReader jdkReader(String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("The JDK has no " + format + " reader");
        }
        return readers.next();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] bytes, int offset, byte... prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
