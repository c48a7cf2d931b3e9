package se.newsroom.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Turns an uploaded file's bytes into the site's variants of the picture: checked before decoding (bytes, type from
 * the magic number, pixels from the header), decoded for real, turned as its EXIF orientation says, scaled down to
 * each width (never up) and written with no metadata at all: JPEG at quality 82, or PNG when the picture has alpha.
 */
public final class ImageVariants {
    /** The most bytes an upload may have. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** The most pixels a picture may have: a decompression bomb's small file is refused before it is decoded. */
    public static final long MAX_PIXELS = 50_000_000L;
    /** The widths made, narrowest first; a narrower picture gets one variant at its own width. */
    public static final List<Integer> WIDTHS = List.of(480, 960, 1600);
    static final float JPEG_QUALITY = 0.82f;

    private final List<Integer> widths;

    public ImageVariants() {
        this(WIDTHS);
    }

    ImageVariants(List<Integer> widths) {
        this.widths = widths.stream().sorted().toList();
    }

    /** One file of a picture: its size, how it is stored, and its bytes. */
    public record Variant(int width, int height, String extension, String contentType, byte[] bytes) {
    }

    /** A picture's shown size (after orientation) and its variants, narrowest first. */
    public record Picture(int width, int height, List<Variant> variants) {
    }

    /** The variants of the picture in {@code bytes}; refused with a reason in Swedish when it cannot be one. */
    public Picture make(byte[] bytes) throws UnusableImageException {
        if (bytes.length == 0) {
            throw new UnusableImageException("Filen är tom.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new UnusableImageException("Filen är för stor: högst 20 MB.");
        }
        ImageType type = ImageType.sniff(bytes).orElseThrow(() -> new UnusableImageException(
                "Filen är inte en bild i JPEG, PNG, WebP eller GIF."));
        BufferedImage stored = decode(type, bytes);
        int orientation = type == ImageType.GIF ? Orientation.NORMAL : Orientation.of(bytes);
        boolean alpha = stored.getColorModel().hasAlpha();
        int imageType = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        boolean swap = Orientation.swapsSides(orientation);
        int shownWidth = swap ? stored.getHeight() : stored.getWidth();
        int shownHeight = swap ? stored.getWidth() : stored.getHeight();

        List<Integer> targets = widths.stream().filter(w -> w <= shownWidth).toList();
        if (targets.isEmpty()) {
            targets = List.of(shownWidth);
        }
        // Widest first, each scaled from the one before: a 12 MP photo is scaled down once, not three times.
        List<Variant> variants = new ArrayList<>();
        BufferedImage source = stored;
        for (int width : targets.reversed()) {
            int height = Math.max(1, Math.round((float) shownHeight * width / shownWidth));
            int storedWidth = swap ? height : width;
            int storedHeight = swap ? width : height;
            BufferedImage scaled = scale(source, storedWidth, storedHeight, imageType);
            source = scaled;
            BufferedImage shown = Orientation.apply(scaled, orientation, imageType);
            variants.add(alpha ? png(shown) : jpeg(shown));
        }
        variants.sort(Comparator.comparingInt(Variant::width));
        return new Picture(shownWidth, shownHeight, List.copyOf(variants));
    }

    private static BufferedImage decode(ImageType type, byte[] bytes) throws UnusableImageException {
        ImageReader reader = type.reader();
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width * height > MAX_PIXELS) {
                throw new UnusableImageException(String.format(Locale.ROOT,
                        "Bilden är för stor: %d × %d bildpunkter (högst %d megapixlar).", width, height,
                        MAX_PIXELS / 1_000_000));
            }
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                // The JDK's JPEG decoder fills a truncated file's missing part with grey and only warns.
                throw new UnusableImageException("Filen är skadad eller ofullständig och kan inte visas.");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw new UnusableImageException("Filen är skadad eller ofullständig och kan inte visas.");
        } finally {
            reader.dispose();
        }
    }

    private static BufferedImage scale(BufferedImage image, int width, int height, int imageType) {
        if (image.getWidth() == width && image.getHeight() == height && image.getType() == imageType) {
            return image;
        }
        try {
            return Thumbnails.of(image).forceSize(width, height).imageType(imageType).asBufferedImage();
        } catch (IOException e) {
            throw new IllegalStateException("Scaling an image in memory failed", e);
        }
    }

    private static Variant jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        return new Variant(image.getWidth(), image.getHeight(), "jpg", "image/jpeg", write(writer, image, param));
    }

    private static Variant png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        return new Variant(image.getWidth(), image.getHeight(), "png", "image/png",
                write(writer, image, writer.getDefaultWriteParam()));
    }

    /** Writes {@code image} with no metadata: no EXIF, XMP, ICC profile, comment or text chunk. */
    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("Encoding an image in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
