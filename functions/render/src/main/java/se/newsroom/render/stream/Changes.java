package se.newsroom.render.stream;

import java.util.Optional;

import se.newsroom.render.plan.Change;
import se.newsroom.table.ArticleItem;
import se.newsroom.table.CommentItem;
import se.newsroom.table.ImportWrites;
import se.newsroom.table.MediaItem;
import se.newsroom.table.PrivacyNoticeItem;

/**
 * What a stream record means for the site: an article, a comment, a picture or the privacy notice changed, or nothing
 * the site shows.
 */
public final class Changes {
    /**
     * The attribute every item an import writes carries (the run's id). An import renders the site once at its end,
     * so its inserts are not rendered one by one as they arrive (thousands of batches fighting over the same lists).
     */
    public static final String IMPORT_RUN = ImportWrites.IMPORT_RUN;

    private Changes() {
    }

    /**
     * The change a record carries; empty for slug claims, index entries, rate counters, media uses, and an import's
     * inserts ({@link #fromImport}).
     */
    public static Optional<Change> of(StreamRecord record) {
        if (fromImport(record)) {
            return Optional.empty();
        }
        if (ArticleItem.isArticle(record.keys())) {
            return Optional.of(new Change.ArticleChanged(ArticleItem.fromImage(record.oldImage()),
                    ArticleItem.fromImage(record.newImage())));
        }
        if (PrivacyNoticeItem.isPrivacyNotice(record.keys())) {
            return Optional.of(new Change.PrivacyNoticeChanged());
        }
        Optional<String> mediaId = MediaItem.idOf(record.keys());
        if (mediaId.isPresent()) {
            return Optional.of(new Change.MediaChanged(mediaId.get(), MediaItem.fromImage(record.oldImage()),
                    MediaItem.fromImage(record.newImage())));
        }
        return CommentItem.articleIdOf(record.keys()).map(articleId -> new Change.CommentChanged(articleId,
                CommentItem.fromImage(record.oldImage()), CommentItem.fromImage(record.newImage())));
    }

    /**
     * Whether a record is an import's insert: an INSERT whose new image has {@link #IMPORT_RUN}. Its pages come from
     * the one rebuild the import asks for at its end. A later MODIFY of such an item (a comment approved, an article
     * saved through the API, which rewrites it without the attribute) and every REMOVE render as always.
     */
    public static boolean fromImport(StreamRecord record) {
        return "INSERT".equals(record.eventName()) && record.newImage().containsKey(IMPORT_RUN);
    }
}
