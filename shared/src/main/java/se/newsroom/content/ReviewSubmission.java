package se.newsroom.content;

import java.util.Optional;

/**
 * An article a writer has just submitted for review (its status became {@code review}), as the publishers are told
 * of it.
 *
 * @param submittedBy the name of the editor who saved it, when the article's item says (empty otherwise)
 */
public record ReviewSubmission(String articleId, String title, String author, Optional<String> submittedBy) {
}
