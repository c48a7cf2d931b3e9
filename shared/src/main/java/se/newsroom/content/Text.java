package se.newsroom.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What text editors and readers may send, and how the site writes whatever is stored.
 *
 * <p>At the API every text field is checked by {@link #flaw}: refused are characters that XML 1.0 or HTML cannot
 * carry (C0 controls but tab, line feed and carriage return; DEL and the C1 controls; unpaired surrogates; the
 * noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF), U+FFFD (the mark of a character already lost to a bad encoding),
 * and the bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which make text
 * read, and be read aloud, in another order than it is stored: a title could show one word and link another. A
 * one-line field (title, author, category, a reader's name) refuses line breaks and tabs too. Other invisible
 * format characters are kept (the zero-width joiner builds emoji, the soft hyphen breaks long Swedish words, the
 * left-to-right and right-to-left marks order mixed text), but a title or name must hold a {@link #hasVisible visible}
 * character. Accepted text is {@link #normalize normalized} to NFC, line breaks to LF.
 *
 * <p>At the output, {@link #printable} makes any stored value writable to HTML and XML, so one bad value stored
 * before these rules (or written past them) cannot stop a page or the feed from rendering.
 */
public final class Text {
    /** Why a text was refused. */
    public enum Kind {
        /** A control character (C0 but tab, LF and CR; DEL; C1). */
        CONTROL,
        /** One half of a surrogate pair without the other. */
        LONE_SURROGATE,
        /** A Unicode noncharacter (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF). */
        NONCHARACTER,
        /** U+FFFD, the replacement character: something was lost before the text reached us. */
        REPLACEMENT,
        /** A bidirectional embedding, override or isolate control. */
        BIDI_CONTROL,
        /** A line break or tab in a one-line field. */
        LINE_BREAK
    }

    /**
     * The first character a field may not hold.
     *
     * @param codePoint the character (or the lone surrogate)
     */
    public record Flaw(Kind kind, int codePoint) {
        /** The character as Unicode names it, e.g. {@code U+0000}. */
        public String unicode() {
            return "U+%04X".formatted(codePoint);
        }

        /** What is wrong, in English, as the editors' API words a field error. */
        public String message() {
            return switch (kind) {
                case CONTROL -> "must not contain " + unicode() + ", a control character";
                case LONE_SURROGATE -> "must not contain " + unicode() + ", half of a character (a lone surrogate)";
                case NONCHARACTER -> "must not contain " + unicode() + ", which is not a character";
                case REPLACEMENT -> "must not contain " + unicode()
                        + ", the mark of a character lost to a wrong encoding";
                case BIDI_CONTROL -> "must not contain " + unicode()
                        + ", a bidirectional control that makes text read in another order than it is stored";
                case LINE_BREAK -> "must be one line, without line breaks or tabs";
            };
        }
    }

    private static final int REPLACEMENT_CHARACTER = 0xFFFD;
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private Text() {
    }

    /** The first character of {@code value} that a field may not hold; empty when it may hold them all. */
    public static Optional<Flaw> flaw(String value, boolean oneLine) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int width = Character.charCount(c);
            Optional<Kind> kind = Character.isSurrogate((char) c) && width == 1 ? Optional.of(Kind.LONE_SURROGATE)
                    : kind(c, oneLine);
            if (kind.isPresent()) {
                return Optional.of(new Flaw(kind.get(), c));
            }
            i += width;
        }
        return Optional.empty();
    }

    private static Optional<Kind> kind(int c, boolean oneLine) {
        if (c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
            return oneLine ? Optional.of(Kind.LINE_BREAK) : Optional.empty();
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return Optional.of(Kind.CONTROL);
        }
        if (isNoncharacter(c)) {
            return Optional.of(Kind.NONCHARACTER);
        }
        if (c == REPLACEMENT_CHARACTER) {
            return Optional.of(Kind.REPLACEMENT);
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return Optional.of(Kind.BIDI_CONTROL);
        }
        return Optional.empty();
    }

    private static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    /**
     * Whether {@code value} holds a character a reader sees: a letter, digit, punctuation mark or symbol (not only
     * spaces, zero-width or other format characters, or combining marks on nothing).
     */
    public static boolean hasVisible(String value) {
        return value != null && value.codePoints().anyMatch(c -> switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        });
    }

    /**
     * Accepted text as stored: NFC (so "å" typed as a + ring is the same text as "å"), every line break (CR LF, CR,
     * U+2028, U+2029) an LF. Call after {@link #flaw} found nothing.
     */
    public static String normalize(String value) {
        String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
        return nfc.indexOf('\r') < 0 && nfc.indexOf('\u2028') < 0 && nfc.indexOf('\u2029') < 0 ? nfc
                : nfc.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
    }

    /**
     * Text as a search compares it: lower case, without diacritics (decomposed, the combining marks dropped), so
     * "Vägarbete", "VAGARBETE" and "vägarbete" are one ("å", "ä" become "a", "ö" becomes "o", as in slugs).
     */
    public static String folded(String value) {
        String decomposed = Normalizer.normalize(value.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("");
    }

    /**
     * {@code value} with every character that HTML or XML cannot carry (controls but tab, LF and CR; lone surrogates;
     * noncharacters) replaced by U+FFFD, for writing a stored value whatever it holds. The same string when there is
     * none, which is almost always.
     */
    public static String printable(String value) {
        if (value == null) {
            return null;
        }
        int first = firstUnprintable(value, 0);
        if (first < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length()).append(value, 0, first);
        for (int i = first; i < value.length(); ) {
            int c = value.codePointAt(i);
            int width = Character.charCount(c);
            out.appendCodePoint(unprintable(value, i, c) ? REPLACEMENT_CHARACTER : c);
            i += width;
        }
        return out.toString();
    }

    private static int firstUnprintable(String value, int from) {
        // Every page goes through here whole: a plain pass over its characters, in which printable ASCII, line breaks
        // and U+00A0–U+D7FF (Swedish letters, dashes, quotes) need no code point, for they hold nothing to replace.
        char[] chars = value.toCharArray();
        for (int i = from; i < chars.length; i++) {
            char ch = chars[i];
            if ((ch >= 0x20 && ch < 0x7F) || (ch >= 0xA0 && ch < 0xD800) || ch == '\n' || ch == '\t' || ch == '\r') {
                continue;
            }
            int c = value.codePointAt(i);
            if (unprintable(value, i, c)) {
                return i;
            }
            i += Character.charCount(c) - 1;
        }
        return -1;
    }

    private static boolean unprintable(String value, int at, int c) {
        if (c >= 0x20 && c < 0x7F) {
            return false;
        }
        if (Character.isSurrogate(value.charAt(at)) && Character.charCount(c) == 1) {
            return true;
        }
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || isNoncharacter(c);
    }
}
