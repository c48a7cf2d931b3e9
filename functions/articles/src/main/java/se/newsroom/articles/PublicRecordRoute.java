package se.newsroom.articles;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import se.newsroom.error.ForbiddenException;
import se.newsroom.error.NotFoundException;
import se.newsroom.http.Editor;
import se.newsroom.http.HttpResponses;
import se.newsroom.http.Role;
import se.newsroom.record.RecordChain;

/**
 * {@code GET /api/articles/{id}/record} (publishers): an article's public record as the records bucket holds it,
 * every published version oldest first, and whether its hash chain holds (issue 17).
 */
final class PublicRecordRoute {
    static final String ROUTE = "GET /api/articles/{id}/record";

    private final RecordChain chain;
    private final ArticleService articles;

    PublicRecordRoute(RecordChain chain, ArticleService articles) {
        this.chain = chain;
        this.articles = articles;
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

    APIGatewayV2HTTPResponse get(Editor editor, String articleId) {
        if (!editor.has(Role.PUBLISHER)) {
            throw new ForbiddenException("Det här kräver rollen " + Role.PUBLISHER.swedishName() + " (gruppen "
                    + Role.PUBLISHER.group() + ").");
        }
        RecordChain.Check check = chain.verify(articleId);
        if (check.versions().isEmpty() && check.verified()) {
            articles.get(articleId); // 404 when there is no such article either; else its record is still empty
        }
        return HttpResponses.json(200, new RecordView(articleId, check.verified(),
                check.broken().map(b -> new Broken(b.version(), b.reason())).orElse(null), check.versions()),
                Map.of());
    }

    /** When the function runs without a records bucket (e.g. an old local setup). */
    static APIGatewayV2HTTPResponse unconfigured() {
        throw new NotFoundException("The public record is not configured (RECORDS_BUCKET).");
    }
}
