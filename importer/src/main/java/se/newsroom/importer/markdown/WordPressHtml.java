package se.newsroom.importer.markdown;

import java.util.function.UnaryOperator;

/** A WordPress post's HTML ({@code content:encoded}) as the project's Markdown. */
public final class WordPressHtml {
    private WordPressHtml() {
    }

    /**
     * Converts {@code html}: headings, paragraphs (WordPress's blank-line paragraphs as wpautop makes them), lists,
     * links, quotes, images; Gutenberg block comments removed; what it cannot map kept as a marked paragraph.
     *
     * @param images where each image lives now
     * @param links  rewrites each link's href (e.g. an old permalink to the article's new address)
     */
    public static Converted convert(String html, ImageResolver images, UnaryOperator<String> links) {
        throw new UnsupportedOperationException("skeleton: the converter is being written");
    }
}
