package se.newsroom.content;

import java.time.Instant;
import java.util.Optional;

/**
 * A comment as stored: a reader's (its email and client address exist only as salted hashes, beside it) or the
 * newsroom's own reply (which has neither).
 *
 * @param id        a ULID, so comments sort by time within their article
 * @param articleId the article it is on
 * @param parentId  the approved comment it replies to
 * @param author    the name the reader gave, or the editor's name on a staff reply
 * @param body      plain text
 * @param status    pending, approved, rejected or spam
 * @param createdAt when it arrived
 * @param depth     1 for a comment, 2 for a reply to it, … as deep as the comment rules allow
 * @param staff     posted by a signed-in member of the newsroom through the API, shown as "Redaktionen"; a reader's
 *                  post never is
 */
public record Comment(String id, String articleId, Optional<String> parentId, String author, String body,
                      CommentStatus status, Instant createdAt, int depth, boolean staff) {

    /** A reader's comment. */
    public Comment(String id, String articleId, Optional<String> parentId, String author, String body,
                   CommentStatus status, Instant createdAt, int depth) {
        this(id, articleId, parentId, author, body, status, createdAt, depth, false);
    }
}
