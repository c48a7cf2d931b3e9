package se.newsroom.render.site;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import se.newsroom.article.Article;
import se.newsroom.render.plan.PlanLookups;

/** What the renderer reads: the table (for one batch) or an in-memory snapshot (for a full rebuild, benches). */
public interface SiteContent extends PlanLookups {
    /** An article with its body, whatever its status. */
    Optional<Article> article(String id);

    /** The newest published articles, with bodies (the feed carries them). */
    List<Article> latest(int count);

    /** Published articles with {@code from <= publishedAt < to}, newest first; bodies may be left out. */
    List<Article> publishedBetween(Instant from, Instant to);

    /** The published articles of a category, newest first; bodies may be left out. */
    List<Article> inCategory(String categorySlug);

    /** The published articles among these ids, in the order given; bodies may be left out. */
    List<Article> published(Collection<String> ids);

    /** An article's approved comments, oldest first. */
    List<Comment> approvedComments(String articleId);

    /** The years that have published articles, oldest first. */
    List<Integer> years();
}
