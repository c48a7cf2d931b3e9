import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import se.newsroom.media.ImageVariants;

/**
 * Times ImageVariants on one file in this JVM: a first (cold) call, warm-up calls, then measured calls; prints
 * "variants_per_second first_call_ms peak_heap_mb" and writes the last call's variants to the output folder.
 */
public final class VariantsBench {
    private VariantsBench() {
    }

    public static void main(String[] args) throws Exception {
        byte[] photo = Files.readAllBytes(Path.of(args[0]));
        Path out = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        ImageVariants variants = new ImageVariants();
        long start = System.nanoTime();
        ImageVariants.Picture picture = variants.make(photo);
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        for (int i = 0; i < 3; i++) {
            variants.make(photo);
        }
        int made = 0;
        start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            picture = variants.make(photo);
            made += picture.variants().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (ImageVariants.Variant v : picture.variants()) {
            Files.write(out.resolve("newsroom-" + v.width() + "." + v.extension()), v.bytes());
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%.2f %d %d%n", made / seconds, firstMs, peak / (1024 * 1024));
    }
}
