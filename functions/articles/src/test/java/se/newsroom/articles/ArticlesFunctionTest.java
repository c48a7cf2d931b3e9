package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleList;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.ArticleStore;
import se.newsroom.content.CategoryUse;
import se.newsroom.content.Change;
import se.newsroom.content.IdempotencyKey;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Revision;

/** The handler's edge cases that need no table. */
class ArticlesFunctionTest {

    @Test
    void handleRequest_shouldAnswer500WithoutTheFault_whenTheStoreFails() {
        // GIVEN a store whose calls fail with internal detail
        ArticleStore broken = new ArticleStore() {
            public Article create(Article article, boolean exactSlug, Optional<IdempotencyKey> key,
                                  Change change) {
                throw new IllegalStateException("secret table detail");
            }

            public Optional<Article> find(String id) {
                throw new IllegalStateException("secret table detail");
            }

            public ArticleList list(Optional<ArticleStatus> status, int limit, Optional<String> cursor) {
                throw new IllegalStateException("secret table detail");
            }

            public ArticleList search(Optional<ArticleStatus> status, String query, int limit,
                                      Optional<String> cursor) {
                throw new IllegalStateException("secret table detail");
            }

            public List<CategoryUse> categories() {
                throw new IllegalStateException("secret table detail");
            }

            public Article update(Article previous, Article article, Change change) {
                throw new IllegalStateException("secret table detail");
            }

            public void delete(String id, Optional<Long> expectedVersion, Change change) {
                throw new IllegalStateException("secret table detail");
            }

            public Revision.Page revisions(String articleId, int limit, Optional<String> cursor) {
                throw new IllegalStateException("secret table detail");
            }

            public Optional<Revision> revision(String articleId, long version) {
                throw new IllegalStateException("secret table detail");
            }

            public List<ListedArticle> scheduledDue(Instant now, int limit) {
                throw new IllegalStateException("secret table detail");
            }
        };
        ApiCalls api = new ApiCalls(new ArticlesFunction(new ArticleService(broken, null, Clock.systemUTC(),
                ArticleIds.generator()), ZoneId.of("Europe/Stockholm")));

        // WHEN
        APIGatewayV2HTTPResponse response = api.post("{\"title\": \"Rubrik\"}");

        // THEN
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).doesNotContain("secret").doesNotContain("IllegalState")
                .contains("test-request");
    }

    @Test
    void handleRequest_shouldAnswer404_forARouteItDoesNotServe() {
        ApiCalls api = new ApiCalls(new ArticlesFunction(new ArticleService(null, null, Clock.systemUTC(),
                ArticleIds.generator()), ZoneId.of("Europe/Stockholm")));

        APIGatewayV2HTTPResponse response = api.call("PATCH /api/articles/{id}", Map.of("id", "x"), Map.of(), null,
                ApiCalls.EDITOR);

        assertThat(response.getStatusCode()).isEqualTo(404);
    }

    @Test
    void replace_shouldAnswer422NamingTheSlug_whenTheArticleKeepsAsManyEarlierSlugsAsItMay() {
        // GIVEN an article that was renamed as often as its item has room for
        List<String> earlier = IntStream.rangeClosed(1, ArticleService.MAX_PREVIOUS_SLUGS).mapToObj(i -> "namn-" + i)
                .toList();
        Article renamed = Article.builder().id(ArticleIds.generator().get()).slug("namn").title("Namn").summary("")
                .body("").categories(List.of()).related(List.of()).status(ArticleStatus.DRAFT)
                .publishAt(Optional.empty()).publishedAt(Optional.empty()).createdAndUpdatedAt(Instant.now())
                .author("Redaktionen").commentsOpen(true).version(1).previousSlugs(earlier).build();
        List<Article> written = new ArrayList<>();
        ArticleStore store = new ArticleStore() {
            public Article create(Article article, boolean exactSlug, Optional<IdempotencyKey> key,
                                  Change change) {
                throw new UnsupportedOperationException();
            }

            public Optional<Article> find(String id) {
                return Optional.of(renamed);
            }

            public ArticleList list(Optional<ArticleStatus> status, int limit, Optional<String> cursor) {
                throw new UnsupportedOperationException();
            }

            public ArticleList search(Optional<ArticleStatus> status, String query, int limit,
                                      Optional<String> cursor) {
                throw new UnsupportedOperationException();
            }

            public List<CategoryUse> categories() {
                throw new UnsupportedOperationException();
            }

            public Article update(Article previous, Article article, Change change) {
                written.add(article);
                return article;
            }

            public void delete(String id, Optional<Long> expectedVersion, Change change) {
                throw new UnsupportedOperationException();
            }

            public Revision.Page revisions(String articleId, int limit, Optional<String> cursor) {
                throw new UnsupportedOperationException();
            }

            public Optional<Revision> revision(String articleId, long version) {
                throw new UnsupportedOperationException();
            }

            public List<ListedArticle> scheduledDue(Instant now, int limit) {
                throw new UnsupportedOperationException();
            }
        };
        ApiCalls api = new ApiCalls(new ArticlesFunction(new ArticleService(store, null, Clock.systemUTC(),
                ArticleIds.generator()), ZoneId.of("Europe/Stockholm")));

        // WHEN / THEN: one more new slug is refused; an earlier one may come back
        APIGatewayV2HTTPResponse refused = api.put(renamed.id(), "\"1\"", "{\"title\": \"Namn\", \"slug\": \"nytt\"}");
        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(ApiCalls.json(refused).path("errors").get(0).path("field").asText()).isEqualTo("slug");
        assertThat(written).isEmpty();
        assertThat(api.put(renamed.id(), "\"1\"", "{\"title\": \"Namn\", \"slug\": \"namn-7\"}").getStatusCode())
                .isEqualTo(200);
    }
}
