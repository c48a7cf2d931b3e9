package se.newsroom.articles;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import se.newsroom.content.Article;
import se.newsroom.content.RevisionFields;

/**
 * A readable comparison of two versions of an article, field by field: title, summary, slug and status word by word,
 * the body line by line and then word by word within the lines that changed, the categories one by one. The diff is
 * java-diff-utils' Myers diff over those pieces; joined, a diff's equal and deleted texts give the old value back and
 * its equal and inserted texts the new one.
 */
final class RevisionDiff {
    /** A word (letters and digits), a run of white space, or any other one character (a dash, a full stop). */
    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}_]+|[ \\t\\x0B\\f\\r]+|.");

    /**
     * One piece of a diff.
     *
     * @param op   {@code equal}, {@code insert} or {@code delete}
     * @param text the text (a category's name, for categories)
     */
    record Segment(String op, String text) {
    }

    /**
     * How one field differs.
     *
     * @param field  its name, as the article's JSON has it
     * @param before its value in the older version ("" or [] when there is none)
     * @param after  its value in the newer version
     * @param diff   the pieces, in order
     */
    record FieldChange(String field, Object before, Object after, List<Segment> diff) {
    }

    private RevisionDiff() {
    }

    /** The fields that differ, in {@link RevisionFields#COMPARED}'s order; against nothing, every field set. */
    static List<FieldChange> between(Optional<Article> older, Article newer) {
        List<FieldChange> changes = new ArrayList<>();
        text(changes, "title", Article::title, older, newer, false);
        text(changes, "summary", Article::summary, older, newer, false);
        text(changes, "body", Article::body, older, newer, true);
        List<String> before = older.map(Article::categories).orElse(List.of());
        if (!before.equals(newer.categories())) {
            changes.add(new FieldChange("categories", before, newer.categories(), items(before,
                    newer.categories())));
        }
        text(changes, "slug", Article::slug, older, newer, false);
        text(changes, "status", a -> a.status().wireName(), older, newer, false);
        return changes;
    }

    private static void text(List<FieldChange> changes, String field, Function<Article, String> value,
                             Optional<Article> older, Article newer, boolean byLines) {
        String before = older.map(value).orElse("");
        String after = value.apply(newer);
        if (!before.equals(after)) {
            changes.add(new FieldChange(field, before, after, byLines ? lines(before, after) : words(before, after)));
        }
    }

    /** A diff of lines; where lines changed, of the words in them. */
    static List<Segment> lines(String before, String after) {
        List<String> a = splitLines(before);
        List<String> b = splitLines(after);
        List<Segment> out = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int at = delta.getSource().getPosition();
            add(out, "equal", String.join("", a.subList(next, at)));
            String removed = String.join("", delta.getSource().getLines());
            String added = String.join("", delta.getTarget().getLines());
            if (removed.isEmpty() || added.isEmpty()) {
                add(out, "delete", removed);
                add(out, "insert", added);
            } else {
                words(removed, added).forEach(s -> add(out, s.op(), s.text()));
            }
            next = at + delta.getSource().size();
        }
        add(out, "equal", String.join("", a.subList(next, a.size())));
        return out;
    }

    /** A diff of words (and the white space between them, line breaks being pieces of their own). */
    static List<Segment> words(String before, String after) {
        List<String> a = splitWords(before);
        List<String> b = splitWords(after);
        List<Segment> out = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int at = delta.getSource().getPosition();
            add(out, "equal", String.join("", a.subList(next, at)));
            add(out, "delete", String.join("", delta.getSource().getLines()));
            add(out, "insert", String.join("", delta.getTarget().getLines()));
            next = at + delta.getSource().size();
        }
        add(out, "equal", String.join("", a.subList(next, a.size())));
        return out;
    }

    /** A diff of two lists of names, one piece per name. */
    static List<Segment> items(List<String> before, List<String> after) {
        List<Segment> out = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            int at = delta.getSource().getPosition();
            before.subList(next, at).forEach(name -> out.add(new Segment("equal", name)));
            delta.getSource().getLines().forEach(name -> out.add(new Segment("delete", name)));
            delta.getTarget().getLines().forEach(name -> out.add(new Segment("insert", name)));
            next = at + delta.getSource().size();
        }
        before.subList(next, before.size()).forEach(name -> out.add(new Segment("equal", name)));
        return out;
    }

    /** Appends a piece, joined to the last one when it has the same op; an empty text adds nothing. */
    private static void add(List<Segment> out, String op, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && Objects.equals(out.getLast().op(), op)) {
            out.set(out.size() - 1, new Segment(op, out.getLast().text() + text));
        } else {
            out.add(new Segment(op, text));
        }
    }

    /** The lines of a text, each with its line break ("\n"), the last without one when the text has none. */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            lines.add(text.substring(start, i + 1));
            start = i + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Words, runs of spaces, and each line break on its own. */
    private static List<String> splitWords(String text) {
        List<String> pieces = new ArrayList<>();
        for (String line : splitLines(text)) {
            boolean broken = line.endsWith("\n");
            Matcher m = WORDS.matcher(broken ? line.substring(0, line.length() - 1) : line);
            while (m.find()) {
                pieces.add(m.group());
            }
            if (broken) {
                pieces.add("\n");
            }
        }
        return pieces;
    }
}
