package se.newsroom.content;

import java.util.List;
import java.util.Set;

/**
 * What an editor sends to create or replace an article; every field but {@code title} may be left out.
 *
 * @param title        the headline, 1–200 characters
 * @param summary      the lead, at most 500 characters
 * @param body         Markdown, at most 100,000 characters
 * @param categories   at most 10 names
 * @param related      at most 10 ids of existing articles
 * @param status       {@code draft} (the default), {@code review} (submitted for review), {@code scheduled} or
 *                     {@code published}
 * @param publishAt    when a scheduled article goes live (ISO-8601 with offset, in the future)
 * @param publishedAt  for a published article, its publication date (not in the future; default now)
 * @param author       the byline, at most 100 characters; default the editor's name
 * @param commentsOpen whether readers may comment; default true
 * @param slug         the URL slug; default made from the title
 * @param image        the featured image, or null for none
 */
public record ArticleInput(String title, String summary, String body, List<String> categories, List<String> related,
                           String status, String publishAt, String publishedAt, String author, Boolean commentsOpen,
                           String slug, ImageInput image) {

    /**
     * A featured image as an editor sends it.
     *
     * @param mediaId    a picture of the media library
     * @param alt        required (1–300 characters) unless decorative
     * @param decorative whether the picture is decoration only; default false
     * @param caption    at most 500 characters
     * @param credit     the photographer, at most 100 characters
     */
    public record ImageInput(String mediaId, String alt, Boolean decorative, String caption, String credit) {
    }

    /** An input without a featured image. */
    public ArticleInput(String title, String summary, String body, List<String> categories, List<String> related,
                        String status, String publishAt, String publishedAt, String author, Boolean commentsOpen,
                        String slug) {
        this(title, summary, body, categories, related, status, publishAt, publishedAt, author, commentsOpen, slug,
                null);
    }

    /**
     * Fields of an article a client may send back unchanged from a GET; they are ignored (so an imported article's
     * {@code legacyPaths} cannot be set or changed through the API, only seen).
     */
    public static final Set<String> READ_ONLY = Set.of("id", "url", "version", "createdAt", "updatedAt",
            "previousSlugs", "legacyPaths");
}
