package se.newsroom.render.site;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;

import se.newsroom.content.Article;
import se.newsroom.content.Text;
import se.newsroom.json.Json;
import se.newsroom.render.plan.Page;

/**
 * The readers' search index: one shard a month ({@code /sok/index/YYYY-MM.json}) holding that month's published
 * articles, newest first, and a manifest ({@code /sok/index.json}) naming the shards newest first with the folding
 * rule. A publish rewrites its month's shard (and the old month's when re-dated) and, when an article enters or leaves
 * a month, the manifest: at most three objects, whatever the site's size.
 *
 * <p>A shard entry, with short keys as it is downloaded many times: {@code t} title, {@code u} URL, {@code i} ISO
 * date-time, {@code d} the date in Swedish, {@code s} summary, {@code c} categories, {@code w} the body's terms:
 * folded, distinct, sorted, no stop words, none already among the title's, summary's or categories' words, at most
 * {@link #MAX_TERMS} (the first ones the body uses).
 */
public final class SearchIndex {
    /** The most terms of a body an entry keeps: a long text's later words rarely decide a reader's search. */
    public static final int MAX_TERMS = 400;
    /** Shorter words are not kept as body terms (they still match in titles, summaries and categories). */
    static final int MIN_TERM_LENGTH = 2;

    private final SwedishDates dates;

    public SearchIndex(SwedishDates dates) {
        this.dates = dates;
    }

    /** One article as a shard holds it. */
    @JsonPropertyOrder({"t", "u", "i", "d", "s", "c", "w"})
    public record Entry(String t, String u, String i, String d, String s, List<String> c, String w) {
    }

    /** A month's shard. */
    @JsonPropertyOrder({"month", "articles"})
    public record Shard(String month, List<Entry> articles) {
    }

    /** A shard named by the manifest. */
    @JsonPropertyOrder({"month", "url"})
    public record ShardRef(String month, String url) {
    }

    /** What the script reads first: the folding rule and the shards, newest first. */
    @JsonPropertyOrder({"fold", "stop", "shards"})
    public record Manifest(Map<String, String> fold, Set<String> stop, List<ShardRef> shards) {
    }

    /** The shard of {@code month}'s published articles (newest first), as JSON. */
    public byte[] shard(YearMonth month, List<Article> articles) {
        return json(new Shard(month.toString(), articles.stream().map(this::entry).toList()));
    }

    /** The manifest over the months that have published articles, newest first, as JSON. */
    public byte[] manifest(List<YearMonth> monthsNewestFirst) {
        return json(new Manifest(Folding.table(), new TreeSet<>(Folding.STOP_WORDS), monthsNewestFirst.stream()
                .map(m -> new ShardRef(m.toString(), new Page.SearchShard(m).path())).toList()));
    }

    /** An article's entry. */
    Entry entry(Article a) {
        Instant published = a.publishedAt().orElseThrow();
        Set<String> shown = new LinkedHashSet<>(Folding.words(a.title()));
        shown.addAll(Folding.words(a.summary()));
        a.categories().forEach(c -> shown.addAll(Folding.words(c)));
        // As every page: a character JSON's readers would choke on (from a value stored before the API refused it)
        // is written as U+FFFD.
        return new Entry(Text.printable(a.title()), a.url(), dates.iso(published), dates.date(published),
                Text.printable(a.summary()), a.categories().stream().map(Text::printable).toList(),
                String.join(" ", terms(Text.printable(a.body()), shown)));
    }

    /** The body's terms: see the class's description. */
    static Set<String> terms(String markdown, Set<String> shown) {
        Set<String> firstUsed = new LinkedHashSet<>();
        for (String word : Folding.words(BodyText.of(markdown))) {
            if (firstUsed.size() == MAX_TERMS) {
                break;
            }
            if (word.length() >= MIN_TERM_LENGTH && !Folding.STOP_WORDS.contains(word) && !shown.contains(word)) {
                firstUsed.add(word);
            }
        }
        return new TreeSet<>(firstUsed); // sorted: neighbours share prefixes, which compresses better
    }

    private static byte[] json(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing the search index", e);
        }
    }
}
