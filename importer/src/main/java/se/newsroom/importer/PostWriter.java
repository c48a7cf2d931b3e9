package se.newsroom.importer;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;

import se.newsroom.aws.AwsFaults;
import se.newsroom.content.Article;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStore.Hashes;
import se.newsroom.content.Hasher;
import se.newsroom.importer.ImportReport.Line;
import se.newsroom.importer.ImportReport.Outcome;
import se.newsroom.importer.wxr.WxrComment;
import se.newsroom.importer.wxr.WxrItem;
import se.newsroom.table.ImportWrites.ArticleWrite;
import se.newsroom.table.ImportWrites.Result;

/**
 * Writes one post and then its comments (or, in a dry run, reads whether each is there), counting each in the
 * report. An article that exists already is not converted again; its comments are still gone through, so a run
 * stopped between an article and its last comment is finished by the next.
 */
final class PostWriter {
    /** The name a comment without one gets, as WordPress shows it. */
    static final String ANONYMOUS = "Anonym";

    /**
     * What writing a post did.
     *
     * @param wrote        whether anything was written
     * @param targetFailed whether the table failed it (not the post's own fault), for giving up on a dead table
     */
    record Done(boolean wrote, boolean targetFailed) {
    }

    private final ImportTarget target;
    private final boolean dryRun;
    private final Hasher hasher;
    private final WordPressIds ids;
    private final String run;
    private final ImportReport report;

    PostWriter(ImportTarget target, boolean dryRun, Hasher hasher, WordPressIds ids, String run,
               ImportReport report) {
        this.target = target;
        this.dryRun = dryRun;
        this.hasher = hasher;
        this.ids = ids;
        this.run = run;
        this.report = report;
    }

    /** Writes {@code item}, a post to import, and its comments; failures go into the report. */
    Done write(WxrItem item, PostConversion conversion) {
        String articleId = ids.post(item.postId());
        boolean wrote = false;
        try {
            if (target.articleExists(articleId)) {
                report.count("post", item.status(), Outcome.UNCHANGED);
            } else {
                Article article = conversion.convert(item, articleId, report);
                if (dryRun) {
                    report.count("post", item.status(), Outcome.WOULD_IMPORT);
                } else {
                    ArticleWrite written = target.writeArticle(article, run);
                    wrote = written.result() == Result.WRITTEN;
                    report.count("post", item.status(), wrote ? Outcome.IMPORTED : Outcome.UNCHANGED);
                    if (wrote && !written.slug().equals(article.slug())) {
                        report.renamed(line(item, "Adressen \"" + article.slug() + "\" används av en nyhet som "
                                + "redan fanns här; det här fick \"" + written.slug() + "\"."));
                    }
                }
            }
        } catch (PostConversion.Refused e) {
            report.count("post", item.status(), Outcome.FAILED);
            report.failed(line(item, e.getMessage()));
            item.comments().forEach(c -> report.count("comment", "på misslyckat inlägg", Outcome.FAILED));
            return new Done(false, false);
        } catch (RuntimeException e) {
            report.count("post", item.status(), Outcome.FAILED);
            report.failed(line(item, "Kunde inte skrivas: " + describe(e) + " Kör importen igen för att slutföra."));
            item.comments().forEach(c -> report.count("comment", "på misslyckat inlägg", Outcome.FAILED));
            return new Done(false, isTargetFault(e));
        }
        boolean commentsWrote = comments(item, articleId);
        return new Done(wrote || commentsWrote, false);
    }

    /** The post's comments, each written unless it is there; whether any was written. */
    private boolean comments(WxrItem item, String articleId) {
        CommentThreads threads = CommentThreads.of(item.comments());
        for (CommentThreads.Left left : threads.left()) {
            report.count(type(left.comment()), left.comment().approved(), Outcome.SKIPPED);
            report.skipped(commentLine(item, left.comment(), "Hoppades över: " + left.reason() + "."));
        }
        boolean wrote = false;
        for (CommentThreads.Kept kept : threads.kept()) {
            WxrComment c = kept.comment();
            String status = kept.status().wireName();
            try {
                Instant date = WordPressIds.date(c.dateGmt(), c.date());
                String id = ids.comment(c.id(), date);
                Optional<String> parent = kept.parent().flatMap(threads::find).map(p -> ids.comment(p.comment().id(),
                        WordPressIds.date(p.comment().dateGmt(), p.comment().date())));
                if (kept.orphanOf() != 0) {
                    report.unmapped(commentLine(item, c, "Svarar på kommentar " + kept.orphanOf() + ", som inte "
                            + "finns i exporten eller inte importeras: den blir en egen tråd."));
                }
                String body = PostConversion.plain(c.content());
                String author = PostConversion.plain(c.author());
                Comment comment = new Comment(id, articleId, parent, author.isEmpty() ? ANONYMOUS : author, body,
                        kept.status(), date, kept.depth());
                if (dryRun) {
                    report.count("comment", status, target.commentExists(articleId, id) ? Outcome.UNCHANGED
                            : Outcome.WOULD_IMPORT);
                    continue;
                }
                String email = Optional.ofNullable(c.authorEmail()).orElse("").strip().toLowerCase(Locale.ROOT);
                Hashes hashes = new Hashes(hasher.hash(email), hasher.hash(Optional.ofNullable(c.authorIp())
                        .orElse("")), hasher.hash(articleId + "\n" + body));
                String unique = hasher.hash(articleId + "\n" + body + "\n" + id);
                boolean now = target.writeComment(comment, hashes, unique, run) == Result.WRITTEN;
                wrote |= now;
                report.count("comment", status, now ? Outcome.IMPORTED : Outcome.UNCHANGED);
            } catch (RuntimeException e) {
                report.count("comment", status, Outcome.FAILED);
                report.failed(commentLine(item, c, "Kunde inte skrivas: " + describe(e)
                        + " Kör importen igen för att slutföra."));
            }
        }
        return wrote;
    }

    private static String type(WxrComment c) {
        return c.type() == null || c.type().isEmpty() ? "comment" : c.type();
    }

    private static boolean isTargetFault(RuntimeException e) {
        return e instanceof SdkException || AwsFaults.isPassing(e);
    }

    private static String describe(RuntimeException e) {
        String message = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        return message.endsWith(".") ? message : message + ".";
    }

    private static Line line(WxrItem item, String detail) {
        return new Line("post", item.postId(), item.title(), detail);
    }

    private static Line commentLine(WxrItem item, WxrComment c, String detail) {
        return new Line("comment", c.id(), item.title(), detail);
    }
}
