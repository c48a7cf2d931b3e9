package se.newsroom.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pictures an article uses: its featured image and the {@code ![alt](media:<id>)} images of its body. */
public final class MediaReferences {
    /** How many pictures one article may use: each is two items of the article's save transaction. */
    public static final int MAX_PER_ARTICLE = 10;
    /** A Markdown image whose destination is {@code media:<something>}. */
    private static final Pattern BODY_IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(\\s*media:([^)\\s]*)");

    private MediaReferences() {
    }

    /** Every {@code media:} reference of a Markdown body, in order, as written (valid ids or not). */
    public static List<String> inBody(String body) {
        List<String> ids = new ArrayList<>();
        Matcher m = BODY_IMAGE.matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The distinct media ids an article uses, its featured image first; invalid body references left out. */
    public static Set<String> of(Optional<ArticleImage> image, String body) {
        Set<String> ids = new LinkedHashSet<>();
        image.ifPresent(i -> ids.add(i.mediaId()));
        inBody(body).stream().filter(ArticleIds::isValid).forEach(ids::add);
        return ids;
    }
}
