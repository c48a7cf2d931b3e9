package se.newsroom.importer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleInput;
import se.newsroom.content.ArticleRules;
import se.newsroom.content.ArticleRules.CheckedArticle;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Categories;
import se.newsroom.content.Text;
import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;
import se.newsroom.importer.ImportReport.Line;
import se.newsroom.importer.markdown.Converted;
import se.newsroom.importer.markdown.ImageResolver;
import se.newsroom.importer.wxr.WxrAuthor;
import se.newsroom.importer.wxr.WxrItem;
import se.newsroom.importer.wxr.WxrItemTerm;

/**
 * A WordPress post as an article here: title, summary (the excerpt as plain text), the body as Markdown (links to
 * other posts re-pointed to their new addresses, pictures brought across), categories and then tags as categories,
 * the author's display name, the dates and status, the settled slug and the old addresses. Whatever does not fit the
 * site's rules is fixed without loss where that is obvious (a missing title, an 11th category) and reported, or the
 * post fails with the reason: never half-written.
 */
final class PostConversion {
    /** The title of a post WordPress kept without one. */
    static final String NO_TITLE = "(utan rubrik)";
    /** WordPress's default category, which says nothing about a post. */
    private static final Set<String> DEFAULT_CATEGORIES = Set.of("uncategorized", "okategoriserade",
            "okategoriserat");

    /** The HTML converter: {@link se.newsroom.importer.markdown.WordPressHtml#convert} (a seam for tests). */
    @FunctionalInterface
    interface Converter {
        Converted convert(String html, ImageResolver images, UnaryOperator<String> links);
    }

    /** A post that cannot come across, with why (in Swedish). */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final SiteIndex index;
    private final Converter converter;
    private final UploadedPictures pictures;
    private final Clock clock;
    private final Map<String, String> authors = new HashMap<>();
    /** The WordPress term slugs already reported as not leading to their category here. */
    private final Set<String> slugsReported = ConcurrentHashMap.newKeySet();

    PostConversion(SiteIndex index, Converter converter, UploadedPictures pictures, Clock clock) {
        this.index = index;
        this.converter = converter;
        this.pictures = pictures;
        this.clock = clock;
        for (WxrAuthor a : index.site().authors()) {
            String name = Optional.ofNullable(a.displayName()).map(String::strip).filter(n -> !n.isEmpty())
                    .orElse(a.login());
            authors.put(a.login(), name);
        }
    }

    /**
     * The article for {@code item} under {@code id}, reporting what it changed or could not carry.
     *
     * @throws Refused when it breaks a rule of the site's that has no loss-free fix
     */
    Article convert(WxrItem item, String id, ImportReport report) {
        SiteIndex.Planned plan = index.planned(item.postId()).orElseThrow();
        String title = plain(item.title());
        if (!Text.hasVisible(title)) {
            title = NO_TITLE;
            report.renamed(line(item, "Inlägget har ingen rubrik i WordPress; här heter det \"" + NO_TITLE + "\"."));
        }
        if (!plan.named()) {
            report.renamed(line(item, "Inlägget hade ingen adress (wp:post_name); det fick \"" + plan.slug()
                    + "\" av rubriken."));
        } else if (!plan.slug().equals(plan.wanted())) {
            report.renamed(line(item, "Adressen \"" + plan.wanted() + "\" används redan av ett tidigare inlägg i "
                    + "exporten (eller är reserverad); det här fick \"" + plan.slug() + "\", som WordPress gör."));
        }
        Map<String, String> problems = new ConcurrentHashMap<>();
        ImageResolver images = (src, alt) -> {
            UploadedPictures.Found found = pictures.bySource(src, alt);
            found.mediaId().ifPresentOrElse(m -> { }, () -> problems.put(src, found.problem()));
            return found.mediaId().map(m -> "media:" + m);
        };
        Converted body;
        try {
            body = converter.convert(Optional.ofNullable(item.content()).orElse(""), images, index::relink);
        } catch (RuntimeException e) {
            throw new Refused("Innehållet gick inte att omvandla: " + e.getMessage());
        }
        body.unmapped().forEach(u -> report.unmapped(line(item, u)));
        body.missingImages().forEach(src -> report.missingImage(line(item, src + ": "
                + problems.getOrDefault(src, "kunde inte tas med"))));
        ArticleInput.ImageInput featured = featured(item, report);
        ArticleInput input = new ArticleInput(title, plain(item.excerpt()), body.markdown(),
                categories(item, report), List.of(), ArticleStatus.DRAFT.wireName(), null, null,
                author(item), "open".equals(item.commentStatus()), null, featured);
        CheckedArticle checked;
        try {
            checked = ArticleRules.check(input, clock.instant(), Optional.empty());
        } catch (InvalidInputException e) {
            List<String> faults = e.errors().stream().map(PostConversion::fault).toList();
            throw new Refused("Inlägget bryter mot webbplatsens regler: " + String.join("; ", faults) + ".");
        }
        Instant date = WordPressIds.date(item.postDateGmt(), item.postDate());
        ArticleStatus status = PostKinds.status(item);
        List<String> paths = OldAddresses.of(SiteIndex.rawPath(item.link()), item.postId(),
                plan.named() && plan.slug().equals(plan.wanted()) ? plan.wanted() : "",
                (path, why) -> report.unmapped(line(item, "Den gamla adressen " + path + " blir ingen "
                        + "omdirigering: " + why + ".")));
        return Article.builder().id(id).slug(plan.slug()).title(checked.title()).summary(checked.summary())
                .body(checked.body()).categories(checked.categories()).status(status)
                .publishAt(status == ArticleStatus.SCHEDULED ? Optional.of(date) : Optional.empty())
                .publishedAt(status == ArticleStatus.PUBLISHED ? Optional.of(date) : Optional.empty())
                .createdAndUpdatedAt(date).author(checked.author().orElse("Redaktionen"))
                .commentsOpen(checked.commentsOpen()).image(checked.image()).legacyPaths(paths).build();
    }

