package se.newsroom.render.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.ElementPolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import se.newsroom.render.site.Views.Picture;

/**
 * Article bodies: Markdown (CommonMark) to HTML, then through an allow-list sanitizer, so raw HTML in a body can
 * format text but never script the page. A picture from the media library is written {@code ![alt](media:<id>)}:
 * alone in its paragraph it becomes a {@code <figure>} with its variants, inside text an {@code <img>}; one that is
 * not ready (or does not exist) is left out rather than shown broken. GitHub-style tables (opening hours) become
 * tables with column headers ({@code scope="col"}) in a labelled region that scrolls sideways on a phone; a link
 * leaving the site gets {@code rel="nofollow"}, a link to the site's own pages none.
 */
public final class Markdown {
    /** What a body's media reference starts with. */
    public static final String MEDIA_SCHEME = "media:";
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    /** The class of the region a table scrolls in, and of a cell's alignment (no {@code align}: obsolete in HTML). */
    private static final String TABLE_WRAP = "table-wrap";
    private static final Pattern ALIGNMENT = Pattern.compile("align-(?:left|center|right)");
    /**
     * A media picture's srcset, as the sanitizer hands it over: its own srcset policy has already checked each URL's
     * protocol and joined the candidates with " , ".
     */
    private static final Pattern SRCSET = Pattern.compile(
            "(?:(?:https://[A-Za-z0-9.:-]+)?/media/[0-9A-Za-z]+/[0-9]+\\.(?:jpg|png) [0-9]+w(?: ?, (?=.)|$))+");
    /** A sanitizer per site address (one in a function's life): its links policy knows which links stay on the site. */
    private static final Map<String, PolicyFactory> POLICIES = new ConcurrentHashMap<>();
    private static final PolicyFactory BASE_POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.IMAGES)
            // Tables as the Markdown tables write them, and no more: header cells with a scope, cells aligned by
            // class, and the region around a table (div, so BLOCKS' div must be granted again here).
            .and(new HtmlPolicyBuilder().allowElements("table", "thead", "tbody", "tr", "th", "td", "caption", "div")
                    .allowAttributes("scope").matching(Pattern.compile("col|row")).onElements("th")
                    .allowAttributes("class").matching(ALIGNMENT).onElements("th", "td")
                    .allowAttributes("class").matching(Pattern.compile(TABLE_WRAP)).onElements("div")
                    .allowAttributes("role").matching(Pattern.compile("region")).onElements("div")
                    .allowAttributes("tabindex").matching(Pattern.compile("0")).onElements("div")
                    .allowAttributes("aria-label").onElements("div")
                    .allowTextIn("table")
                    .toFactory())
            // img and span again: factories joined with and() intersect their policies for an element they share, so
            // this one must grant them too for the attributes below to survive.
            .and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "br", "figure", "figcaption", "img",
                            "span")
                    // Exactly what a media picture adds to Sanitizers.IMAGES' img (src, alt, width, height).
                    .allowUrlProtocols("https")
                    .allowAttributes("srcset").matching(SRCSET).onElements("img")
                    .allowAttributes("sizes").matching(Pattern.compile(Pattern.quote(Pictures.SIZES)))
                    .onElements("img")
                    .allowAttributes("loading").matching(Pattern.compile("lazy")).onElements("img")
                    .allowAttributes("decoding").matching(Pattern.compile("async")).onElements("img")
                    .allowAttributes("class").matching(Pattern.compile("picture")).onElements("figure")
                    .allowAttributes("class").matching(Pattern.compile("credit")).onElements("span")
                    .toFactory());

    private Markdown() {
    }

    /**
     * Safe HTML for a Markdown body with no pictures from the media library (any reference is left out), on a site
     * whose address is unknown: only root-relative and relative links count as the site's own.
     */
    public static String toSafeHtml(String markdown) {
        return toSafeHtml(markdown, (id, alt) -> Optional.empty());
    }

    /** The same with pictures, on a site whose address is unknown. */
    public static String toSafeHtml(String markdown, BiFunction<String, String, Optional<Picture>> pictures) {
        return toSafeHtml(markdown, pictures, "");
    }

    /**
     * Safe HTML for a Markdown body.
     *
     * @param pictures the picture for a media id and the alt text the body gives it, or empty when it is not ready
     * @param siteUrl  the site's public address: links to it (and root-relative ones) are not marked nofollow
     */
    public static String toSafeHtml(String markdown, BiFunction<String, String, Optional<Picture>> pictures,
                                    String siteUrl) {
        Node document = PARSER.parse(markdown);
        wrapTables(document);
        for (Image image : mediaImages(document)) {
            String id = image.getDestination().substring(MEDIA_SCHEME.length());
            Optional<Picture> picture = pictures.apply(id, altText(image));
            Node parent = image.getParent();
            boolean alone = parent instanceof Paragraph && image.getPrevious() == null && image.getNext() == null;
            if (picture.isEmpty()) {
                image.unlink();
                if (alone) {
                    parent.unlink();
                }
            } else if (alone) {
                parent.insertAfter(new MediaFigure(picture.get()));
                parent.unlink();
            } else {
                image.insertAfter(new MediaInline(picture.get()));
                image.unlink();
            }
        }
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
                .nodeRendererFactory(PictureRenderer::new).nodeRendererFactory(TableWrapRenderer::new)
                .attributeProviderFactory(context -> new TableCells()).build();
        return POLICIES.computeIfAbsent(siteUrl, Markdown::policy).sanitize(renderer.render(document));
    }

    /** The sanitizer for a site: the base policy and links, nofollow on those that leave the site. */
    private static PolicyFactory policy(String siteUrl) {
        Optional<String> host = host(siteUrl);
        ElementPolicy nofollowOutside = (name, attributes) -> {
            int href = attributes.indexOf("href");
            // Attribute names are at even positions, values after them.
            if (href >= 0 && href % 2 == 0 && leavesSite(attributes.get(href + 1), host)) {
                attributes.add("rel");
                attributes.add("nofollow");
            }
            return name;
        };
        return BASE_POLICY.and(new HtmlPolicyBuilder().allowStandardUrlProtocols()
                .allowElements(nofollowOutside, "a").allowAttributes("href").onElements("a").toFactory());
    }

    /**
     * Whether a link goes to another site: an address with a host other than the site's (or any host when the
     * site's is unknown). A relative or root-relative path, a fragment, or a mail address stays.
     */
    static boolean leavesSite(String href, Optional<String> siteHost) {
        try {
            URI uri = new URI(href.strip());
            String scheme = uri.getScheme();
            if (scheme != null && !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
                return false; // mailto:, tel:
            }
            String host = uri.getHost();
            if (host == null) {
                return uri.getRawAuthority() != null; // "//host/" with a host Java cannot read: assume away
            }
            return siteHost.map(h -> !h.equalsIgnoreCase(host)).orElse(true);
        } catch (URISyntaxException e) {
            return true; // not a path the site writes
        }
    }

    private static Optional<String> host(String siteUrl) {
        return siteUrl.isEmpty() ? Optional.empty() : Optional.ofNullable(URI.create(siteUrl).getHost());
    }

    /** Puts each table in a region of its own (labelled by its column headers), which scrolls on a narrow screen. */
    private static void wrapTables(Node document) {
        List<TableBlock> tables = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock table) {
                    tables.add(table);
                } else {
                    visitChildren(block);
                }
            }
        });
        Set<String> labels = new HashSet<>();
        for (TableBlock table : tables) {
            String label = "Tabell: " + String.join(", ", headers(table));
            String unique = label;
            for (int n = 2; !labels.add(unique); n++) {
                unique = label + " (" + n + ")";
            }
            TableWrap wrap = new TableWrap(unique);
            table.insertBefore(wrap);
            wrap.appendChild(table);
        }
    }

    private static List<String> headers(TableBlock table) {
        List<String> headers = new ArrayList<>();
        table.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableCell cell && cell.isHeader()) {
                    StringBuilder text = new StringBuilder();
                    cell.accept(new AbstractVisitor() {
                        @Override
                        public void visit(Text t) {
                            text.append(t.getLiteral());
                        }
                    });
                    headers.add(text.toString().strip());
                } else {
                    visitChildren(node);
                }
            }

            @Override
            public void visit(CustomBlock block) {
                visitChildren(block);
            }
        });
        return headers;
    }

    /** The media ids a body refers to, in order, each once. */
    public static Set<String> mediaIds(String markdown) {
        Set<String> ids = new LinkedHashSet<>();
        mediaImages(PARSER.parse(markdown)).forEach(i -> ids.add(i.getDestination().substring(MEDIA_SCHEME.length())));
        return ids;
    }

    private static List<Image> mediaImages(Node document) {
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                if (image.getDestination().startsWith(MEDIA_SCHEME)) {
                    images.add(image);
                }
            }
        });
        return images;
    }

    private static String altText(Image image) {
        StringBuilder alt = new StringBuilder();
        image.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                alt.append(text.getLiteral());
            }
        });
        return alt.toString();
    }

    /** The region a table scrolls in. */
    private static final class TableWrap extends CustomBlock {
        private final String label;

        TableWrap(String label) {
            this.label = label;
        }
    }

    /** Writes a table's region: focusable, so that a keyboard can scroll it, and named for screen readers. */
    private static final class TableWrapRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        TableWrapRenderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(TableWrap.class);
        }

        @Override
        public void render(Node node) {
            HtmlWriter html = context.getWriter();
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("class", TABLE_WRAP);
            attributes.put("role", "region");
            attributes.put("tabindex", "0");
            attributes.put("aria-label", ((TableWrap) node).label);
            html.line();
            html.tag("div", attributes);
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/div");
            html.line();
        }
    }

    /** Header cells with {@code scope="col"}; alignment as a class instead of the obsolete {@code align}. */
    private static final class TableCells implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof TableCell cell) {
                attributes.remove("align");
                if (cell.getAlignment() != null) {
                    attributes.put("class", "align-" + cell.getAlignment().name().toLowerCase(Locale.ROOT));
                }
                if (cell.isHeader() && cell.getParent() != null && cell.getParent().getParent() instanceof TableHead) {
                    attributes.put("scope", "col");
                }
            }
        }
    }

    /** A picture alone in its paragraph: a figure. */
    private static final class MediaFigure extends CustomBlock {
        private final Picture picture;

        MediaFigure(Picture picture) {
            this.picture = picture;
        }
    }

    /** A picture inside text: an img. */
    private static final class MediaInline extends CustomNode {
        private final Picture picture;

        MediaInline(Picture picture) {
            this.picture = picture;
        }
    }

    /** Writes the pictures; commonmark's writer escapes every attribute and text. */
    private static final class PictureRenderer implements NodeRenderer {
        private final HtmlWriter html;

        PictureRenderer(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(MediaFigure.class, MediaInline.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof MediaFigure figure) {
                Picture p = figure.picture;
                html.line();
                html.tag("figure", Map.of("class", "picture"));
                img(p);
                if (p.captioned()) {
                    html.tag("figcaption");
                    html.text(p.caption());
                    if (!p.credit().isEmpty()) {
                        if (!p.caption().isEmpty()) {
                            html.text(" ");
                        }
                        html.tag("span", Map.of("class", "credit"));
                        html.text("Foto: " + p.credit());
                        html.tag("/span");
                    }
                    html.tag("/figcaption");
                }
                html.tag("/figure");
                html.line();
            } else if (node instanceof MediaInline inline) {
                img(inline.picture);
            }
        }

        private void img(Picture p) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("src", p.src());
            if (!p.srcset().isEmpty()) {
                attributes.put("srcset", p.srcset());
                attributes.put("sizes", p.sizes());
            }
            attributes.put("width", Integer.toString(p.width()));
            attributes.put("height", Integer.toString(p.height()));
            attributes.put("alt", p.alt());
            attributes.put("decoding", "async");
            if (p.lazy()) {
                attributes.put("loading", "lazy");
            }
            html.tag("img", attributes, true);
        }
    }
}
