package se.newsroom.content;

import java.util.Objects;

/**
 * An article's featured image: a picture of the media library with the texts this article gives it.
 *
 * @param mediaId    the library item's id
 * @param alt        the alternative text, 1–300 characters; "" only when decorative
 * @param decorative whether the picture says nothing the text does not (then {@code alt=""} on the page)
 * @param caption    shown under the picture, "" when none
 * @param credit     the photographer ("Foto: …"), "" when none
 */
public record ArticleImage(String mediaId, String alt, boolean decorative, String caption, String credit) {
    public ArticleImage {
        Objects.requireNonNull(mediaId, "mediaId");
        alt = Objects.requireNonNullElse(alt, "");
        caption = Objects.requireNonNullElse(caption, "");
        credit = Objects.requireNonNullElse(credit, "");
    }
}
