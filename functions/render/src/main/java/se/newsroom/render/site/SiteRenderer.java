package se.newsroom.render.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
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
import se.newsroom.content.PrivacyNotice;
import se.newsroom.content.Text;
import se.newsroom.content.Timestamps;
import se.newsroom.render.plan.Page;
import se.newsroom.render.plan.Periods;
import se.newsroom.render.site.Views.ArticleContent;
import se.newsroom.render.site.Views.CategoryLink;
import se.newsroom.render.site.Views.Chrome;
import se.newsroom.render.site.Views.CommentThread;
import se.newsroom.render.site.Views.CorrectionNote;
import se.newsroom.render.site.Views.Crumb;
import se.newsroom.render.site.Views.FeedLink;
import se.newsroom.render.site.Views.Head;
import se.newsroom.render.site.Views.ListView;
import se.newsroom.render.site.Views.NavLink;
import se.newsroom.render.site.Views.Navigation;
import se.newsroom.render.site.Views.NeighbourLink;
import se.newsroom.render.site.Views.Picture;
import se.newsroom.render.site.Views.PrivacyView;
import se.newsroom.render.site.Views.SearchView;
import se.newsroom.render.site.Views.SocialImage;
import se.newsroom.render.site.Views.Teaser;
import se.newsroom.render.site.Views.Updated;

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
    private final StructuredData data;
    private final Periods periods;
    private final SearchIndex searchIndex;

    public SiteRenderer(SiteSettings site, Labels labels) {
        this.site = site;
        this.labels = labels;
        this.dates = new SwedishDates(site.zone());
        this.pictures = new Pictures(site, false);
        this.feedPictures = new Pictures(site, true);
        this.data = new StructuredData(site);
        this.periods = new Periods(site.zone());
        this.searchIndex = new SearchIndex(dates);
    }

    /** The object for {@code page}, or empty when it should be deleted. */
    public Optional<RenderedObject> render(Page page, SiteContent content) {
        return switch (page) {
            case Page.Front p -> Optional.of(front(p, content));
            case Page.ArticlePage p -> article(p, content);
            case Page.Redirect p -> redirect(p, content);
            case Page.LegacyRedirect p -> legacyRedirect(p, content);
            case Page.Month p -> month(p, content);
            case Page.Category p -> category(p, content);
            case Page.Feed p -> Optional.of(feed(p, content));
            case Page.SitemapYear p -> sitemapYear(p, content);
            case Page.SitemapIndex p -> Optional.of(sitemapIndex(p, content));
            case Page.NotFound p -> Optional.of(html(p, "notFound.jte", Map.of("chrome",
                    chrome(labels.get("notFound"), null, null).withNoindex())));
            case Page.Robots p -> Optional.of(new RenderedObject(p.key(), ("User-agent: *\nAllow: /\nSitemap: "
                    + site.absolute("/sitemap.xml") + "\n").getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=utf-8", PAGE_CACHE, Optional.empty()));
            case Page.Asset p -> Optional.of(asset(p));
            case Page.CategoryFeed p -> categoryFeed(p, content);
            case Page.CategoryYear p -> categoryYear(p, content);
            case Page.ArchiveIndex p -> Optional.of(archiveIndex(p, content));
            case Page.Search p -> Optional.of(html(p, "search.jte", Map.of("chrome",
                    chrome(labels.get("search"), labels.get("searchDescription"), p.path()).withNoindex(),
                    "view", new SearchView(new Page.SearchManifest().path(), site.mainCategories().stream()
                            .map(c -> new CategoryLink(c, Categories.path(c))).toList()))));
            case Page.SearchManifest p -> Optional.of(json(p, searchIndex.manifest(content.months().reversed())));
            case Page.SearchShard p -> searchShard(p, content);
            case Page.PrivacyNotice p -> Optional.of(privacyNotice(p, content));
            case Page.SitemapPages p -> Optional.of(sitemapPages(p, content));
        };
    }

    private RenderedObject front(Page.Front page, SiteContent content) {
        List<Article> latest = content.latest(FRONT_PAGE_SIZE);
        String older = latest.size() < FRONT_PAGE_SIZE ? null : olderThanFront(latest.getLast(), content);
        Map<String, Media> media = media(content, latest.stream().flatMap(a -> a.image().stream())
                .map(ArticleImage::mediaId).toList());
        List<Teaser> teasers = latest.stream().map(a -> teaser(a.title(), a.url(), a.publishedAt().orElseThrow(),
                a.summary(), thumbnail(a.image(), media))).toList();
        return html(page, "listing.jte", Map.of("chrome", chrome(site.name(),
                        labels.format("descriptionFront", site.name()), "/"),
                "view", new ListView(labels.get("latestNews"), teasers,
                        older == null ? null : new Views.Pager(null, older, null, false))));
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
        // Modified no earlier than published: a scheduled article was last saved before it went out.
        Instant modified = a.updatedAt().isAfter(published) ? a.updatedAt() : published;
        ArticleContent view = new ArticleContent(a.id(), a.title(), dates.date(published), dates.iso(published),
                a.author(), a.categories().stream().map(c -> new CategoryLink(c, Categories.path(c))).toList(),
                picture, Markdown.toSafeHtml(a.body(), bodyPictures(pictures, media), site.absolute("")),
                teasers(content.published(a.related())), threads(content.approvedComments(a.id())), a.commentsOpen(),
                updated(published, modified),
                content.publishedBefore(published, a.id()).map(o -> new NeighbourLink(o.title(), o.url()))
                        .orElse(null),
                content.publishedAfter(published, a.id()).map(n -> new NeighbourLink(n.title(), n.url()))
                        .orElse(null),
                corrections(a));
        SocialImage social = pictures.social(image, alt).orElse(null);
        List<Crumb> crumbs = new ArrayList<>(List.of(new Crumb(labels.get("home"), "/")));
        a.categories().stream().findFirst().ifPresent(c -> crumbs.add(new Crumb(c, Categories.path(c))));
        crumbs.add(new Crumb(a.title(), null));
        String url = site.absolute(a.url());
        String publishedIso = dates.iso(published);
        String modifiedIso = dates.iso(modified);
        String json = data.script(data.newsArticle(a.title(), a.summary(), url, publishedIso, modifiedIso,
                a.author(), a.categories(), social), data.breadcrumbs(crumbs, url));
        // The article's section in the navigation: the first of its categories that the navigation lists.
        String section = a.categories().stream().map(Categories::path)
                .filter(p -> site.mainCategories().stream().map(Categories::path).anyMatch(p::equals))
                .findFirst().orElse(null);
        Head head = new Head("article", publishedIso, modifiedIso, json, false, null);
        return html(page, "article.jte", Map.of("chrome", chrome(a.title(), a.summary(), a.url(), preview, social,
                head, section, crumbs), "view", view));
    }

    /**
     * "Uppdaterad <date>" when the article was changed on a later day (in the site's zone) than it was published: a
     * correction the same day is part of the news as published, a change days later is news to a returning reader.
     */
    private Updated updated(Instant published, Instant modified) {
        boolean laterDay = modified.atZone(site.zone()).toLocalDate()
                .isAfter(published.atZone(site.zone()).toLocalDate());
        return laterDay ? new Updated(dates.date(modified), dates.iso(modified)) : null;
    }

    /** An article's public corrections as its page shows them: newest first, each with its Swedish date. */
    private List<CorrectionNote> corrections(Article a) {
        return a.corrections().reversed().stream()
                .map(c -> new CorrectionNote(dates.date(c.at()), dates.iso(c.at()), c.note())).toList();
    }

    /**
     * A feed item's description: the summary, then a line "Rättelse 4 december 2019: <note>" for each correction,
     * newest first, so that a feed reader that already showed the item sees what changed.
     */
    private String feedDescription(Article a) {
        StringBuilder text = new StringBuilder(a.summary());
        for (CorrectionNote c : corrections(a)) {
            text.append(text.isEmpty() ? "" : "\n").append(labels.get("correction")).append(' ').append(c.date())
                    .append(": ").append(c.note());
        }
        return text.toString();
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
                .map(a -> redirectObject(page.key(), a));
    }

    /**
     * The object an old site's address leaves: the same redirect as an old slug's, while the article is on the site
     * and still has the address; empty (so deleted) otherwise.
     */
    private Optional<RenderedObject> legacyRedirect(Page.LegacyRedirect page, SiteContent content) {
        return content.article(page.articleId())
                .filter(a -> a.status() == ArticleStatus.PUBLISHED && a.legacyPaths().contains(page.legacyPath()))
                .map(a -> redirectObject(page.key(), a).withMetadata(RenderedObject.LEGACY_REDIRECT));
    }

    private RenderedObject redirectObject(String key, Article a) {
        String target = a.url();
        StringOutput out = new StringOutput();
        templates.render("redirect.jte", Map.of("chrome", chrome(a.title(), null, null),
                "target", site.absolute(target)), out);
        return new RenderedObject(key, utf8(out), HTML, PAGE_CACHE, Optional.of(target));
    }

    /**
     * A page of a month's archive; empty (so deleted) beyond the month's last page, and once its last article is
     * unpublished or deleted.
     */
    private Optional<RenderedObject> month(Page.Month page, SiteContent content) {
        List<ListedArticle> all = periods.articles(page.month(), content);
        int count = Periods.pageCount(all.size());
        if (page.number() > count) {
            return Optional.empty();
        }
        List<ListedArticle> articles = content.withImages(Periods.slice(all, page.number()));
        String heading = labels.get("archive") + ": " + dates.month(page.month());
        Map<String, Media> media = media(content, articles.stream().flatMap(a -> a.image().stream())
                .map(ArticleImage::mediaId).toList());
        List<Teaser> teasers = articles.stream().map(a -> teaser(a.title(), a.url(), a.publishedAt().orElseThrow(),
                a.summary(), thumbnail(a.image(), media))).toList();
        String newer = page.number() > 1 ? new Page.Month(page.month(), page.number() - 1).path()
                : periods.newerThan(page.month(), content).path();
        String older = page.number() < count ? new Page.Month(page.month(), page.number() + 1).path()
                : periods.olderThan(page.month(), content).map(Page::path).orElse(null);
        List<Crumb> crumbs = List.of(new Crumb(labels.get("home"), "/"), new Crumb(labels.get("archive"), "/arkiv/"),
                new Crumb(dates.month(page.month()), null));
        return Optional.of(periodPage(page, heading, teasers, newer, older, count,
                labels.format("descriptionMonth", site.name(), dates.month(page.month())), crumbs,
                Head.WEBSITE.withJsonLd(data.script(data.breadcrumbs(crumbs, site.absolute(page.path()))))));
    }

    /** A category's head page: its newest articles, and a link on to the year page holding the next older one. */
    private Optional<RenderedObject> category(Page.Category page, SiteContent content) {
        List<CategoryEntry> latest = content.latestInCategory(page.slug(), CATEGORY_PAGE_SIZE + 1);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        List<CategoryEntry> entries = latest.subList(0, Math.min(CATEGORY_PAGE_SIZE, latest.size()));
        String heading = labels.get("category") + ": " + entries.getFirst().category();
        Map<String, Media> media = media(content, entries.stream().flatMap(e -> e.image().stream())
                .map(ArticleImage::mediaId).toList());
        List<Teaser> teasers = entries.stream().map(e -> teaser(e.title(), e.url(), e.publishedAt(), e.summary(),
                thumbnail(e.image(), media))).toList();
        Views.Pager pager = null;
        if (latest.size() > CATEGORY_PAGE_SIZE) {
            CategoryEntry next = latest.getLast();
            int year = periods.year(next.publishedAt());
            List<CategoryEntry> period = periods.entries(page.slug(), year, content);
            int index = indexOf(period, e -> order(e.publishedAt(), e.articleId()),
                    order(next.publishedAt(), next.articleId()));
            pager = new Views.Pager(null, new Page.CategoryYear(page.slug(), year, Periods.pageOf(index)).path(),
                    null, false);
        }
        String name = entries.getFirst().category();
        List<Crumb> crumbs = List.of(new Crumb(labels.get("home"), "/"), new Crumb(name, null));
        return Optional.of(html(page, "listing.jte", Map.of("chrome", chrome(heading,
                        labels.format("descriptionCategory", site.name(), name), page.path(), false, null,
                        categoryHead(page.slug(), name, crumbs, page.path()), null, crumbs),
                "view", new ListView(heading, teasers, pager))));
    }

    private RenderedObject feed(Page.Feed page, SiteContent content) {
        return feed(page, content, content.latest(FEED_SIZE), site.name(), "/",
                labels.get("latestNews") + " – " + site.name());
    }

    /**
     * A category's own feed: its newest {@link #FEED_SIZE} articles with their bodies, as the site's feed; empty
     * (so deleted) once the category has none.
     */
    private Optional<RenderedObject> categoryFeed(Page.CategoryFeed page, SiteContent content) {
        List<Article> latest = content.latestArticlesInCategory(page.slug(), FEED_SIZE);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        // The category's name as the newest article spells it, as the category's page heads itself.
        String name = latest.getFirst().categories().stream().filter(c -> Categories.slug(c).equals(page.slug()))
                .findFirst().orElse(page.slug());
        String title = labels.format("categoryFeed", site.name(), name);
        return Optional.of(feed(page, content, latest, title, Categories.pathOf(page.slug()),
                labels.get("latestNews") + ": " + name + " – " + site.name()));
    }

    /**
     * An RSS 2.0 feed of these articles with their bodies.
     *
     * @param path the site path of the page the feed is of
     */
    private RenderedObject feed(Page page, SiteContent content, List<Article> latest, String title, String path,
                                String description) {
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
            element(w, "title", title);
            element(w, "link", site.absolute(path));
            element(w, "description", description);
            element(w, "language", "sv-SE");
            latest.stream().map(Article::updatedAt).max(Instant::compareTo)
                    .ifPresent(t -> element(w, "lastBuildDate", rfc822(t)));
            w.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
            w.writeAttribute("href", site.absolute(page.path()));
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
                element(w, "description", feedDescription(a));
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
                        Markdown.toSafeHtml(a.body(), bodyPictures(feedPictures, media), site.absolute("")),
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
            w.writeStartElement("sitemap");
            element(w, "loc", site.absolute(new Page.SitemapPages().path()));
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** {@code /integritet/}: the notice an administrator saved, or the bundled default naming the site's contact. */
    private RenderedObject privacyNotice(Page.PrivacyNotice page, SiteContent content) {
        PrivacyNotice notice = content.privacyNotice()
                .orElseGet(() -> PrivacyNotice.defaultNotice(site.privacyContact()));
        Updated updated = notice.updatedAt().map(t -> new Updated(dates.date(t), dates.iso(t))).orElse(null);
        return html(page, "privacy.jte", Map.of("chrome", chrome(labels.get("privacyTitle"),
                        labels.format("privacyDescription", site.name()), page.path(), false, null, Head.WEBSITE,
                        null, List.of(new Crumb(labels.get("home"), "/"), new Crumb(labels.get("privacyTitle"), null))),
                "view", new PrivacyView(Markdown.toSafeHtml(notice.markdown()), updated)));
    }

    /** The sitemap's part for the pages that are no article: the privacy notice, with when it was last saved. */
    private RenderedObject sitemapPages(Page.SitemapPages page, SiteContent content) {
        Optional<Instant> saved = content.privacyNotice().flatMap(PrivacyNotice::updatedAt);
        return xml(page, "application/xml; charset=utf-8", w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
            w.writeStartElement("url");
            element(w, "loc", site.absolute(new Page.PrivacyNotice().path()));
            if (saved.isPresent()) {
                element(w, "lastmod", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        saved.get().atZone(ZoneOffset.UTC).withNano(0)));
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** A month's shard of the search index; empty (so deleted) once the month has no published article. */
    private Optional<RenderedObject> searchShard(Page.SearchShard page, SiteContent content) {
        Instant from = page.month().atDay(1).atStartOfDay(site.zone()).toInstant();
        Instant to = page.month().plusMonths(1).atDay(1).atStartOfDay(site.zone()).toInstant();
        List<Article> articles = content.publishedArticlesBetween(from, to);
        return articles.isEmpty() ? Optional.empty()
                : Optional.of(json(page, searchIndex.shard(page.month(), articles)));
    }

    /** JSON for the search script; CloudFront compresses it on the way (gzip or Brotli). */
    private static RenderedObject json(Page page, byte[] body) {
        return new RenderedObject(page.key(), body, "application/json", PAGE_CACHE, Optional.empty());
    }

    private RenderedObject asset(Page.Asset page) {
        try (InputStream in = SiteRenderer.class.getResourceAsStream("assets/" + page.name())) {
            if (in == null) {
                throw new IllegalArgumentException("No asset " + page.name());
            }
            String type = page.name().endsWith(".css") ? "text/css; charset=utf-8"
                    : page.name().endsWith(".png") ? "image/png" : "text/javascript; charset=utf-8";
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
        return chrome(title, description, path, preview, social, Head.WEBSITE, null, List.of());
    }

    /**
     * A page's frame.
     *
     * @param path    its site path, or null for a page with no address of its own (the 404)
     * @param section the path of the navigation link whose section it is in, beyond what its path tells, or null
     * @param crumbs  its breadcrumbs, ending with itself; empty for none
     */
    private Chrome chrome(String title, String description, String path, boolean preview, SocialImage social,
                          Head head, String section, List<Crumb> crumbs) {
        String full = title.equals(site.name()) ? title : title + " – " + site.name();
        return new Chrome(site.name(), full, description, path == null ? null : site.absolute(path), labels,
                preview, social, head, new Navigation(navigation(path, section), crumbs,
                "/".equals(path)));
    }

    /**
     * The navigation: the main categories, search and the archive, each marked {@code page} on its own page and
     * {@code true} on a page of its section (an article of the category, a month of the archive).
     */
    private List<NavLink> navigation(String path, String section) {
        List<NavLink> links = new ArrayList<>();
        site.mainCategories().forEach(name -> links.add(navLink(name, Categories.path(name), path, section)));
        links.add(navLink(labels.get("search"), "/sok/", path, section));
        links.add(navLink(labels.get("archive"), "/arkiv/", path, section));
        return links;
    }

    private static NavLink navLink(String name, String url, String path, String section) {
        String current = url.equals(path) ? "page"
                : url.equals(section) || (path != null && path.startsWith(url)) ? "true" : null;
        return new NavLink(name, url, current);
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
                children.getOrDefault(c.id(), List.of()).stream().map(r -> thread(r, children)).toList(), c.staff());
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

    /** The articles a category's own page lists; older ones are on its year pages. */
    static final int CATEGORY_PAGE_SIZE = 20;

    /** A page of a category's year; empty beyond the year's last page. */
    private Optional<RenderedObject> categoryYear(Page.CategoryYear page, SiteContent content) {
        List<CategoryEntry> all = periods.entries(page.slug(), page.year(), content);
        int count = Periods.pageCount(all.size());
        if (page.number() > count) {
            return Optional.empty();
        }
        List<CategoryEntry> entries = Periods.slice(all, page.number());
        String heading = labels.get("category") + ": " + entries.getFirst().category() + ", " + page.year();
        Map<String, Media> media = media(content, entries.stream().flatMap(e -> e.image().stream())
                .map(ArticleImage::mediaId).toList());
        List<Teaser> teasers = entries.stream().map(e -> teaser(e.title(), e.url(), e.publishedAt(), e.summary(),
                thumbnail(e.image(), media))).toList();
        String newer = page.number() > 1 ? new Page.CategoryYear(page.slug(), page.year(), page.number() - 1).path()
                : periods.newerThan(page.slug(), page.year(), content).path();
        String older = page.number() < count
                ? new Page.CategoryYear(page.slug(), page.year(), page.number() + 1).path()
                : periods.olderThan(page.slug(), page.year(), content).map(Page::path).orElse(null);
        String name = entries.getFirst().category();
        List<Crumb> crumbs = List.of(new Crumb(labels.get("home"), "/"),
                new Crumb(name, Categories.pathOf(page.slug())), new Crumb(Integer.toString(page.year()), null));
        return Optional.of(periodPage(page, heading, teasers, newer, older, count,
                labels.format("descriptionCategoryYear", site.name(), name, page.year()), crumbs,
                categoryHead(page.slug(), name, crumbs, page.path())));
    }

    /**
     * A page of a period's list with its pager: "Sida K av P" in the title too (each page's title is its own), and
     * from page 2 on {@code noindex, follow}: those pages only repeat, in a changing order, teasers of articles that
     * are indexed from their own pages and the sitemap, while page 1 of each period is the stable landing page
     * (canonical to itself, as every page is: pointing page 2 at page 1 would hide its links).
     */
    private RenderedObject periodPage(Page page, String heading, List<Teaser> teasers, String newer, String older,
                                      int count, String description, List<Crumb> crumbs, Head head) {
        int number = switch (page) {
            case Page.Month m -> m.number();
            case Page.CategoryYear c -> c.number();
            default -> 1;
        };
        String position = MessageFormat.format(labels.get("pageOf"), Integer.toString(number),
                Integer.toString(count));
        String title = count > 1 ? heading + " – " + position.toLowerCase(Locale.ROOT) : heading;
        return html(page, "listing.jte", Map.of("chrome", chrome(title, description, page.path(), false, null, head,
                        null, crumbs),
                "view", new ListView(heading, teasers, new Views.Pager(newer, older, position, number > 1))));
    }

    /**
     * Where the front page's "Äldre nyheter" leads: the month page holding the first article it does not show, the
     * one after {@code last} (its last) in publication order, which is in {@code last}'s month or the month before.
     */
    private String olderThanFront(Article last, SiteContent content) {
        YearMonth month = month(last);
        List<ListedArticle> period = periods.articles(month, content);
        int index = indexOf(period, a -> order(a.publishedAt().orElseThrow(), a.id()),
                order(last.publishedAt().orElseThrow(), last.id()));
        int next = index < period.size() && order(period.get(index).publishedAt().orElseThrow(),
                period.get(index).id()).equals(order(last.publishedAt().orElseThrow(), last.id())) ? index + 1 : index;
        if (next < period.size()) {
            return new Page.Month(month, Periods.pageOf(next)).path();
        }
        return periods.olderThan(month, content).map(Page::path).orElse(null);
    }

    /** A list's sort key, newest first: publication time, then id (as the tables sort "publishedAt#id"). */
    private static String order(Instant publishedAt, String id) {
        return Timestamps.formatAsEverWritten(publishedAt) + "#" + id;
    }

    /** The index of the first item of a newest-first list whose key is not newer than {@code key}. */
    private static <T> int indexOf(List<T> newestFirst, Function<T, String> keyOf, String key) {
        for (int i = 0; i < newestFirst.size(); i++) {
            if (keyOf.apply(newestFirst.get(i)).compareTo(key) <= 0) {
                return i;
            }
        }
        return newestFirst.size();
    }

    /** The archive index: years newest first, each with its months (newest first) and how many articles each has. */
    private RenderedObject archiveIndex(Page.ArchiveIndex page, SiteContent content) {
        Map<Integer, List<Views.ArchiveMonth>> years = new TreeMap<>(Comparator.reverseOrder());
        content.monthCounts().entrySet().stream()
                .sorted(Map.Entry.<YearMonth, Integer>comparingByKey().reversed())
                .forEach(e -> years.computeIfAbsent(e.getKey().getYear(), y -> new ArrayList<>()).add(
                        new Views.ArchiveMonth(dates.month(e.getKey()), new Page.Month(e.getKey()).path(),
                                e.getValue() == 1 ? labels.get("articleCount") : MessageFormat.format(
                                        labels.get("articlesCount"), Integer.toString(e.getValue())))));
        List<Views.ArchiveYear> view = years.entrySet().stream()
                .map(e -> new Views.ArchiveYear(e.getKey(), e.getValue())).toList();
        String heading = labels.get("archiveIndex");
        List<Crumb> crumbs = List.of(new Crumb(labels.get("home"), "/"), new Crumb(labels.get("archive"), null));
        Head head = Head.WEBSITE.withJsonLd(data.script(data.breadcrumbs(crumbs, site.absolute(page.path()))));
        return html(page, "archive.jte", Map.of("chrome", chrome(heading,
                        labels.format("descriptionArchive", site.name()), page.path(), false, null, head, null, crumbs),
                "view", new Views.ArchiveView(heading, view)));
    }

    /** A category page's head: its breadcrumbs as JSON-LD, and its own feed for autodiscovery. */
    private Head categoryHead(String slug, String name, List<Crumb> crumbs, String path) {
        return Head.WEBSITE.withJsonLd(data.script(data.breadcrumbs(crumbs, site.absolute(path))))
                .withCategoryFeed(new FeedLink(labels.format("categoryFeed", site.name(), name),
                        new Page.CategoryFeed(slug).path()));
    }
}
