package se.newsroom.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.github.f4b6a3.ulid.Ulid;

import se.newsroom.content.ArticleStore;
import se.newsroom.content.CommentDigestStore;
import se.newsroom.content.CommentDigestStore.Waiting;
import se.newsroom.content.CommentDigestStore.Watermark;
import se.newsroom.content.ListedArticle;

/**
 * The moderators' digest: the pending comments that came in since the last digest, told in at most one notice per
 * run. The watermark is moved before the notice is sent, on condition that it is still where this run read it, so
 * that of two overlapping runs only one tells of the same comments; a notice that cannot be sent gives the watermark
 * back (when no later run has moved it), and the next run tells of those comments again.
 */
public final class CommentDigest {
    /**
     * How old a comment id must be before a digest covers it. An id is made (from the clock) a moment before its
     * comment is written; a digest reaching up to "now" could move the watermark past a comment still being written,
     * which then would never be told of. A minute is longer than any post takes (the API's calls give up after 8 s).
     */
    static final Duration SETTLE = Duration.ofMinutes(1);

    private final CommentDigestStore store;
    private final ArticleStore articles;
    private final Notifier notifier;
    private final DigestText text;
    private final Clock clock;
    private final Consumer<String> log;

    public CommentDigest(CommentDigestStore store, ArticleStore articles, Notifier notifier, DigestText text,
                         Clock clock, Consumer<String> log) {
        this.store = store;
        this.articles = articles;
        this.notifier = notifier;
        this.text = text;
        this.clock = clock;
        this.log = log;
    }

    /**
     * SnapStart priming: the run's reads (the watermark, an empty range of the queue), so the snapshot holds the SDK's
     * and the store's classes loaded; it sends nothing and writes nothing.
     */
    public void prime() {
        store.waiting(store.watermark(), Ulid.MIN.toString());
    }

    /**
     * One run: the notice sent, or empty when no new comment waits (or another run has just told of them).
     *
     * @throws RuntimeException the notifier's, when the notice could not be sent (the watermark given back first)
     */
    public Optional<Notice> run() {
        Instant now = clock.instant();
        Watermark mark = store.watermark();
        List<Waiting> waiting = store.waiting(mark, Ulid.max(now.minus(SETTLE).toEpochMilli()).toString());
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        String newest = waiting.getLast().commentId();
        if (!store.advance(mark, newest, now)) {
            log.accept("Comment digest: another run told of these " + waiting.size() + " comment(s); nothing sent.");
            return Optional.empty();
        }
        Map<String, String> titles = articles.findListed(waiting.stream().map(Waiting::articleId).toList()).stream()
                .collect(Collectors.toMap(ListedArticle::id, ListedArticle::title, (a, b) -> a));
        Notice notice = text.digest(waiting, titles, now);
        try {
            notifier.send(notice);
        } catch (RuntimeException e) {
            if (!store.giveBack(newest, mark, now)) {
                log.accept("Comment digest: the notice of " + waiting.size() + " comment(s) could not be sent, and a "
                        + "later run has moved on; those comments are in the queue, untold: " + e);
            }
            throw e;
        }
        log.accept("Comment digest: told the moderators of " + waiting.size() + " comment(s), up to " + newest + ".");
        return Optional.of(notice);
    }
}
