package se.newsroom.render.site;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import se.newsroom.content.Text;

/**
 * Swedish folding for the readers' search: the one rule both the index (built here) and the search script apply. The
 * script does not carry its own copy: it reads {@link #table()} and {@link #STOP_WORDS} from the index's manifest
 * and takes the same four steps as {@link #fold}: NFC, lower case, the table, split on what is not a letter or digit.
 * So "ÖSTERSUND", "östersund" and "Ostersund" are the same word, and "Café" is "cafe".
 */
public final class Folding {
    /** Words too common to tell articles apart; left out of the body's terms (and of queries that have others). */
    public static final Set<String> STOP_WORDS = Set.of("alla", "allt", "andra", "att", "av", "bara", "bli", "blir",
            "da", "de", "dem", "den", "denna", "deras", "dess", "det", "detta", "dig", "din", "dina", "ditt", "du",
            "efter", "eller", "en", "er", "era", "ert", "ett", "for", "fran", "har", "hade", "han", "hans", "hon",
            "hur", "i", "in", "inte", "jag", "ju", "kan", "man", "med", "mellan", "men", "mig", "min", "mot", "mycket",
            "na", "nagon", "nagot", "nar", "ni", "nu", "och", "om", "oss", "over", "pa", "sa", "samt", "sedan", "sig",
            "sin", "sina", "sitt", "ska", "skulle", "som", "till", "under", "upp", "ut", "utan", "vad", "var", "vara",
            "vi", "vid", "vilka", "vilken", "vill", "ar", "at", "an", "aven");
    private static final char FIRST = '\u00C0';
    private static final char LAST = '\u024F';
    private static final Map<Character, String> TABLE = buildTable();
    /** {@link #TABLE} as an array from {@link #FIRST}: a rebuild folds every body, so no boxing or tree per letter. */
    private static final String[] BY_CHAR = new String[LAST - FIRST + 1];

    static {
        TABLE.forEach((c, to) -> BY_CHAR[c - FIRST] = to);
    }

    private Folding() {
    }

    /** The text folded: NFC, lower case, each letter through {@link #table()}; separators are kept. */
    public static String fold(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            append(folded, lower.charAt(i));
        }
        return folded.toString();
    }

    /**
     * The folded words of a text, in order, repeats kept: {@link #fold} split on every run of characters that are
     * neither letters nor numbers (the script's {@code /[^\p{L}\p{N}]+/u}); folding maps letters to letters, so
     * where the words end does not change.
     */
    public static List<String> words(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (letterOrNumber(c)) {
                if (Character.isBmpCodePoint(c)) {
                    append(word, (char) c);
                } else {
                    word.appendCodePoint(c);
                }
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static void append(StringBuilder out, char c) {
        String replacement = c >= FIRST && c <= LAST ? BY_CHAR[c - FIRST] : null;
        if (replacement == null) {
            out.append(c);
        } else {
            out.append(replacement);
        }
    }

    /** Unicode's L and N categories, as {@code \p{L}} and {@code \p{N}} name them. */
    private static boolean letterOrNumber(int c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /**
     * The table, grouped by what the letters become ({@code "a" -> "àáâãäå…"}): compact for the manifest. Built with
     * {@link Text#folded}, the editors' title search's folding, for every lower-case Latin letter up to U+024F: the
     * site has one idea of which letters are the same.
     */
    public static Map<String, String> table() {
        Map<String, StringBuilder> grouped = new TreeMap<>();
        TABLE.forEach((c, to) -> grouped.computeIfAbsent(to, k -> new StringBuilder()).append(c));
        Map<String, String> table = new TreeMap<>();
        grouped.forEach((to, from) -> {
            char[] letters = from.toString().toCharArray();
            Arrays.sort(letters);
            table.put(to, new String(letters));
        });
        return table;
    }

    private static Map<Character, String> buildTable() {
        Map<Character, String> table = new TreeMap<>();
        for (char c = FIRST; c <= LAST; c++) {
            if (!Character.isLetter(c) || Character.toLowerCase(c) != c) {
                continue;
            }
            String folded = Text.folded(String.valueOf(c));
            if (!folded.equals(String.valueOf(c)) && !folded.isEmpty()) {
                table.put(c, folded);
            }
        }
        return table;
    }
}
