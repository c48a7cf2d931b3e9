package se.newsroom.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import se.newsroom.content.Article;
import se.newsroom.render.output.FolderSiteWriter;
import se.newsroom.render.plan.Page;
import se.newsroom.render.site.RenderedObject;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SnapshotSiteContent;

/**
 * The search index's size (not a test): the render bench's 10,000 articles, and the same articles with bodies of
 * distinct words, rendered into their month shards and manifest. Prints a table of raw and gzip sizes and writes each
 * site's search objects under the folder given, for the browser half (local's SearchFirstResultBench). Run with
 * bench/search-index.sh.
 */
public final class SearchIndexBench {
    private static final int ARTICLES = Integer.getInteger("bench.articles", 10_000);

    private SearchIndexBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<Article> bench = RenderBench.generate(ARTICLES);
        System.out.println("| corpus | shards | index raw | index gzip | manifest raw / gzip | largest shard raw / gzip"
                + " | median shard gzip | raw bytes an article adds | render of the whole index |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        row("bench (bodies: the two seeds' texts, alternating)", bench, out.resolve("bench"));
        row("distinct words (300 a body, Zipf over 40,000 made-up words)", distinctBodies(bench),
                out.resolve("distinct"));
    }

    private static void row(String name, List<Article> site, Path folder) {
        SnapshotSiteContent content = new SnapshotSiteContent(site, Map.of(), Seeds.STOCKHOLM);
        SiteRenderer renderer = Seeds.renderer();
        FolderSiteWriter writer = new FolderSiteWriter(folder);
        for (Page page : List.of(new Page.Search(), new Page.Asset("site.css"), new Page.Asset("site.js"),
                new Page.Asset("search.js"))) {
            renderer.render(page, content).ifPresent(writer::put);
        }
        long start = System.nanoTime();
        RenderedObject manifest = renderer.render(new Page.SearchManifest(), content).orElseThrow();
        List<RenderedObject> shards = new ArrayList<>();
        for (var month : content.months()) {
            shards.add(renderer.render(new Page.SearchShard(month), content).orElseThrow());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        writer.put(manifest);
        shards.forEach(writer::put);
        long raw = shards.stream().mapToLong(s -> s.body().length).sum();
        List<Long> gz = shards.stream().map(s -> (long) gzip(s.body())).sorted().toList();
        long gzTotal = gz.stream().mapToLong(Long::longValue).sum();
        RenderedObject largest = shards.stream().max((a, b) -> Integer.compare(a.body().length, b.body().length))
                .orElseThrow();
        System.out.printf("| %s | %d | %s | %s | %s / %s | %s / %s | %s | %,d | %.2f s |%n", name, shards.size(),
                size(raw), size(gzTotal), size(manifest.body().length), size(gzip(manifest.body())),
                size(largest.body().length), size(gzip(largest.body())), size(gz.get(gz.size() / 2)),
                raw / site.size(), seconds);
    }

    /** The bench's articles with bodies of 300 words each, drawn (Zipf, s = 1) from 40,000 made-up words. */
    private static List<Article> distinctBodies(List<Article> site) {
        Random random = new Random(15);
        String[] syllables = {"ba", "ber", "da", "fa", "gen", "hus", "kom", "la", "lig", "mun", "na", "ning", "o",
            "på", "ra", "sam", "sko", "stad", "tid", "ut", "vä", "ör", "ål", "ing", "het", "skap", "vård", "väg"};
        String[] vocabulary = new String[40_000];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder word = new StringBuilder();
            int parts = 2 + random.nextInt(3);
            for (int p = 0; p < parts; p++) {
                word.append(syllables[random.nextInt(syllables.length)]);
            }
            vocabulary[i] = word.append(i % 97).toString();
        }
        double[] cumulative = new double[vocabulary.length];
        double sum = 0;
        for (int i = 0; i < vocabulary.length; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        List<Article> varied = new ArrayList<>();
        for (Article a : site) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 300; w++) {
                double pick = random.nextDouble() * sum;
                int index = Arrays.binarySearch(cumulative, pick);
                body.append(vocabulary[Math.min(vocabulary.length - 1, index < 0 ? -index - 1 : index)])
                        .append(w % 15 == 14 ? ".\n\n" : " ");
            }
            varied.add(a.toBuilder().body(body.toString()).build());
        }
        return varied;
    }

    private static int gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    private static String size(long bytes) {
        return bytes < 10_000 ? "%,d B".formatted(bytes) : bytes < 10_000_000 ? "%,.1f KiB".formatted(bytes / 1024.0)
                : "%,.1f MiB".formatted(bytes / 1024.0 / 1024.0);
    }
}
