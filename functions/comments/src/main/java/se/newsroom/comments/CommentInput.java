package se.newsroom.comments;

/**
 * What a reader sends, from the page's form or as JSON.
 *
 * @param website the honeypot: hidden from people, so anything in it was filled in by a bot
 */
public record CommentInput(String author, String email, String body, String parentId, String website) {
}
