package se.newsroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.newsroom.content.CommentDigestStore.Waiting;

/**
 * The moderators' digest in Swedish: how many new comments wait, on which articles (title and count, in the order
 * their oldest comment came in), how long the oldest of them has waited, and the desk's comment queue. It is made
 * from ids, article titles and times only: no commenter's name, text, email address or its hash can reach it.
 */
public final class DigestText {
    /** An article the table no longer has (deleted after the comment came in). */
    static final String UNKNOWN_ARTICLE = "(en artikel som inte längre finns)";
    /** The articles named one by one; the rest are counted on one line. */
    static final int MAX_ARTICLES = 25;
    private final String queueUrl;

    /** {@code siteUrl}: the site's public address, without a trailing slash. */
    public DigestText(String siteUrl) {
        this.queueUrl = siteUrl + "/redaktion/#/kommentarer";
    }

    /**
     * The notice of these waiting comments (at least one), oldest first.
     *
     * @param titles the articles' titles by id; an article missing from it is named as one that no longer exists
     */
    public Notice digest(List<Waiting> waiting, Map<String, String> titles, Instant now) {
        if (waiting.isEmpty()) {
            throw new IllegalArgumentException("A digest tells of at least one comment");
        }
        Map<String, Integer> perArticle = new LinkedHashMap<>();
        waiting.forEach(w -> perArticle.merge(w.articleId(), 1, Integer::sum));
        Instant oldest = waiting.stream().map(Waiting::createdAt).min(Instant::compareTo).orElseThrow();
        String count = comments(waiting.size());
        StringBuilder text = new StringBuilder()
                .append(count).append(" väntar på granskning")
                .append(perArticle.size() == 1 ? ", på en artikel:" : ", på " + perArticle.size() + " artiklar:")
                .append("\n\n");
        // A flood (spam on many articles) still makes a short mail, well within SNS's 256 KB.
        perArticle.entrySet().stream().limit(MAX_ARTICLES).forEach(e -> text.append("  • ")
                .append(titles.getOrDefault(e.getKey(), UNKNOWN_ARTICLE)).append(": ").append(e.getValue())
                .append('\n'));
        if (perArticle.size() > MAX_ARTICLES) {
            int rest = perArticle.values().stream().skip(MAX_ARTICLES).mapToInt(Integer::intValue).sum();
            text.append("  … och ").append(perArticle.size() - MAX_ARTICLES).append(" artiklar till, med ")
                    .append(rest).append(rest == 1 ? " kommentar" : " kommentarer").append('\n');
        }
        text.append('\n')
                .append(waiting.size() == 1 ? "Den har väntat i " : "Den äldsta av dem har väntat i ")
                .append(age(Duration.between(oldest, now))).append(".\n\n")
                .append(waiting.size() == 1 ? "Granska den" : "Granska dem").append(" i redaktionen: ")
                .append(queueUrl).append("\n\n")
                .append("En sammanfattning från Newsroom, högst en var femte minut och bara när nya kommentarer har "
                        + "kommit in. Kommentatorernas e-postadresser står aldrig i den.\n");
        return Notice.of(count + " väntar på granskning", text.toString());
    }

    /** "1 ny kommentar", "3 nya kommentarer". */
    static String comments(int n) {
        return n == 1 ? "1 ny kommentar" : n + " nya kommentarer";
    }

    /** A waiting time as Swedish words: minutes within the hour, hours within two days, then days. */
    static String age(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 1) {
            return "mindre än en minut";
        }
        if (minutes < 60) {
            return minutes == 1 ? "1 minut" : minutes + " minuter";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours == 1 ? "1 timme" : hours + " timmar";
        }
        return (hours / 24) + " dygn";
    }
}
