package se.newsroom.render.stream;

import java.util.Optional;

import se.newsroom.render.plan.Change;
import se.newsroom.table.ArticleItem;
import se.newsroom.table.CommentItem;

/** What a stream record means for the site: an article or a comment changed, or nothing the site shows. */
public final class Changes {
    private Changes() {
    }

    /** The change a record carries; empty for slug claims, index entries, rate counters. */
    public static Optional<Change> of(StreamRecord record) {
        if (ArticleItem.isArticle(record.keys())) {
            return Optional.of(new Change.ArticleChanged(ArticleItem.fromImage(record.oldImage()),
                    ArticleItem.fromImage(record.newImage())));
        }
        return CommentItem.articleIdOf(record.keys()).map(articleId -> new Change.CommentChanged(articleId,
                CommentItem.fromImage(record.oldImage()), CommentItem.fromImage(record.newImage())));
    }
}
