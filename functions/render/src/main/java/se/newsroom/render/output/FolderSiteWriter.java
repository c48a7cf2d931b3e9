package se.newsroom.render.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import se.newsroom.render.site.RenderedObject;

/** Writes the site into a local folder, keys as relative paths. */
public final class FolderSiteWriter implements SiteWriter {
    private final Path root;

    public FolderSiteWriter(Path root) {
        this.root = root;
    }

    @Override
    public void put(RenderedObject object) {
        Path file = resolve(object.key());
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, object.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, Instant> keys() {
        if (!Files.isDirectory(root)) {
            return Map.of();
        }
        Map<String, Instant> keys = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                keys.put(root.relativize(f).toString().replace('\\', '/'),
                        Files.getLastModifiedTime(f).toInstant());
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("Key outside the site: " + key);
        }
        return file;
    }
}
