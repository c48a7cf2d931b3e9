package se.newsroom.importer.markdown;

import java.util.Optional;

/** Where an image of a post's HTML lives now. */
@FunctionalInterface
public interface ImageResolver {

    /**
     * The Markdown image destination for an {@code <img>} (e.g. {@code media:<id>}), or empty when the picture
     * cannot be brought across (then the conversion keeps a marked paragraph and lists it as missing).
     *
     * @param src the image's {@code src}, as written in the HTML (usually …/wp-content/uploads/YYYY/MM/name.jpg)
     * @param alt its {@code alt}, possibly empty
     */
    Optional<String> destination(String src, String alt);
}
