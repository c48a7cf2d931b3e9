package se.newsroom.render.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import se.newsroom.render.site.Views.Picture;

/**
 * Article bodies: Markdown (CommonMark) to HTML, then through an allow-list sanitizer, so raw HTML in a body can
 * format text but never script the page. A picture from the media library is written {@code ![alt](media:<id>)}:
 * alone in its paragraph it becomes a {@code <figure>} with its variants, inside text an {@code <img>}; one that is
 * not ready (or does not exist) is left out rather than shown broken.
 */
public final class Markdown {
    /** What a body's media reference starts with. */
    public static final String MEDIA_SCHEME = "media:";
    private static final Parser PARSER = Parser.builder().build();
    /** Immutable and thread-safe once built: one for every body. */
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().nodeRendererFactory(PictureRenderer::new)
            .build();
    /**
     * The body {@link #mediaIds} parsed last on this thread, for {@link #toSafeHtml} to take instead of parsing it
     * again: a page asks for a body's media ids, then for its HTML.
     */
    private static final ThreadLocal<Parsed> LAST_PARSED = new ThreadLocal<>();
    /**
     * A media picture's srcset, as the sanitizer hands it over: its own srcset policy has already checked each URL's
     * protocol and joined the candidates with " , ".
     */
    private static final Pattern SRCSET = Pattern.compile(
            "(?:(?:https://[A-Za-z0-9.:-]+)?/media/[0-9A-Za-z]+/[0-9]+\\.(?:jpg|png) [0-9]+w(?: ?, (?=.)|$))+");
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
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

    /** Safe HTML for a Markdown body with no pictures from the media library (any reference is left out). */
    public static String toSafeHtml(String markdown) {
        return toSafeHtml(markdown, (id, alt) -> Optional.empty());
    }

    /**
     * Safe HTML for a Markdown body.
     *
     * @param pictures the picture for a media id and the alt text the body gives it, or empty when it is not ready
     */
    public static String toSafeHtml(String markdown, BiFunction<String, String, Optional<Picture>> pictures) {
        Node document = parse(markdown);
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
        return POLICY.sanitize(RENDERER.render(document));
    }

    /** The media ids a body refers to, in order, each once. */
    public static Set<String> mediaIds(String markdown) {
        Node document = PARSER.parse(markdown);
        Set<String> ids = new LinkedHashSet<>();
        mediaImages(document).forEach(i -> ids.add(i.getDestination().substring(MEDIA_SCHEME.length())));
        LAST_PARSED.set(new Parsed(markdown, document));
        return ids;
    }

    /** The document of {@code markdown}: the one {@link #mediaIds} just parsed (taken, as it gets changed), or new. */
    private static Node parse(String markdown) {
        Parsed last = LAST_PARSED.get();
        if (last != null) {
            LAST_PARSED.remove();
            if (last.markdown().equals(markdown)) {
                return last.document();
            }
        }
        return PARSER.parse(markdown);
    }

    private record Parsed(String markdown, Node document) {
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
