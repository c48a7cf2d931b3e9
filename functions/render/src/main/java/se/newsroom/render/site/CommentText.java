package se.newsroom.render.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment's plain text as the page shows it: paragraphs kept, web addresses made into links (which the template
 * marks {@code rel="nofollow ugc"}), and never any HTML of the reader's.
 */
public final class CommentText {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final String TRAILING = ".,;:!?)]}'";

    private CommentText() {
    }

    /** A run of text, or a link when {@code url} is not null. */
    public record Segment(String text, String url) {
        public boolean isLink() {
            return url != null;
        }
    }

    /** The paragraphs of a comment (blank lines separate them), each as text and link segments. */
    public static List<List<Segment>> paragraphs(String body) {
        return Arrays.stream(body.strip().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty())
                .map(CommentText::segments).toList();
    }

    static List<Segment> segments(String paragraph) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = URL.matcher(paragraph);
        int at = 0;
        while (m.find()) {
            String url = m.group();
            int end = m.end();
            // A sentence's closing punctuation is not part of the address.
            while (!url.isEmpty() && TRAILING.indexOf(url.charAt(url.length() - 1)) >= 0) {
                url = url.substring(0, url.length() - 1);
                end--;
            }
            if (m.start() > at) {
                segments.add(new Segment(paragraph.substring(at, m.start()), null));
            }
            segments.add(new Segment(url, url));
            at = end;
        }
        if (at < paragraph.length()) {
            segments.add(new Segment(paragraph.substring(at), null));
        }
        return segments;
    }
}
