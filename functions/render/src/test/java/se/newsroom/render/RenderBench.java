package se.newsroom.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Slugs;
import se.newsroom.render.output.FolderSiteWriter;
import se.newsroom.render.plan.Change;
import se.newsroom.render.plan.Page;
import se.newsroom.render.plan.PagePlan;
import se.newsroom.render.plan.PagePlanner;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SnapshotSiteContent;

/**
 * The render benchmark (not a test): a generated site of 10,000 Swedish articles, rendered in full by Newsroom and
 * by Hugo from the same Markdown, side by side; then one incremental publish. Its {@link #generate} is the corpus of
 * bench/render-vs-hugo.sh, which compares fresh processes ({@link RebuildBench}); this warm in-JVM run is not.
 */
public final class RenderBench {
    private static final int ARTICLES = Integer.getInteger("bench.articles", 10_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    private RenderBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("newsroom-bench");
        List<Article> site = generate(ARTICLES);
        SnapshotSiteContent content = new SnapshotSiteContent(site, Map.of(), Seeds.STOCKHOLM);
        SiteRenderer renderer = Seeds.renderer();
        int cores = Runtime.getRuntime().availableProcessors();

        // Newsroom: full render to a folder, best of RUNS after one warm-up (the JVM's JIT warms like a container).
        long best = Long.MAX_VALUE;
        int pages = 0;
        for (int run = 0; run <= RUNS; run++) {
            Path out = work.resolve("newsroom-" + run);
            long start = System.nanoTime();
            pages = new SiteBuild(renderer, new FolderSiteWriter(out), cores, Seeds.STOCKHOLM).run(content);
            long took = System.nanoTime() - start;
            if (run > 0) {
                best = Math.min(best, took);
            }
        }
        double newsroomSeconds = best / 1e9;

        // Hugo: the same articles as Markdown with front matter, minimal layouts of the same page types.
        Path hugoSite = work.resolve("hugo");
        writeHugoSite(hugoSite, site);
        long hugoBest = Long.MAX_VALUE;
        long hugoPages = 0;
        for (int run = 0; run < RUNS; run++) {
            Path out = work.resolve("hugo-public-" + run);
            long start = System.nanoTime();
            Process hugo = new ProcessBuilder("hugo", "--quiet", "--source", hugoSite.toString(), "--destination",
                    out.toString()).inheritIO().start();
            if (!hugo.waitFor(10, TimeUnit.MINUTES) || hugo.exitValue() != 0) {
                throw new IllegalStateException("hugo failed");
            }
            hugoBest = Math.min(hugoBest, System.nanoTime() - start);
            try (Stream<Path> files = Files.walk(out)) {
                hugoPages = files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".xml")).count();
            }
        }
        double hugoSeconds = hugoBest / 1e9;

        // One incremental publish on the same site: plan, render and write the pages it touches.
        Article draft = article(ARTICLES + 1, Instant.parse("2020-06-15T08:00:00Z"), ArticleStatus.DRAFT);
        Article published = article(ARTICLES + 1, Instant.parse("2020-06-15T08:00:00Z"), ArticleStatus.PUBLISHED);
        List<Article> after = new ArrayList<>(site);
        after.add(published);
        SnapshotSiteContent afterContent = new SnapshotSiteContent(after, Map.of(), Seeds.STOCKHOLM);
        PagePlanner planner = new PagePlanner(Seeds.STOCKHOLM);
        FolderSiteWriter writer = new FolderSiteWriter(work.resolve("newsroom-1"));
        long incBest = Long.MAX_VALUE;
        int objects = 0;
        for (int run = 0; run <= RUNS; run++) {
            long start = System.nanoTime();
            PagePlan plan = planner.plan(new Change.ArticleChanged(Optional.of(draft), Optional.of(published)),
                    afterContent);
            for (Page page : plan.pages()) {
                renderer.render(page, afterContent).ifPresent(writer::put);
            }
            objects = plan.pages().size();
            if (run > 0) {
                incBest = Math.min(incBest, System.nanoTime() - start);
            }
        }

        System.out.printf("%nRender benchmark: %d articles, %d cores, best of %d runs%n%n", ARTICLES, cores, RUNS);
        System.out.println("| renderer | pages written | seconds | pages/s |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| Newsroom full rebuild (SiteBuild, %d threads) | %d | %.2f | %.0f |%n", cores, pages,
                newsroomSeconds, pages / newsroomSeconds);
        System.out.printf("| Hugo %s | %d | %.2f | %.0f |%n", hugoVersion(), hugoPages, hugoSeconds,
                hugoPages / hugoSeconds);
        System.out.printf("%nNewsroom / Hugo pages per second: %.2f%n", (pages / newsroomSeconds)
                / (hugoPages / hugoSeconds));
        System.out.printf("Incremental publish of one article: %d objects written, %.1f ms%n", objects, incBest / 1e6);
    }

    static List<Article> generate(int count) {
        return generate(count, Seeds.articles().get(0).body(), Seeds.articles().get(1).body());
    }

    /** {@code count} published articles, their bodies alternately {@code first} and {@code second}. */
    static List<Article> generate(int count, String first, String second) {
        List<Article> articles = new ArrayList<>();
        Instant start = Instant.parse("2012-01-01T08:00:00Z");
        for (int i = 0; i < count; i++) {
            articles.add(article(i, start.plusSeconds(i * 25_000L), ArticleStatus.PUBLISHED));
        }
        // Bodies of realistic Swedish length: the seeds' own paragraphs.
        List<Article> withBodies = new ArrayList<>();
        for (Article a : articles) {
            int n = Integer.parseInt(a.id().substring(10));
            List<String> related = n >= 3 && n % 3 == 0 ? List.of(id(n - 1), id(n - 2)) : List.of();
            withBodies.add(new Article(a.id(), a.slug(), a.title(), a.summary(), n % 2 == 0 ? first : second,
                    a.categories(), related, a.status(), a.publishAt(), a.publishedAt(), a.createdAt(), a.updatedAt(),
                    a.author(), true, 1, List.of()));
        }
        return withBodies;
    }

    static Article article(int n, Instant published, ArticleStatus status) {
        String title = "Nyhet %d om Individ och familj i Båstad".formatted(n);
        return new Article(id(n), Slugs.of(title), title, "Sammanfattning av nyhet " + n + " – kort och tydlig.",
                "", List.of("Kategori " + (n % 12), "Område " + (n % 5)), List.of(), status, Optional.empty(),
                Optional.of(published), published, published, "Redaktionen", true, 1, List.of());
    }

    static String id(int n) {
        return "01BENCH000" + "%016d".formatted(n);
    }

    private static void writeHugoSite(Path root, List<Article> site) throws IOException {
        Files.createDirectories(root.resolve("content/nyheter"));
        Files.createDirectories(root.resolve("layouts/_default"));
        Files.writeString(root.resolve("hugo.toml"), """
                baseURL = "https://www.bastad.se/"
                languageCode = "sv-SE"
                title = "Båstads Kommun"
                disableKinds = ["RSS"]
                [taxonomies]
                  category = "categories"
                [outputs]
                  home = ["HTML", "RSS"]
                """);
        Files.writeString(root.resolve("layouts/_default/baseof.html"), """
                <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
                <body><main>{{ block "main" . }}{{ end }}</main></body></html>
                """);
        // CHECKSTYLE.OFF: LineLength
        Files.writeString(root.resolve("layouts/_default/single.html"), """
                {{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>
                {{ .Content }}{{ with .Params.categories }}<p>{{ range . }}<a href="/categories/{{ . | urlize }}/">{{ . }}</a> {{ end }}</p>{{ end }}</article>{{ end }}
                """);
        Files.writeString(root.resolve("layouts/_default/list.html"), """
                {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}
                """);
        // CHECKSTYLE.ON: LineLength
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        for (Article a : site) {
            StringBuilder md = new StringBuilder("---\n");
            md.append("title: \"").append(a.title()).append("\"\n");
            md.append("date: ").append(iso.format(a.publishedAt().orElseThrow().atOffset(ZoneOffset.UTC))).append('\n');
            md.append("slug: ").append(a.slug()).append('\n');
            md.append("summary: \"").append(a.summary()).append("\"\n");
            md.append("categories: [").append(String.join(", ", a.categories().stream()
                    .map(c -> "\"" + c + "\"").toList())).append("]\n---\n\n").append(a.body());
            Files.writeString(root.resolve("content/nyheter/" + a.slug() + ".md"), md);
        }
    }

    private static String hugoVersion() {
        try {
            Process p = new ProcessBuilder("hugo", "version").start();
            String v = new String(p.getInputStream().readAllBytes()).strip();
            return v.split(" ").length > 1 ? v.split(" ")[1].replace("+extended", "") : v;
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
