package se.newsroom.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

/** The image types an upload may be, told from the file's first bytes (never from its name or declared type). */
enum ImageType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    GIF("image/gif"),
    WEBP("image/webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a};

    /*
     * TwelveMonkeys' readers are named and registered here rather than looked up, so which plugin decodes does not
     * depend on the class loader ImageIO scanned at start (the Lambda runtime's is not the application's). Its JPEG
     * reader finds the JDK's, which it builds on, when registered.
     */
    private static final JPEGImageReaderSpi JPEG_READERS = new JPEGImageReaderSpi();
    private static final WebPImageReaderSpi WEBP_READERS = new WebPImageReaderSpi();

    static {
        IIORegistry.getDefaultInstance().registerServiceProvider(JPEG_READERS);
        IIORegistry.getDefaultInstance().registerServiceProvider(WEBP_READERS);
    }

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

    /** A new reader for this type. */
    ImageReader reader() {
        try {
            return switch (this) {
                case JPEG -> JPEG_READERS.createReaderInstance();
                case WEBP -> WEBP_READERS.createReaderInstance();
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
