package se.newsroom.importer.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress shortcodes in a post's HTML, found before it is parsed (an enclosing one spans elements): a
 * {@code [caption]} becomes a figure with its caption, every other shortcode a placeholder element that the
 * conversion keeps as a marked paragraph. Which {@code [word]} is a shortcode is not in the export (it depends on the
 * plugins a site ran), so: a known name, one with attributes, one with a closing tag, or a name with - or _ is one;
 * plain bracketed text such as {@code [sic]} or {@code [1]} stays text. {@code [[gallery]]} is WordPress's way of
 * writing a shortcode literally: it becomes the text {@code [gallery]}.
 */
final class Shortcodes {
    /** The placeholder element an unmapped shortcode becomes; its {@code data-n} indexes {@link Found#sources()}. */
    static final String PLACEHOLDER = "wp-unmapped";
    /** WordPress core's shortcodes, and plugins' that take no attributes in common use. */
    private static final Set<String> KNOWN = Set.of("caption", "wp_caption", "gallery", "playlist", "audio", "video",
            "embed", "contact-form-7", "contact-form", "gravityform", "ninja_form", "wpforms", "foogallery",
            "soundcloud", "youtube", "vimeo", "googlemaps", "pdf-embedder", "su_note", "vc_row");
    /**
     * WordPress's own shortcode pattern ({@code get_shortcode_regex()} in wp-includes/shortcodes.php) for any name:
     * 1 an extra [ (escaped), 2 the name, 3 the attributes, 4 a self-closing /, 5 the enclosed content, 6 an extra ].
     */
    private static final Pattern SHORTCODE = Pattern.compile("\\[(\\[?)([A-Za-z][\\w-]*)(?![\\w-])"
            + "([^\\]/]*+(?:/(?!\\])[^\\]/]*+)*+)"
            + "(?:(/)\\]|\\](?:([^\\[]*+(?:\\[(?!/\\2\\])[^\\[]*+)*+)\\[/\\2\\])?)(\\]?)");
    private static final Pattern CAPTION_ATTRIBUTE = Pattern.compile("caption=\"([^\"]*)\"");

    private Shortcodes() {
    }

    /** The HTML with its shortcodes replaced, and the source of each placeholder. */
    record Found(String html, List<String> sources) {
    }

    static Found replace(String html) {
        List<String> sources = new ArrayList<>();
        Matcher m = SHORTCODE.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (m.find()) {
            String name = m.group(2);
            boolean escaped = !m.group(1).isEmpty() && !m.group(6).isEmpty();
            String replacement;
            if (insideTag(html, m.start()) || !isShortcode(name, m.group(3), m.group(5) != null)) {
                replacement = m.group();
            } else if (escaped) {
                replacement = m.group().substring(1, m.group().length() - 1);
            } else if ((name.equals("caption") || name.equals("wp_caption")) && m.group(5) != null) {
                replacement = caption(m.group(3), m.group(5));
            } else {
                sources.add(m.group(1).isEmpty() ? m.group() : m.group().substring(1));
                replacement = m.group(1) + "<" + PLACEHOLDER + " data-n=\"" + (sources.size() - 1) + "\"></"
                        + PLACEHOLDER + ">" + m.group(6);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Found(out.toString(), sources);
    }

    private static boolean isShortcode(String name, String attributes, boolean enclosing) {
        return KNOWN.contains(name.toLowerCase(Locale.ROOT)) || !attributes.isBlank() || enclosing
                || name.indexOf('-') > 0 || name.indexOf('_') > 0;
    }

    /** A {@code [caption]}: its content (an image, perhaps linked, then the caption text) as a figure. */
    private static String caption(String attributes, String content) {
        Matcher attribute = CAPTION_ATTRIBUTE.matcher(attributes);
        String caption = attribute.find()
                ? "<figcaption>" + attribute.group(1) + "</figcaption>" : "";
        return "<figure class=\"wp-caption\">" + content + caption + "</figure>";
    }

    /** Whether {@code at} is inside a tag (an attribute's value), where WordPress does not expand shortcodes. */
    private static boolean insideTag(String html, int at) {
        return html.lastIndexOf('<', at) > html.lastIndexOf('>', at);
    }
}
