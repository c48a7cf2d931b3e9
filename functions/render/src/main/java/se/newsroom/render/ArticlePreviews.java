package se.newsroom.render;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleInput;
import se.newsroom.content.ArticleRules;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.ArticleStore;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Slugs;
import se.newsroom.content.Timestamps;
import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.NotFoundException;
import se.newsroom.http.Editor;
import se.newsroom.render.site.SiteContent;
import se.newsroom.render.site.SiteRenderer;

/**
 * Editors' previews: an article's page as readers would get it if it were published now, from a draft or from
 * unsaved changes, checked by the same rules as a save. Reads the table; writes nothing anywhere.
 */
public final class ArticlePreviews {
    /** The id a new article's preview carries: a valid id that no article has. */
    static final String NEW_ARTICLE_ID = "00000000000000000000000000";

    private final ArticleStore store;
    private final SiteContent content;
    private final SiteRenderer renderer;
    private final Clock clock;

    public ArticlePreviews(ArticleStore store, SiteContent content, SiteRenderer renderer, Clock clock) {
        this.store = store;
        this.content = content;
        this.renderer = renderer;
        this.clock = clock;
    }

    /**
     * The page of {@code input} as the article {@code id} (its slug, publication date and approved comments), or as
     * a new article: the slug its title would get and today's date. A draft shows the date it would get if published
     * now; a scheduled article its publishAt.
     *
     * @throws NotFoundException     when {@code id} names no article
     * @throws InvalidInputException naming every field a save would refuse
     */
    public String preview(Editor editor, ArticleInput input, Optional<String> id) {
        Instant now = Timestamps.truncate(clock.instant());
        Optional<Article> saved = id.map(i -> (ArticleIds.isValid(i) ? store.find(i) : Optional.<Article>empty())
                .orElseThrow(() -> new NotFoundException("There is no article " + i + ".")));
        ArticleRules.CheckedArticle in = ArticleRules.check(input, now, id);
        requireRelated(in.related());
        String articleId = id.orElse(NEW_ARTICLE_ID);
        String slug = in.slug().or(() -> saved.map(Article::slug)).orElseGet(() -> {
            String fromTitle = Slugs.of(in.title());
            return fromTitle.isEmpty() ? articleId.toLowerCase(Locale.ROOT) : fromTitle;
        });
        Instant date = in.status() == ArticleStatus.SCHEDULED ? in.publishAt().orElseThrow()
                : in.publishedAt().or(() -> saved.flatMap(Article::publishedAt)).orElse(now);
        Article article = Article.builder().id(articleId).slug(slug).title(in.title()).summary(in.summary())
                .body(in.body()).categories(in.categories()).related(in.related()).status(ArticleStatus.PUBLISHED)
                .publishedAt(Optional.of(date)).createdAt(saved.map(Article::createdAt).orElse(now)).updatedAt(now)
                .author(in.author().or(() -> saved.map(Article::author)).orElse(editor.name()))
                .commentsOpen(in.commentsOpen()).image(in.image()).build();
        return renderer.preview(article, content);
    }

    /** As a save refuses them: a related id of no article, named by its place in the list. */
    private void requireRelated(List<String> related) {
        if (related.isEmpty()) {
            return;
        }
        Set<String> found = store.findListed(related).stream().map(ListedArticle::id).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < related.size(); i++) {
            if (!found.contains(related.get(i))) {
                errors.add(new FieldError("related[" + i + "]", "there is no article " + related.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Related articles must exist.", errors);
        }
    }
}
