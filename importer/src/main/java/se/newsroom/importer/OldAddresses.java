package se.newsroom.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import se.newsroom.content.LegacyPaths;

/**
 * An imported article's addresses on its old site ({@code Article.legacyPaths}): the path of its permalink,
 * {@code /?p=<id>} and {@code /<slug>/}, each in {@link LegacyPaths}' normal form, without those it refuses (the
 * site's own addresses: a WordPress permalink at {@code /nyheter/x/} must not take over the site's own page).
 */
final class OldAddresses {
    private OldAddresses() {
    }

    /**
     * The addresses to keep, distinct and in that order; each one left out is told to {@code leftOut} with why.
     *
     * @param linkPath the permalink's site-relative path as the export writes it (percent-encoded), if it has one
     * @param slug     the slug it had there, when it had one of its own
     */
    static List<String> of(Optional<String> linkPath, long postId, String slug, BiConsumer<String, String> leftOut) {
        Set<String> candidates = new LinkedHashSet<>();
        linkPath.ifPresent(candidates::add);
        candidates.add("/?p=" + postId);
        if (!slug.isEmpty()) {
            candidates.add("/" + slug + "/");
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String path : candidates) {
            Optional<String> normal = LegacyPaths.normal(path);
            if (normal.isPresent()) {
                kept.add(normal.get());
            } else {
                leftOut.accept(path, LegacyPaths.refusal(path).orElse("ogiltig adress"));
            }
        }
        return new ArrayList<>(kept);
    }
}
