package se.newsroom.render.site;

import java.time.Instant;
import java.util.Optional;

/**
 * An approved comment as the article page shows it.
 *
 * @param id        the comment's id
 * @param parentId  the comment it replies to, if any
 * @param author    the name the reader gave
 * @param body      plain text
 * @param createdAt when it was written
 */
public record Comment(String id, Optional<String> parentId, String author, String body, Instant createdAt) {
}
