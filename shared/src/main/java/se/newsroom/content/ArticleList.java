package se.newsroom.content;

import java.util.List;
import java.util.Optional;

/**
 * One page of the editors' article listing.
 *
 * @param items      the articles, without bodies
 * @param nextCursor where the next page starts, empty on the last page
 */
public record ArticleList(List<ListedArticle> items, Optional<String> nextCursor) {
    public ArticleList {
        items = List.copyOf(items);
    }
}
