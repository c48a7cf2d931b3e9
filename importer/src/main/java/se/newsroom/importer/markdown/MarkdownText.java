package se.newsroom.importer.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text made safe for CommonMark: what a reader sees stays literal, a {@code *} or a {@code #} included. */
final class MarkdownText {
    /** Characters that start Markdown inline syntax anywhere in a line. */
    private static final Pattern INLINE_SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>]|!(?=\\[)|&(?=#?\\w+;)");
    /** What makes a line a heading, a quote, a list item, a fence or a thematic break when it starts it. */
    private static final Pattern LINE_START = Pattern.compile(
            "^(#{1,6}(?=\\s|$)|[>+-](?=\\s|$)|\\d{1,9}(?=[.)](?:\\s|$))|=+\\s*$|-+\\s*$|~~~)");
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\r\\n\\f]+");

    private MarkdownText() {
    }

    /** Text with every inline special character escaped (what starts a line is {@link #line}'s concern). */
    static String escape(String text) {
        Matcher m = INLINE_SPECIAL.matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement("\\" + r.group()));
    }

    /** A line of a paragraph, with what would make it a block (a heading, a list item, …) escaped. */
    static String line(String line) {
        Matcher m = LINE_START.matcher(line);
        if (!m.find()) {
            return line;
        }
        String start = m.group();
        if (Character.isDigit(start.charAt(0))) {
            return start + "\\" + line.substring(start.length());
        }
        return "\\" + line;
    }

    /** An inline code span around {@code code}, fenced by more backticks than it holds in a row. */
    static String code(String code) {
        String text = collapse(code).strip();
        String fence = "`".repeat(longestRun(text, '`') + 1);
        boolean pad = text.startsWith("`") || text.endsWith("`");
        return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
    }

    /** A fence for a code block around {@code code}: three backticks, or more than it holds in a row. */
    static String fence(String code) {
        return "`".repeat(Math.max(3, longestRun(code, '`') + 1));
    }

    /** A link or image destination: spaces encoded, in angle brackets when it has a bracket that would end it. */
    static String destination(String url) {
        String plain = url.strip().replace(" ", "%20"); // as a browser sends it
        if (plain.matches("[^\\s()<>\\\\]*")) {
            return plain;
        }
        return "<" + plain.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E").replace("\n", "%0A") + ">";
    }

    /** HTML's whitespace (not the no-break space, which is text) as single spaces. */
    static String collapse(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ");
    }

    /** Whether the text has nothing a reader sees: HTML whitespace and no-break spaces only. */
    static boolean blank(String text) {
        return text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
                || c == '\u00a0');
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
