package se.newsroom.render.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleImage;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Categories;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Media;
import se.newsroom.content.MediaVariant;
import se.newsroom.content.Text;
import se.newsroom.render.plan.Page;
import se.newsroom.render.site.Views.ArticleContent;
import se.newsroom.render.site.Views.CategoryLink;
import se.newsroom.render.site.Views.Chrome;
import se.newsroom.render.site.Views.CommentThread;
import se.newsroom.render.site.Views.ListView;
import se.newsroom.render.site.Views.Picture;
import se.newsroom.render.site.Views.SocialImage;
import se.newsroom.render.site.Views.Teaser;

/** Renders one page of the site from the content; an empty result means the page should not exist. */
public final class SiteRenderer {
    public static final String HTML = "text/html; charset=utf-8";
    /**
     * How long the CDN keeps a page. Pages change when content does and render invalidates them then; this bounds
     * how stale a page can be when an invalidation is lost (CloudFront throttled or down), at the cost of one S3 read
     * per page and edge location every five minutes.
     */
    public static final int EDGE_SECONDS = 300;
    /** Browsers revalidate after a minute, the CDN after {@link #EDGE_SECONDS}. */
    public static final String PAGE_CACHE = "public, max-age=60, s-maxage=" + EDGE_SECONDS;
    public static final String ASSET_CACHE = "public, max-age=3600";
    static final int FRONT_PAGE_SIZE = 10;
    static final int FEED_SIZE = 20;
    /** Room for a typical page (an article with a comment thread is about 10,000 characters): no regrowing. */
    private static final int PAGE_CHARS = 16_384;
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);

    // Precompiled at build time by jte-maven-plugin: no compiler, no writable disk needed at run time.
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final SiteSettings site;
    private final Labels labels;
    private final SwedishDates dates;
    private final Pictures pictures;
    private final Pictures feedPictures;

    public SiteRenderer(SiteSettings site, Labels labels) {
        this.site = site;
        this.labels = labels;
        this.dates = new SwedishDates(site.zone());
        this.pictures = new Pictures(site, false);
        this.feedPictures = new Pictures(site, true);
    }

    /** The object for {@code page}, or empty when it should be deleted. */
    public Optional<RenderedObject> render(Page page, SiteContent content) {
        return switch (page) {
            case Page.Front p -> Optional.of(front(p, content));
            case Page.ArticlePage p -> article(p, content);
            case Page.Redirect p -> redirect(p, content);
            case Page.Month p -> month(p, content);
            case Page.Category p -> category(p, content);
            case Page.Feed p -> Optional.of(feed(p, content));
            case Page.SitemapYear p -> sitemapYear(p, content);
            case Page.SitemapIndex p -> Optional.of(sitemapIndex(p, content));
            case Page.NotFound p -> Optional.of(html(p, "notFound.jte", Map.of("chrome",
                    chrome(labels.get("notFound"), null, null))));
            case Page.Robots p -> Optional.of(new RenderedObject(p.key(), ("User-agent: *\nAllow: /\nSitemap: "
                    + site.absolute("/sitemap.xml") + "\n").getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=utf-8", PAGE_CACHE, Optional.empty()));
            case Page.Asset p -> Optional.of(asset(p));
        };
    }

    private RenderedObject front(Page.Front page, SiteContent content) {
        List<Article> latest = content.latest(FRONT_PAGE_SIZE);
        String older = latest.size() < FRONT_PAGE_SIZE ? null
                : new Page.Month(month(latest.getLast())).path();
        Map<String, Media> media = media(content, latest.stream().flatMap(a -> a.image().stream())
                .map(ArticleImage::mediaId).toList());
        List<Teaser> teasers = latest.stream().map(a -> teaser(a.title(), a.url(), a.publishedAt().orElseThrow(),
                a.summary(), thumbnail(a.image(), media))).toList();
        return html(page, "listing.jte", Map.of("chrome", chrome(site.name(), null, "/"),
                "view", new ListView(labels.get("latestNews"), teasers, older)));
    }

    private Optional<RenderedObject> article(Page.ArticlePage page, SiteContent content) {
        return content.article(page.articleId())
                .filter(a -> a.status() == ArticleStatus.PUBLISHED && a.slug().equals(page.slug()))
                .map(a -> articlePage(page, a, content, false));
    }

    /**
     * An editor's preview of {@code article} (as if published: status published, with the date it would get): its
     * page exactly as {@link #render} would write it, from the same templates and the same reads of {@code content}
     * ("Läs mer", approved comments), but marked as a preview and {@code noindex}. Nothing is written.
     */
    public String preview(Article article, SiteContent content) {
        if (article.status() != ArticleStatus.PUBLISHED || article.publishedAt().isEmpty()) {
            throw new IllegalArgumentException("A preview shows an article as published, with its date");
        }
        Page.ArticlePage page = new Page.ArticlePage(article.id(), article.slug());
        return new String(articlePage(page, article, content, true).body(), StandardCharsets.UTF_8);
    }

    private RenderedObject articlePage(Page.ArticlePage page, Article a, SiteContent content, boolean preview) {
        Instant published = a.publishedAt().orElseThrow();
        Optional<ArticleImage> featured = a.image();
        Set<String> ids = new LinkedHashSet<>();
        featured.ifPresent(i -> ids.add(i.mediaId()));
        ids.addAll(Markdown.mediaIds(a.body()));
        Map<String, Media> media = media(content, ids);
        Optional<Media> image = featured.map(i -> media.get(i.mediaId()));
        String alt = featured.filter(i -> !i.decorative()).map(ArticleImage::alt).orElse("");
        Picture picture = featured.flatMap(i -> pictures.figure(image, alt,
                i.caption().isEmpty() ? image.map(Media::caption).orElse("") : i.caption(),
                i.credit().isEmpty() ? image.map(Media::credit).orElse("") : i.credit(), false)).orElse(null);
        ArticleContent view = new ArticleContent(a.id(), a.title(), dates.date(published), dates.iso(published),
                a.author(), a.categories().stream().map(c -> new CategoryLink(c, Categories.path(c))).toList(),
                picture, Markdown.toSafeHtml(a.body(), bodyPictures(pictures, media)),
                teasers(content.published(a.related())), threads(content.approvedComments(a.id())), a.commentsOpen());
        SocialImage social = pictures.social(image, alt).orElse(null);
        return html(page, "article.jte", Map.of("chrome", chrome(a.title(), a.summary(), a.url(), preview, social),
                "view", view));
    }

    /** The pictures a body refers to: each media item's own caption and credit, the body's alt text or its own. */
    private static BiFunction<String, String, Optional<Picture>> bodyPictures(Pictures pictures,
                                                                             Map<String, Media> media) {
        return (id, alt) -> {
            Optional<Media> m = Optional.ofNullable(media.get(id));
            return pictures.figure(m, alt.isEmpty() ? m.map(Media::alt).orElse("") : alt,
                    m.map(Media::caption).orElse(""), m.map(Media::credit).orElse(""), true);
        };
    }

    /** The media items with these ids: none read when there are none. */
    private static Map<String, Media> media(SiteContent content, Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : content.media(Set.copyOf(ids));
    }

    private Optional<RenderedObject> redirect(Page.Redirect page, SiteContent content) {
        return content.article(page.articleId())
                .filter(a -> a.status() == ArticleStatus.PUBLISHED && !a.slug().equals(page.slug()))
                .map(a -> {
                    String target = a.url();
                    StringOutput out = new StringOutput();
                    templates.render("redirect.jte", Map.of("chrome", chrome(a.title(), null, null),
                            "target", site.absolute(target)), out);
                    return new RenderedObject(page.key(), utf8(out), HTML, PAGE_CACHE, Optional.of(target));
                });
    }

    /** A month's page; empty (so deleted) once its last article is unpublished or deleted. */
    private Optional<RenderedObject> month(Page.Month page, SiteContent content) {
        Instant from = page.month().atDay(1).atStartOfDay(site.zone()).toInstant();
        Instant to = page.month().plusMonths(1).atDay(1).atStartOfDay(site.zone()).toInstant();
        List<ListedArticle> articles = content.publishedBetweenWithImages(from, to);
        if (articles.isEmpty()) {
            return Optional.empty();
        }
        String heading = labels.get("archive") + ": " + dates.month(page.month());
        Map<String, Media> media = media(content, articles.stream().flatMap(a -> a.image().stream())
                .map(ArticleImage::mediaId).toList());
        List<Teaser> teasers = articles.stream().map(a -> teaser(a.title(), a.url(), a.publishedAt().orElseThrow(),
                a.summary(), thumbnail(a.image(), media))).toList();
        return Optional.of(html(page, "listing.jte", Map.of("chrome", chrome(heading, null, page.path()),
                "view", new ListView(heading, teasers, null))));
    }

    private Optional<RenderedObject> category(Page.Category page, SiteContent content) {
        List<CategoryEntry> entries = content.inCategory(page.slug());
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        String heading = labels.get("category") + ": " + entries.getFirst().category();
        Map<String, Media> media = media(content, entries.stream().flatMap(e -> e.image().stream())
                .map(ArticleImage::mediaId).toList());
        List<Teaser> teasers = entries.stream().map(e -> teaser(e.title(), e.url(), e.publishedAt(), e.summary(),
                thumbnail(e.image(), media))).toList();
        return Optional.of(html(page, "listing.jte", Map.of("chrome", chrome(heading, null, page.path()),
                "view", new ListView(heading, teasers, null))));
    }

    private RenderedObject feed(Page.Feed page, SiteContent content) {
        List<Article> latest = content.latest(FEED_SIZE);
        Set<String> ids = new LinkedHashSet<>();
        latest.forEach(a -> {
            a.image().ifPresent(i -> ids.add(i.mediaId()));
            ids.addAll(Markdown.mediaIds(a.body()));
        });
        Map<String, Media> media = media(content, ids);
        return xml(page, "application/rss+xml; charset=utf-8", w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
            w.writeNamespace("atom", "http://www.w3.org/2005/Atom");
            w.writeStartElement("channel");
            element(w, "title", site.name());
            element(w, "link", site.absolute("/"));
            element(w, "description", labels.get("latestNews") + " – " + site.name());
            element(w, "language", "sv-SE");
            latest.stream().map(Article::updatedAt).max(Instant::compareTo)
                    .ifPresent(t -> element(w, "lastBuildDate", rfc822(t)));
            w.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
            w.writeAttribute("href", site.absolute("/feed.xml"));
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            for (Article a : latest) {
                String url = site.absolute(a.url());
                w.writeStartElement("item");
                element(w, "title", a.title());
                element(w, "link", url);
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "false");
                w.writeCharacters(Text.printable(a.id()));
                w.writeEndElement();
                element(w, "pubDate", rfc822(a.publishedAt().orElseThrow()));
                for (String category : a.categories()) {
                    element(w, "category", category);
                }
                element(w, "description", a.summary());
                Optional<MediaVariant> enclosure = a.image().flatMap(i -> feedPictures.enclosure(
                        Optional.ofNullable(media.get(i.mediaId()))));
                if (enclosure.isPresent()) {
                    w.writeEmptyElement("enclosure");
                    w.writeAttribute("url", feedPictures.url(enclosure.get()));
                    w.writeAttribute("length", Long.toString(enclosure.get().bytes()));
                    w.writeAttribute("type", enclosure.get().contentType());
                }
                StringOutput body = new StringOutput();
                templates.render("feedItem.jte", Map.of("labels", labels, "bodyHtml",
                        Markdown.toSafeHtml(a.body(), bodyPictures(feedPictures, media)),
                        "title", a.title(), "url", url, "siteName", site.name(), "siteUrl", site.absolute("/")), body);
                w.writeStartElement("content", "encoded", "http://purl.org/rss/1.0/modules/content/");
                w.writeCData(Text.printable(body.toString()).replace("]]>", "]]]]><![CDATA[>"));
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private Optional<RenderedObject> sitemapYear(Page.SitemapYear page, SiteContent content) {
        Instant from = LocalDate.of(page.year(), 1, 1).atStartOfDay(site.zone()).toInstant();
        Instant to = LocalDate.of(page.year() + 1, 1, 1).atStartOfDay(site.zone()).toInstant();
        List<ListedArticle> articles = content.publishedBetween(from, to);
        if (articles.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(xml(page, "application/xml; charset=utf-8", w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
            for (ListedArticle a : articles) {
                w.writeStartElement("url");
                element(w, "loc", site.absolute(a.url()));
                element(w, "lastmod", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        a.updatedAt().atZone(ZoneOffset.UTC).withNano(0)));
                w.writeEndElement();
            }
            w.writeEndElement();
        }));
    }

    private RenderedObject sitemapIndex(Page.SitemapIndex page, SiteContent content) {
        return xml(page, "application/xml; charset=utf-8", w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
            for (int year : content.years()) {
                w.writeStartElement("sitemap");
                element(w, "loc", site.absolute(new Page.SitemapYear(year).path()));
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private RenderedObject asset(Page.Asset page) {
        try (InputStream in = SiteRenderer.class.getResourceAsStream("assets/" + page.name())) {
            if (in == null) {
                throw new IllegalArgumentException("No asset " + page.name());
            }
            String type = page.name().endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            return new RenderedObject(page.key(), in.readAllBytes(), type, ASSET_CACHE, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RenderedObject html(Page page, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(PAGE_CHARS);
        templates.render(template, params, out);
        return new RenderedObject(page.key(), utf8(out), HTML, PAGE_CACHE, Optional.empty());
    }

    /**
     * A rendered page's bytes, with any character HTML cannot carry (from a value stored before the API refused
     * them) replaced by U+FFFD: one bad value shows as such instead of breaking the page.
     */
    private static byte[] utf8(StringOutput out) {
        return Text.printable(out.toString()).getBytes(StandardCharsets.UTF_8);
    }

    private Chrome chrome(String title, String description, String path) {
        return chrome(title, description, path, false, null);
    }

    private Chrome chrome(String title, String description, String path, boolean preview, SocialImage social) {
        String full = title.equals(site.name()) ? title : title + " – " + site.name();
        return new Chrome(site.name(), full, description, path == null ? null : site.absolute(path), labels,
                preview, social);
    }

    private List<Teaser> teasers(List<ListedArticle> articles) {
        return articles.stream().map(a -> teaser(a.title(), a.url(), a.publishedAt().orElseThrow(), a.summary(),
                null)).toList();
    }

    /** @param thumbnail its small picture, or null */
    private Teaser teaser(String title, String url, Instant published, String summary, Picture thumbnail) {
        return new Teaser(title, url, dates.date(published), dates.iso(published), summary, thumbnail);
    }

    /** A list's small picture of an article's featured image; null when it has none or it is not ready. */
    private Picture thumbnail(Optional<ArticleImage> image, Map<String, Media> media) {
        return image.flatMap(i -> pictures.thumbnail(Optional.ofNullable(media.get(i.mediaId())))).orElse(null);
    }

    /** Approved comments as threads: replies under their parents, oldest first at each level. */
    private List<CommentThread> threads(List<Comment> comments) {
        Map<String, List<Comment>> children = new LinkedHashMap<>();
        List<Comment> roots = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        comments.forEach(c -> ids.add(c.id()));
        for (Comment c : comments) {
            // A reply whose parent is not shown (not approved, erased) is shown at the top level.
            if (c.parentId().filter(ids::contains).isPresent()) {
                children.computeIfAbsent(c.parentId().get(), k -> new ArrayList<>()).add(c);
            } else {
                roots.add(c);
            }
        }
        return roots.stream().map(c -> thread(c, children)).toList();
    }

    private CommentThread thread(Comment c, Map<String, List<Comment>> children) {
        return new CommentThread(c.id(), c.author(), dates.dateTime(c.createdAt()), dates.iso(c.createdAt()),
                CommentText.paragraphs(c.body()),
                children.getOrDefault(c.id(), List.of()).stream().map(r -> thread(r, children)).toList());
    }

    private YearMonth month(Article a) {
        return YearMonth.from(a.publishedAt().orElseThrow().atZone(site.zone()));
    }

    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static RenderedObject xml(Page page, String type, XmlBody body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing " + page.key(), e);
        }
        return new RenderedObject(page.key(), bytes.toByteArray(), type, PAGE_CACHE, Optional.empty());
    }

    private static void element(XMLStreamWriter w, String name, String text) {
        if (text == null) {
            return;
        }
        try {
            w.writeStartElement(name);
            // The XML writer refuses what XML cannot carry; a stored value with such a character must not stop the
            // feed (and with it every later publication), so it is written with U+FFFD in its place.
            w.writeCharacters(Text.printable(text));
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An RFC 822 date, which has four-digit years: a date an older version stored beyond year 9999 is given as the
     * last instant that has one, rather than failing the feed for every article in it.
     */
    private static String rfc822(Instant instant) {
        Instant last = Instant.parse("9999-12-31T23:59:59Z");
        return RFC_822.format((instant.isAfter(last) ? last : instant).atZone(ZoneOffset.UTC));
    }
}
