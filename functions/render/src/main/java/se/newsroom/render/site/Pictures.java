package se.newsroom.render.site;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.content.MediaVariant;
import se.newsroom.render.site.Views.Picture;
import se.newsroom.render.site.Views.SocialImage;

/**
 * How a ready media item is shown: which of its variants go into {@code src}, {@code srcset}, lists and social tags.
 * A media item that is not ready (or has no variants) shows nothing, never a broken image.
 */
public final class Pictures {
    /** The page's text column: main is 42rem wide with 1rem padding on each side (site.css). */
    public static final String SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";
    /** The variant a page's {@code src} (and its width and height) is. */
    static final int PAGE_WIDTH = 960;
    /** The variant lists show. */
    static final int LIST_WIDTH = 480;

    private final SiteSettings site;
    private final boolean absolute;

    /** @param absolute whether URLs are absolute (a feed's) rather than paths on the site */
    Pictures(SiteSettings site, boolean absolute) {
        this.site = site;
        this.absolute = absolute;
    }

    /**
     * A figure for an article's page.
     *
     * @param alt  the alternative text, "" for a decorative image
     * @param lazy whether the browser may wait until it is near the viewport (not for the featured image)
     */
    Optional<Picture> figure(Optional<Media> media, String alt, String caption, String credit, boolean lazy) {
        return ready(media).map(m -> {
            MediaVariant main = closest(m.variants(), PAGE_WIDTH);
            String srcset = m.variants().stream().map(v -> url(v) + " " + v.width() + "w")
                    .collect(Collectors.joining(", "));
            return new Picture(url(main), srcset, SIZES, main.width(), main.height(), alt, caption, credit, lazy);
        });
    }

    /**
     * The small picture a list shows beside a teaser: lazy, as most of a list is below the fold, and with alt="",
     * as the headline it illustrates is the link beside it (a screen reader would otherwise read both).
     */
    Optional<Picture> thumbnail(Optional<Media> media) {
        return ready(media).map(m -> {
            MediaVariant small = closest(m.variants(), LIST_WIDTH);
            return new Picture(url(small), "", "", small.width(), small.height(), "", "", "", true);
        });
    }

    /** The widest variant, for {@code og:image}. */
    Optional<SocialImage> social(Optional<Media> media, String alt) {
        return ready(media).map(m -> {
            MediaVariant widest = m.variants().stream().max(Comparator.comparingInt(MediaVariant::width))
                    .orElseThrow();
            return new SocialImage(site.absolute(path(widest)), widest.width(), widest.height(), alt);
        });
    }

    /** The variant a feed's {@code enclosure} carries: the page's own. */
    Optional<MediaVariant> enclosure(Optional<Media> media) {
        return ready(media).map(m -> closest(m.variants(), PAGE_WIDTH));
    }

    /** A variant's URL. */
    String url(MediaVariant variant) {
        return absolute ? site.absolute(path(variant)) : path(variant);
    }

    private static Optional<Media> ready(Optional<Media> media) {
        return media.filter(m -> m.status() == MediaStatus.READY && !m.variants().isEmpty());
    }

    /** The widest variant no wider than {@code width}, or the narrowest when all are wider. */
    private static MediaVariant closest(List<MediaVariant> variants, int width) {
        return variants.stream().filter(v -> v.width() <= width).max(Comparator.comparingInt(MediaVariant::width))
                .orElseGet(() -> variants.stream().min(Comparator.comparingInt(MediaVariant::width)).orElseThrow());
    }

    private static String path(MediaVariant variant) {
        return "/" + variant.key();
    }
}
