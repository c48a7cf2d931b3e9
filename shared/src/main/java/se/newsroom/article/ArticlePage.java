package se.newsroom.article;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param items      the articles, without bodies
 * @param nextCursor where the next page starts, empty on the last page
 */
public record ArticlePage(List<Article> items, Optional<String> nextCursor) {
    public ArticlePage {
        items = List.copyOf(items);
    }
}
