package se.newsroom.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * URL slugs made the way WordPress makes them ({@code sanitize_title}: {@code remove_accents} then
 * {@code sanitize_title_with_dashes}), so the URLs of a migrated WordPress site stay the same.
 *
 * <p>For a Swedish site WordPress applies no locale rule, so å and ä become a and ö becomes o. Where WordPress
 * would keep a character it cannot transliterate as a percent-encoded octet (e.g. Chinese), this drops it; a title
 * of only such characters gets no slug, and the caller falls back to the article id.
 */
public final class Slugs {
    /** WordPress's column limit for post_name. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern CANONICAL = Pattern.compile("[a-z0-9_]+(?:-[a-z0-9_]+)*");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITIES = Pattern.compile("&[^\\s;&]+;");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9 _-]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern HYPHENS = Pattern.compile("-+");

    // remove_accents' letters that do not decompose into a base letter and a combining mark.
    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('æ', "ae"), Map.entry('Æ', "AE"), Map.entry('ø', "o"), Map.entry('Ø', "O"),
            Map.entry('ß', "s"), Map.entry('ẞ', "SS"), Map.entry('đ', "d"), Map.entry('Đ', "D"),
            Map.entry('ð', "d"), Map.entry('Ð', "D"), Map.entry('þ', "th"), Map.entry('Þ', "TH"),
            Map.entry('ł', "l"), Map.entry('Ł', "L"), Map.entry('œ', "oe"), Map.entry('Œ', "OE"),
            Map.entry('ı', "i"), Map.entry('ħ', "h"), Map.entry('Ħ', "H"), Map.entry('ŧ', "t"),
            Map.entry('Ŧ', "T"), Map.entry('ŋ', "n"), Map.entry('Ŋ', "N"), Map.entry('ĸ', "k"));

    private Slugs() {
    }

    /** The slug WordPress would give this title; empty when nothing usable is left. */
    public static String of(String title) {
        String s = TAGS.matcher(title).replaceAll("");
        s = removeAccents(s).toLowerCase(Locale.ROOT);
        // sanitize_title_with_dashes: no-break spaces and en/em dashes become hyphens ...
        s = s.replace('\u00a0', '-').replace('\u2013', '-').replace('\u2014', '-')
                .replace("&nbsp;", "-").replace("&ndash;", "-").replace("&mdash;", "-")
                // ... the times sign becomes x, slashes hyphens, and dots hyphens ...
                .replace('\u00d7', 'x').replace('/', '-').replace('.', '-');
        // ... other entities go, then everything but a-z, 0-9, space, underscore and hyphen.
        s = ENTITIES.matcher(s).replaceAll("");
        s = NOT_ALLOWED.matcher(s).replaceAll("");
        s = WHITESPACE.matcher(s).replaceAll("-");
        s = HYPHENS.matcher(s).replaceAll("-");
        s = strip(s);
        if (s.length() > MAX_LENGTH) {
            s = strip(s.substring(0, MAX_LENGTH));
        }
        return s;
    }

    /** The n-th alternative for a taken slug, as wp_unique_post_slug makes it: {@code slug-2}, {@code slug-3}, … */
    public static String withSuffix(String slug, int n) {
        String suffix = "-" + n;
        String base = slug.length() + suffix.length() > MAX_LENGTH
                ? strip(slug.substring(0, MAX_LENGTH - suffix.length()))
                : slug;
        return base + suffix;
    }

    /** Whether {@code slug} is already in the form {@link #of} produces (an editor may choose a slug). */
    public static boolean isCanonical(String slug) {
        return slug.length() <= MAX_LENGTH && CANONICAL.matcher(slug).matches();
    }

    private static String removeAccents(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            String replacement = LETTERS.get(c);
            if (replacement != null) {
                out.append(replacement);
            } else {
                out.append(c);
            }
        }
        return COMBINING_MARKS.matcher(Normalizer.normalize(out, Normalizer.Form.NFD)).replaceAll("");
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
