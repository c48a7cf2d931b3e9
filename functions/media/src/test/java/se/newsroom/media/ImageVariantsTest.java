package se.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static se.newsroom.media.TestImages.BOTTOM_LEFT;
import static se.newsroom.media.TestImages.BOTTOM_RIGHT;
import static se.newsroom.media.TestImages.TOP_LEFT;
import static se.newsroom.media.TestImages.TOP_RIGHT;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.newsroom.media.ImageVariants.Picture;
import se.newsroom.media.ImageVariants.Variant;

class ImageVariantsTest {
    private final ImageVariants variants = new ImageVariants();

    @Test
    void make_shouldTurnAPhoneJpegUpright_andDropItsExifAndGpsPosition() throws Exception {
        // GIVEN a 2000 × 1500 photo stored on its side, EXIF orientation 6 (turn 90° clockwise) and a GPS position
        byte[] photo = TestImages.withExif(TestImages.jpeg(
                TestImages.quarters(2000, 1500, BufferedImage.TYPE_INT_RGB), false), 6);
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo))
                .getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation()).isNotNull();

        // WHEN
        Picture picture = variants.make(photo);

        // THEN it is shown 1500 × 2000, as 480 and 960 wide (1600 would be upscaled)
        assertThat(picture.width()).isEqualTo(1500);
        assertThat(picture.height()).isEqualTo(2000);
        assertThat(picture.variants()).extracting(Variant::width, Variant::height, Variant::extension)
                .containsExactly(tuple(480, 640, "jpg"),
                        tuple(960, 1280, "jpg"));
        for (Variant variant : picture.variants()) {
            BufferedImage shown = decode(variant);
            assertThat(shown.getWidth()).isEqualTo(variant.width());
            // turned clockwise: the stored bottom-left (blue) is now top-left, the stored top-left (red) top-right
            assertThat(corners(shown)).containsExactly(BOTTOM_LEFT, TOP_LEFT, BOTTOM_RIGHT, TOP_RIGHT);
            // and nothing of the camera's metadata is left: only JFIF, tables, frame and scan
            assertThat(TestImages.jpegMarkers(variant.bytes()))
                    .allMatch(m -> m == 0xe0 || m == 0xdb || m == 0xc4 || m == 0xc0 || m == 0xdd || m == 0xda);
            assertThat(contains(variant.bytes(), "Exif")).isFalse();
            assertThat(contains(variant.bytes(), "GPS")).isFalse();
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(variant.bytes()));
            assertThat(metadata.getDirectoriesOfType(GpsDirectory.class)).isEmpty();
            assertThat(metadata.getDirectoriesOfType(ExifIFD0Directory.class)).isEmpty();
        }
    }

    static Stream<Arguments> orientations() {
        // the shown image's top-left and top-right corners, from the stored red | green over blue | white
        return Stream.of(
                Arguments.of(1, TOP_LEFT, TOP_RIGHT), Arguments.of(2, TOP_RIGHT, TOP_LEFT),
                Arguments.of(3, BOTTOM_RIGHT, BOTTOM_LEFT), Arguments.of(4, BOTTOM_LEFT, BOTTOM_RIGHT),
                Arguments.of(5, TOP_LEFT, BOTTOM_LEFT), Arguments.of(6, BOTTOM_LEFT, TOP_LEFT),
                Arguments.of(7, BOTTOM_RIGHT, TOP_RIGHT), Arguments.of(8, TOP_RIGHT, BOTTOM_RIGHT));
    }

    @ParameterizedTest(name = "orientation {0}")
    @MethodSource("orientations")
    void make_shouldHonourEveryExifOrientation(int orientation, Color topLeft, Color topRight) throws Exception {
        byte[] photo = TestImages.withExif(TestImages.jpeg(
                TestImages.quarters(800, 600, BufferedImage.TYPE_INT_RGB), false), orientation);

        Picture picture = variants.make(photo);

        boolean quarterTurn = orientation >= 5;
        assertThat(picture.width()).isEqualTo(quarterTurn ? 600 : 800);
        Variant only = picture.variants().getFirst();
        assertThat(only.width()).isEqualTo(480);
        assertThat(only.height()).isEqualTo(quarterTurn ? 640 : 360);
        List<Color> corners = corners(decode(only));
        assertThat(corners.subList(0, 2)).containsExactly(topLeft, topRight);
    }

    @Test
    void make_shouldKeepAPngsAlpha_inPngVariantsWithNoTextChunks() throws Exception {
        BufferedImage image = TestImages.quarters(1000, 500, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 1000, 250, new int[1000 * 250], 0, 1000); // the top half fully transparent
        byte[] png = TestImages.withTextChunk(TestImages.png(image), "Comment", "GPS 56.4282 N, 12.8566 E");
        assertThat(TestImages.pngChunks(png)).contains("tEXt");

        Picture picture = variants.make(png);

        assertThat(picture.variants()).extracting(Variant::width, Variant::extension, Variant::contentType)
                .containsExactly(tuple(480, "png", "image/png"),
                        tuple(960, "png", "image/png"));
        BufferedImage small = decode(picture.variants().getFirst());
        assertThat(small.getHeight()).isEqualTo(240);
        assertThat(small.getRGB(10, 10) >>> 24).isZero();
        assertThat(small.getRGB(10, 230) >>> 24).isEqualTo(255);
        for (Variant variant : picture.variants()) {
            assertThat(TestImages.pngChunks(variant.bytes()))
                    .allMatch(c -> c.equals("IHDR") || c.equals("IDAT") || c.equals("IEND"));
            assertThat(contains(variant.bytes(), "GPS")).isFalse();
        }
    }

    @Test
    void make_shouldTakeAnAnimatedGifsFirstFrame() throws Exception {
        byte[] gif = TestImages.animatedGif(600, 400, Color.RED, Color.BLUE);

        Picture picture = variants.make(gif);

        assertThat(picture.variants()).extracting(Variant::width, Variant::height)
                .containsExactly(tuple(480, 320));
        BufferedImage shown = decode(picture.variants().getFirst());
        assertThat(TestImages.nearestQuarter(shown, 240, 160)).isEqualTo(Color.RED);
    }

    @Test
    void make_shouldReadAProgressiveJpeg() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.quarters(2400, 1600, BufferedImage.TYPE_INT_RGB), true);
        assertThat(TestImages.jpegMarkers(jpeg)).contains(0xc2);

        Picture picture = variants.make(jpeg);

        assertThat(picture.variants()).extracting(Variant::width, Variant::height).containsExactly(
                tuple(480, 320), tuple(960, 640),
                tuple(1600, 1067));
        assertThat(corners(decode(picture.variants().getLast())))
                .containsExactly(TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT);
    }

    @Test
    void make_shouldReadAWebp() throws Exception {
        // made with Debian's webp package (cwebp -q 90): red left half, blue right half; no WebP writer in Java
        byte[] webp;
        try (InputStream in = getClass().getResourceAsStream("/red-blue-640x400.webp")) {
            webp = in.readAllBytes();
        }

        Picture picture = variants.make(webp);

        assertThat(picture.variants()).extracting(Variant::width, Variant::height, Variant::extension)
                .containsExactly(tuple(480, 300, "jpg"));
        BufferedImage shown = decode(picture.variants().getFirst());
        assertThat(TestImages.nearestQuarter(shown, 60, 150)).isEqualTo(Color.RED);
        assertThat(TestImages.nearestQuarter(shown, 420, 150)).isEqualTo(Color.BLUE);
    }

    @Test
    void make_shouldGiveAPictureNarrowerThanTheSmallestWidthOneVariantAtItsOwnWidth() throws Exception {
        Picture picture = variants.make(TestImages.jpeg(
                TestImages.quarters(300, 200, BufferedImage.TYPE_INT_RGB), false));

        assertThat(picture.variants()).extracting(Variant::width, Variant::height)
                .containsExactly(tuple(300, 200));
    }

    @Test
    void make_shouldRefuseATruncatedJpeg() {
        byte[] jpeg = TestImages.jpeg(TestImages.quarters(1200, 800, BufferedImage.TYPE_INT_RGB), false);
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);

        assertThatThrownBy(() -> variants.make(truncated)).isInstanceOf(UnusableImageException.class)
                .hasMessage("Filen är skadad eller ofullständig och kan inte visas.");
    }

    @Test
    void make_shouldRefuseARenamedPdf_byItsBytes() {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> variants.make(pdf)).isInstanceOf(UnusableImageException.class)
                .hasMessage("Filen är inte en bild i JPEG, PNG, WebP eller GIF.");
    }

    @Test
    void make_shouldRefuseADecompressionBomb_fromItsHeader_withoutDecodingIt() {
        byte[] bomb = TestImages.pngHeader(30_000, 30_000);

        long before = usedHeap();
        assertThatThrownBy(() -> variants.make(bomb)).isInstanceOf(UnusableImageException.class)
                .hasMessage("Bilden är för stor: 30000 × 30000 bildpunkter (högst 50 megapixlar).");
        // 900 million pixels would be 3.6 GB decoded
        assertThat(usedHeap() - before).isLessThan(100L * 1024 * 1024);
    }

    @Test
    void make_shouldRefuseAFileOverTwentyMegabytes() {
        byte[] big = new byte[(int) ImageVariants.MAX_BYTES + 1];
        big[0] = (byte) 0xff;
        big[1] = (byte) 0xd8;
        big[2] = (byte) 0xff;

        assertThatThrownBy(() -> variants.make(big)).isInstanceOf(UnusableImageException.class)
                .hasMessage("Filen är för stor: högst 20 MB.");
    }

    @Test
    void make_shouldRefuseAnEmptyFile() {
        assertThatThrownBy(() -> variants.make(new byte[0])).isInstanceOf(UnusableImageException.class)
                .hasMessage("Filen är tom.");
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static BufferedImage decode(Variant variant) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(variant.bytes()));
        assertThat(image.getWidth()).isEqualTo(variant.width());
        assertThat(image.getHeight()).isEqualTo(variant.height());
        return image;
    }

    /** Top-left, top-right, bottom-left, bottom-right, each sampled a quarter in from its corner. */
    private static List<Color> corners(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return List.of(TestImages.nearestQuarter(image, w / 4, h / 4),
                TestImages.nearestQuarter(image, 3 * w / 4, h / 4),
                TestImages.nearestQuarter(image, w / 4, 3 * h / 4),
                TestImages.nearestQuarter(image, 3 * w / 4, 3 * h / 4));
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }
}
