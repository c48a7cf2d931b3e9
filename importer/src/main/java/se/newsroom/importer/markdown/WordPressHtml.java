package se.newsroom.importer.markdown;

import java.util.function.UnaryOperator;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A WordPress post's HTML ({@code content:encoded}) as the project's Markdown: CommonMark with GFM tables, which the
 * render module turns into the page, pictures written {@code ![alt](media:<id>)}.
 *
 * <p>jsoup parses the HTML the way a browser would; a small walker of our own writes the Markdown rather than
 * flexmark's html2md converter, because most of the work is WordPress's, not HTML's: wpautop's paragraphs (a classic
 * body is stored without {@code <p>}), shortcodes, {@code [caption]} and Gutenberg figures, auto-embedded URLs, the
 * media resolver and the marked paragraphs for what cannot come across. With flexmark each of those would be an
 * extension fighting its defaults (its escaping, its image and table output), and it would bring a dozen jars.
 */
public final class WordPressHtml {
    /**
     * How the body marks what could not come across (a shortcode, an embed, a script, a form): one wording, so an
     * editor can search for it; the construct follows as written, in a code span.
     */
    public static final String UNMAPPED = "**Från WordPress, inte överfört:**";
    /** How the body marks a picture whose file was not found; its address follows in a code span. */
    public static final String MISSING_IMAGE = "**Från WordPress, bilden saknas:**";
    /** What opens a Gutenberg block; a body with one is stored with its own paragraphs (no wpautop). */
    private static final String BLOCK_COMMENT = "<!-- wp:";

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
        Shortcodes.Found found = Shortcodes.replace(html);
        Document document = Jsoup.parseBodyFragment(found.html());
        document.outputSettings().prettyPrint(false); // an unmapped element is listed as close to its source as can be
        BodyWriter writer = new BodyWriter(images, links, !html.contains(BLOCK_COMMENT), found.sources());
        String markdown = String.join("\n\n", writer.blocks(document.body()));
        return new Converted(markdown, writer.unmapped(), writer.missingImages());
    }
}
