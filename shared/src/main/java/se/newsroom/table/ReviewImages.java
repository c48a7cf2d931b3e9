package se.newsroom.table;

import static se.newsroom.table.ContentTable.text;

import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.ArticleStatus;
import se.newsroom.content.ReviewSubmission;

/**
 * Tells, from a stream record of the content table, whether an article has just been submitted for review: its new
 * image's status is {@code review} and its old image's is not (a first save straight to review has no old image).
 * Read from the attributes themselves, not through {@link ArticleItem}, so that it needs no more of the item than it
 * tells, and a field added to articles later cannot stop a notice.
 */
public final class ReviewImages {
    /** The wire name of the review status. */
    static final String REVIEW = ArticleStatus.REVIEW.wireName();
    private static final String STATUS = "status";
    /** Who saved the version, where the item carries it (issue 17's revisions name the saver). */
    private static final String SAVED_BY_NAME = "savedByName";

    private ReviewImages() {
    }

    /** The submission a record shows; empty for every other change (or a record that is not an article's). */
    public static Optional<ReviewSubmission> submitted(Map<String, AttributeValue> keys,
                                                       Map<String, AttributeValue> oldImage,
                                                       Map<String, AttributeValue> newImage) {
        if (!ArticleItem.isArticle(keys) || !REVIEW.equals(text(newImage, STATUS))
                || REVIEW.equals(text(oldImage, STATUS))) {
            return Optional.empty();
        }
        String id = text(newImage, "id");
        return Optional.of(new ReviewSubmission(id.isEmpty() ? text(keys, ContentTable.PK)
                .substring(ArticleItem.PREFIX.length()) : id, text(newImage, "title"), text(newImage, "author"),
                Optional.of(text(newImage, SAVED_BY_NAME)).filter(n -> !n.isBlank())));
    }
}
