package se.newsroom.render.stream;

import java.util.Optional;

import se.newsroom.render.plan.Change;
import se.newsroom.table.ArticleItem;
import se.newsroom.table.CommentItem;
import se.newsroom.table.MediaItem;

/** What a stream record means for the site: an article, a comment or a picture changed, or nothing the site shows. */
public final class Changes {
    private Changes() {
    }

    /** The change a record carries; empty for slug claims, index entries, rate counters, media uses. */
    public static Optional<Change> of(StreamRecord record) {
        if (ArticleItem.isArticle(record.keys())) {
            return Optional.of(new Change.ArticleChanged(ArticleItem.fromImage(record.oldImage()),
                    ArticleItem.fromImage(record.newImage())));
        }
        Optional<String> mediaId = MediaItem.idOf(record.keys());
        if (mediaId.isPresent()) {
            return Optional.of(new Change.MediaChanged(mediaId.get(), MediaItem.fromImage(record.oldImage()),
                    MediaItem.fromImage(record.newImage())));
        }
        return CommentItem.articleIdOf(record.keys()).map(articleId -> new Change.CommentChanged(articleId,
                CommentItem.fromImage(record.oldImage()), CommentItem.fromImage(record.newImage())));
    }
}
