package se.newsroom.importer;

import java.nio.file.Path;
import java.util.Optional;

/** Brings a picture from a copy of wp-content/uploads across, through the site's media path. */
@FunctionalInterface
public interface MediaImport {

    /**
     * Stores the picture in {@code file} as the project's media (the same path an editor's upload takes), once per
     * {@code sourceKey}: a second call with the same key returns the same id and uploads nothing.
     *
     * @param sourceKey the file's path under uploads (e.g. 2019/12/bild.jpg), which names it across runs
     * @return the media id, for {@code media:<id>} in a body or a featured image; empty when it cannot be used
     */
    Optional<String> importPicture(Path file, String sourceKey, String alt);
}
