package se.newsroom.importer.markdown;

import java.util.List;

/**
 * A post's HTML as the project's Markdown.
 *
 * @param markdown      the body
 * @param unmapped      each construct the conversion could not carry (a shortcode, an embed, a block), as written in
 *                      the HTML; each is kept in the body as a clearly marked paragraph
 * @param missingImages the source of each image that the {@link ImageResolver} could not find
 */
public record Converted(String markdown, List<String> unmapped, List<String> missingImages) {
    public Converted {
        unmapped = List.copyOf(unmapped);
        missingImages = List.copyOf(missingImages);
    }
}
