package se.newsroom.importer.wxr;

/** A {@code wp:author}: {@code wp:author_id}, {@code wp:author_login}, {@code wp:author_email}, display name. */
public record WxrAuthor(long id, String login, String email, String displayName) {
}
