package se.newsroom.articles;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleStatus;
import se.newsroom.error.NotFoundException;
import se.newsroom.http.HttpResponses;
import se.newsroom.record.RecordChain;

/**
 * {@code GET /api/articles/{id}/record} (publishers): an article's public record as the records bucket holds it,
 * every published version oldest first, and whether its hash chain holds and holds the article's current published
 * version (issue 17).
 */
final class PublicRecordRoute {
    static final String ROUTE = "GET /api/articles/{id}/record";

    /**
     * How long a published version may take to reach the record (the stream's delay and the writer's retries) before
     * its absence counts as a break.
     */
    static final Duration GRACE = Duration.ofMinutes(15);

    private final RecordChain chain;
    private final ArticleService articles;
    private final Clock clock;

    PublicRecordRoute(RecordChain chain, ArticleService articles, Clock clock) {
        this.chain = chain;
        this.articles = articles;
        this.clock = clock;
    }

    /**
     * The record as the API shows it.
     *
     * @param broken the first version whose hash or link is wrong, and why; absent when verified
     */
    record RecordView(String articleId, boolean verified, Broken broken, List<RecordChain.Version> versions) {
    }

    /** Where the chain breaks: the version and the reason, in Swedish. */
    record Broken(long version, String reason) {
    }

    /** The record's check; the route's role (publishers) is checked at the edge, by RouteRoles. */
    APIGatewayV2HTTPResponse get(String articleId) {
        // An id this system could not have made names no article and no record: never a key prefix sent to S3.
        if (!ArticleIds.isValid(articleId)) {
            throw new NotFoundException("There is no article " + articleId + ".");
        }
        RecordChain.Check check = chain.verify(articleId);
        Optional<Article> article = check.versions().isEmpty()
                ? Optional.of(articles.get(articleId)) // 404 when there is neither an article nor a record
                : findArticle(articleId);
        // The chain cannot show its newest version removed: the article, while published, shows what it must hold.
        Optional<Broken> broken = check.broken().map(b -> new Broken(b.version(), b.reason()))
                .or(() -> article.flatMap(a -> missingLatest(a, check)));
        return HttpResponses.json(200, new RecordView(articleId, broken.isEmpty(), broken.orElse(null),
                check.versions()), Map.of());
    }

    /** The article's current published version, when the record lacks it though it was saved a while ago. */
    private Optional<Broken> missingLatest(Article a, RecordChain.Check check) {
        boolean recorded = check.versions().stream().anyMatch(v -> v.version() == a.version());
        if (a.status() != ArticleStatus.PUBLISHED || recorded || a.updatedAt().plus(GRACE).isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Broken(a.version(), "Version " + a.version() + " är publicerad men saknas i "
                + "registret."));
    }

    private Optional<Article> findArticle(String articleId) {
        try {
            return Optional.of(articles.get(articleId));
        } catch (NotFoundException e) {
            return Optional.empty(); // deleted: its record stays, and is all there is to check
        }
    }

    /** When the function runs without a records bucket (e.g. an old local setup). */
    static APIGatewayV2HTTPResponse unconfigured() {
        throw new NotFoundException("The public record is not configured (RECORDS_BUCKET).");
    }
}
