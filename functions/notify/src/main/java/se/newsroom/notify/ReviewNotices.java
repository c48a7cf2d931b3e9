package se.newsroom.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import se.newsroom.content.ReviewSubmission;
import se.newsroom.table.ReviewImages;

/**
 * The publishers' notices: one for each article of a stream batch whose status has just become {@code review}; every
 * other record (a draft's edit, a comment, a publish) is passed over. The template's filter lets only the first kind
 * reach the function; this check holds without it (the local runner hands over every record).
 */
public final class ReviewNotices {
    private final Notifier notifier;
    private final ReviewText text;
    private final Consumer<String> log;

    public ReviewNotices(Notifier notifier, ReviewText text, Consumer<String> log) {
        this.notifier = notifier;
        this.text = text;
        this.log = log;
    }

    /**
     * Sends the notices of a batch, in order.
     *
     * @return the sequence numbers to report failed: from the first record whose notice could not be sent on (the
     *         mapping retries from there, so an earlier notice is not sent twice); empty when all went
     */
    List<String> handle(List<StreamRecords.Change> batch) {
        for (int i = 0; i < batch.size(); i++) {
            StreamRecords.Change change = batch.get(i);
            try {
                ReviewImages.submitted(change.keys(), change.oldImage(), change.newImage()).ifPresent(this::send);
            } catch (RuntimeException e) {
                log.accept("Review notice: record " + change.sequenceNumber() + " failed, retried from there: " + e);
                List<String> failed = new ArrayList<>();
                batch.subList(i, batch.size()).forEach(c -> failed.add(c.sequenceNumber()));
                return failed;
            }
        }
        return List.of();
    }

    private void send(ReviewSubmission submission) {
        notifier.send(text.review(submission));
        log.accept("Review notice: told the publishers of article " + submission.articleId() + ".");
    }
}