    /**
     * The post's categories, then its tags, without WordPress's default one, each once (ignoring case). A term whose
     * WordPress slug is not the one its name gets here is reported once: its old {@code /category/…/} or
     * {@code /tag/…/} address leads by rule to {@code /kategori/<its WordPress slug>/}, which does not exist.
     */
    private List<String> categories(WxrItem item, ImportReport report) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String domain : List.of("category", "post_tag")) {
            for (WxrItemTerm term : item.terms()) {
                if (!domain.equals(term.domain())) {
                    continue;
                }
                String name = plain(term.name());
                if (name.isEmpty() || DEFAULT_CATEGORIES.contains(term.nicename().toLowerCase(Locale.ROOT))
                        || DEFAULT_CATEGORIES.contains(name.toLowerCase(Locale.ROOT))
                        || !seen.add(name.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String kind = domain.equals("category") ? "Kategorin" : "Taggen";
                if (name.codePointCount(0, name.length()) > ArticleRules.MAX_CATEGORY) {
                    report.unmapped(line(item, kind + " \"" + name + "\" kom inte med: en kategori har högst "
                            + ArticleRules.MAX_CATEGORY + " tecken här."));
                } else if (names.size() == ArticleRules.MAX_CATEGORIES) {
                    report.unmapped(line(item, kind + " \"" + name + "\" kom inte med: en nyhet har högst "
                            + ArticleRules.MAX_CATEGORIES + " kategorier här (kategorierna först, sedan taggarna)."));
                } else {
                    names.add(name);
                    String oldSlug = term.nicename().toLowerCase(Locale.ROOT);
                    if (!oldSlug.isEmpty() && !oldSlug.equals(Categories.slug(name)) && slugsReported.add(oldSlug)) {
                        String prefix = domain.equals("category") ? "/category/" : "/tag/";
                        report.unmapped(line(item, kind + " \"" + name + "\" hade adressen " + prefix + oldSlug
                                + "/ i WordPress men heter " + Categories.path(name) + " här: den gamla länken leder"
                                + " inte rätt."));
                    }
                }
            }
        }
        return names;
    }

    /** The featured image ({@code _thumbnail_id}), when its picture comes across. */
    private ArticleInput.ImageInput featured(WxrItem item, ImportReport report) {
        String thumbnail = item.meta().getOrDefault("_thumbnail_id", "").strip();
        if (thumbnail.isEmpty()) {
            return null;
        }
        Optional<SiteIndex.Attachment> attachment;
        try {
            attachment = index.attachment(Long.parseLong(thumbnail));
        } catch (NumberFormatException e) {
            attachment = Optional.empty();
        }
        if (attachment.isEmpty()) {
            report.missingImage(line(item, "Utvald bild (bilaga " + thumbnail + "): finns inte i exporten."));
            return null;
        }
        String alt = plain(attachment.get().alt());
        alt = alt.isEmpty() ? plain(attachment.get().title()) : alt;
        UploadedPictures.Found found = pictures.byFile(attachment.get().file(), alt);
        if (found.mediaId().isEmpty()) {
            report.missingImage(line(item, "Utvald bild " + attachment.get().file() + ": " + found.problem()));
            return null;
        }
        return new ArticleInput.ImageInput(found.mediaId().get(), alt, alt.isEmpty(), "", "");
    }

    private String author(WxrItem item) {
        String login = Optional.ofNullable(item.creatorLogin()).orElse("").strip();
        return authors.getOrDefault(login, login);
    }

    /**
     * Text of a field WordPress may hold HTML or entities in (an excerpt, a title, a comment), as plain text:
     * tags dropped, a line break for each {@code <br>} and a blank line between paragraphs, entities decoded.
     */
    static String plain(String html) {
        if (html == null) {
            return "";
        }
        String text = html;
        if (text.indexOf('<') >= 0) {
            Document doc = Jsoup.parseBodyFragment(text);
            doc.outputSettings().prettyPrint(false);
            doc.select("br").after("\n");
            doc.select("p").after("\n\n");
            text = Jsoup.clean(doc.body().html(), "", Safelist.none(),
                    new Document.OutputSettings().prettyPrint(false));
        }
        if (text.indexOf('&') >= 0) {
            text = Parser.unescapeEntities(text, false);
        }
        return Text.normalize(text).strip();
    }

    private static String fault(FieldError e) {
        return e.field() + " " + e.message();
    }

    private static Line line(WxrItem item, String detail) {
        return new Line("post", item.postId(), item.title(), detail);
    }
}
