package se.newsroom.importer.wxr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;

/**
 * Reads the parts of a WXR file from a StAX cursor standing on their start tag, as
 * {@code wp-admin/includes/export.php} writes them; elements it does not know are skipped whole.
 */
final class WxrElements {
    /** The {@code wp:} namespace of every WXR version: {@code http://wordpress.org/export/1.2/}. */
    private static final Pattern WP = Pattern.compile("https?://wordpress\\.org/export/[^/]+/");
    /** The {@code excerpt:} namespace: {@code http://wordpress.org/export/1.2/excerpt/}. */
    private static final Pattern EXCERPT = Pattern.compile("https?://wordpress\\.org/export/[^/]+/excerpt/");
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    private final XMLStreamReader2 xml;

    WxrElements(XMLStreamReader2 xml) {
        this.xml = xml;
    }

    /**
     * The current element's name as WordPress's prefixes write it ({@code wp:post_id}, {@code content:encoded},
     * {@code title}), told by namespace, not by the prefix a file happens to use.
     */
    String name() {
        String ns = xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (ns == null || ns.isEmpty()) {
            return local;
        }
        if (EXCERPT.matcher(ns).matches()) {
            return "excerpt:" + local;
        }
        if (WP.matcher(ns).matches()) {
            return "wp:" + local;
        }
        if (ns.equals(CONTENT)) {
            return "content:" + local;
        }
        if (ns.equals(DC)) {
            return "dc:" + local;
        }
        return "{" + ns + "}" + local;
    }

    /** The text of the current element (CDATA and text alike, split CDATA joined), ending on its end tag. */
    String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            switch (xml.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> {
                    if (depth == 1) {
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
        return text.toString();
    }

    /** Skips the current element with everything in it. */
    void skip() throws XMLStreamException {
        xml.skipElement();
    }

    /**
     * Moves to the next child of the current element: true on its start tag, false on the parent's end tag.
     */
    boolean nextChild() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
    }

    /** A {@code wp:author}. */
    WxrAuthor author() throws XMLStreamException {
        Map<String, String> fields = fields();
        return new WxrAuthor(WxrText.number(fields.getOrDefault("wp:author_id", "")),
                fields.getOrDefault("wp:author_login", ""), fields.getOrDefault("wp:author_email", ""),
                fields.getOrDefault("wp:author_display_name", ""));
    }

    /** A {@code wp:category}, {@code wp:tag} or {@code wp:term} (told by {@code element}). */
    WxrTerm term(String element) throws XMLStreamException {
        Map<String, String> f = fields();
        long id = WxrText.number(f.getOrDefault("wp:term_id", ""));
        return switch (element) {
            case "wp:category" -> new WxrTerm(id, WxrText.slug(f.getOrDefault("wp:category_nicename", "")),
                    WxrText.slug(f.getOrDefault("wp:category_parent", "")), f.getOrDefault("wp:cat_name", ""),
                    "category");
            case "wp:tag" -> new WxrTerm(id, WxrText.slug(f.getOrDefault("wp:tag_slug", "")), "",
                    f.getOrDefault("wp:tag_name", ""), "post_tag");
            default -> new WxrTerm(id, WxrText.slug(f.getOrDefault("wp:term_slug", "")),
                    WxrText.slug(f.getOrDefault("wp:term_parent", "")), f.getOrDefault("wp:term_name", ""),
                    f.getOrDefault("wp:term_taxonomy", ""));
        };
    }

    /** The text of each child of the current element by name (the first of a repeated one); others skipped. */
    private Map<String, String> fields() throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (nextChild()) {
            String name = name();
            String value = text();
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    /** An {@code <item>}. */
    WxrItem item() throws XMLStreamException {
        Map<String, String> f = new LinkedHashMap<>();
        List<WxrItemTerm> terms = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        List<WxrComment> comments = new ArrayList<>();
        while (nextChild()) {
            String name = name();
            switch (name) {
                case "category" -> {
                    String domain = attribute("domain");
                    String nicename = WxrText.slug(attribute("nicename"));
                    terms.add(new WxrItemTerm(domain, nicename, text()));
                }
                case "wp:postmeta" -> {
                    Map<String, String> m = fields();
                    meta.putIfAbsent(m.getOrDefault("wp:meta_key", ""), m.getOrDefault("wp:meta_value", ""));
                }
                case "wp:comment" -> comments.add(comment());
                default -> f.putIfAbsent(name, text());
            }
        }
        meta.remove("");
        Optional<Instant> gmt = WxrText.gmt(f.getOrDefault("wp:post_date_gmt", ""));
        return new WxrItem(WxrText.number(f.getOrDefault("wp:post_id", "")), f.getOrDefault("wp:post_type", ""),
                f.getOrDefault("title", ""), f.getOrDefault("link", "").strip(), f.getOrDefault("guid", "").strip(),
                f.getOrDefault("dc:creator", ""), f.getOrDefault("content:encoded", ""),
                f.getOrDefault("excerpt:encoded", ""), gmt,
                WxrText.local(f.getOrDefault("wp:post_date", ""), gmt), f.getOrDefault("wp:comment_status", ""),
                WxrText.slug(f.getOrDefault("wp:post_name", "")), f.getOrDefault("wp:status", "").strip(),
                WxrText.number(f.getOrDefault("wp:post_parent", "")),
                f.getOrDefault("wp:attachment_url", "").strip(), terms, meta, comments);
    }

    /** A {@code wp:comment} (its {@code wp:commentmeta} left out). */
    private WxrComment comment() throws XMLStreamException {
        Map<String, String> f = fields();
        Optional<Instant> gmt = WxrText.gmt(f.getOrDefault("wp:comment_date_gmt", ""));
        return new WxrComment(WxrText.number(f.getOrDefault("wp:comment_id", "")),
                f.getOrDefault("wp:comment_author", ""), f.getOrDefault("wp:comment_author_email", "").strip(),
                f.getOrDefault("wp:comment_author_url", "").strip(), f.getOrDefault("wp:comment_author_IP", "").strip(),
                gmt, WxrText.local(f.getOrDefault("wp:comment_date", ""), gmt),
                f.getOrDefault("wp:comment_content", ""), f.getOrDefault("wp:comment_approved", "").strip(),
                f.getOrDefault("wp:comment_type", "").strip(), WxrText.number(f.getOrDefault("wp:comment_parent", "")),
                WxrText.number(f.getOrDefault("wp:comment_user_id", "")));
    }

    private String attribute(String local) {
        String value = xml.getAttributeValue(null, local);
        return value == null ? "" : value;
    }
}
