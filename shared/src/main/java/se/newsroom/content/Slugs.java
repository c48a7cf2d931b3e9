package se.newsroom.content;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * URL slugs made the way WordPress makes them ({@code sanitize_title}: {@code remove_accents} then
 * {@code sanitize_title_with_dashes}), so the URLs of a migrated WordPress site stay the same.
 *
 * <p>For a Swedish site WordPress applies no locale rule, so å and ä become a and ö becomes o. Where WordPress
 * would keep a character it cannot transliterate as a percent-encoded octet (e.g. Chinese), {@link #of} drops it (a
 * title of only such characters gets no slug, and the caller falls back to the article id), while
 * {@link #ofTerm} keeps it as WordPress keeps it in a term's slug: {@code Новости} → {@code %d0%bd%d0%be…}.
 *
 * <p>No pattern here can backtrack more than linearly: each is a single character class, repeated at most once.
 */
public final class Slugs {
    /** WordPress's column limit for post_name. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern CANONICAL = Pattern.compile("[a-z0-9_]+(?:-[a-z0-9_]+)*");
    private static final Pattern ENTITIES = Pattern.compile("&[^\\s;&]+;");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9 _-]");
    private static final Pattern NOT_ALLOWED_IN_TERM = Pattern.compile("[^%a-z0-9 _-]");
    private static final HexFormat HEX = HexFormat.of();
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
        return sanitize(title, false, MAX_LENGTH);
    }

    /**
     * The slug WordPress would give a term (a category) of this name: as {@link #of}, but characters it cannot
     * transliterate are kept as lower-case percent-encoded UTF-8 octets instead of dropped, and nothing is cut, so
     * names in other scripts (Cyrillic, Arabic, CJK, emoji) each get a slug of their own; empty when nothing
     * usable is left (e.g. only punctuation).
     */
    public static String ofTerm(String name) {
        return sanitize(name, true, Integer.MAX_VALUE);
    }

    private static String sanitize(String title, boolean keepOthers, int maxLength) {
        String s = removeAccents(stripTags(title)).toLowerCase(Locale.ROOT);
        // sanitize_title_with_dashes: no-break spaces and en/em dashes become hyphens ...
        s = s.replace('\u00a0', '-').replace('\u2013', '-').replace('\u2014', '-')
                .replace("&nbsp;", "-").replace("&ndash;", "-").replace("&mdash;", "-")
                // ... the times sign becomes x, slashes hyphens, and dots hyphens ...
                .replace('\u00d7', 'x').replace('/', '-').replace('.', '-');
        // ... other entities go, then everything but a-z, 0-9, space, underscore and hyphen (and, in a term, the
        // octets of what could not be transliterated).
        s = ENTITIES.matcher(s).replaceAll("");
        if (keepOthers) {
            s = NOT_ALLOWED_IN_TERM.matcher(encodeOthers(s.replace("%", ""))).replaceAll("");
        } else {
            s = NOT_ALLOWED.matcher(s).replaceAll("");
        }
        s = WHITESPACE.matcher(s).replaceAll("-");
        s = HYPHENS.matcher(s).replaceAll("-");
        s = strip(s);
        if (s.length() > maxLength) {
            s = strip(s.substring(0, maxLength));
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

    /**
     * What {@code <[^>]*>} removes, in one pass: that pattern rescans the rest of the text from every unclosed
     * {@code <}, quadratic in a title of many (40,000 of them took 9.7 s).
     */
    private static String stripTags(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf('<', i);
            int close = open < 0 ? -1 : s.indexOf('>', open + 1);
            if (close < 0) {
                // No tag closes after here: the rest is text, whatever '<' it holds.
                out.append(s, i, s.length());
                break;
            }
            out.append(s, i, open);
            i = close + 1;
        }
        return out.toString();
    }

    /**
     * remove_accents: a letter with marks becomes its base letter. Marks are dropped only after a Latin (ASCII)
     * base, so a letter of another script keeps its own (カ and ガ stay two letters for {@link #ofTerm}).
     */
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
        String decomposed = Normalizer.normalize(out, Normalizer.Form.NFD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        boolean afterLatin = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            boolean mark = switch (Character.getType(cp)) {
                case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
                default -> false;
            };
            if (!mark) {
                afterLatin = cp < 0x80;
            }
            if (!mark || !afterLatin) {
                kept.appendCodePoint(cp);
            }
        }
        return Normalizer.normalize(kept, Normalizer.Form.NFC);
    }

    /**
     * Every letter, digit or symbol outside ASCII as lower-case percent-encoded UTF-8 (WordPress's
     * {@code utf8_uri_encode}); other characters outside ASCII (punctuation, spaces, controls) are dropped.
     */
    private static String encodeOthers(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out.append((char) cp);
            } else if (Character.isLetterOrDigit(cp) || isSymbolOrMark(cp)) {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX.toHexDigits(b));
                }
            }
        }
        return out.toString();
    }

    private static boolean isSymbolOrMark(int cp) {
        return switch (Character.getType(cp)) {
            case Character.OTHER_SYMBOL, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
            default -> false;
        };
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
