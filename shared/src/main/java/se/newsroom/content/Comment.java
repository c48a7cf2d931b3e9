package se.newsroom.content;

import java.time.Instant;
import java.util.Optional;

/**
 * A reader's comment as stored; the email and client address exist only as salted hashes, beside it.
 *
 * @param id        a ULID, so comments sort by time within their article
 * @param articleId the article it is on
 * @param parentId  the approved comment it replies to
 * @param author    the name the reader gave
 * @param body      plain text
 * @param status    pending, approved, rejected or spam
 * @param createdAt when it arrived
 * @param depth     1 for a comment, 2 for a reply to it, … as deep as the comment rules allow
 */
public record Comment(String id, String articleId, Optional<String> parentId, String author, String body,
                      CommentStatus status, Instant createdAt, int depth) {
}
