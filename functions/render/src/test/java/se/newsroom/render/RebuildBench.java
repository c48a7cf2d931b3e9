package se.newsroom.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.json.Json;
import se.newsroom.render.output.FolderSiteWriter;
import se.newsroom.render.site.SnapshotSiteContent;

/**
 * The fresh-process rebuild benchmark's two commands (not a test), run by bench/render-vs-hugo.sh:
 * {@code corpus <site> [articles]} (run in the repository) writes the bench's articles and approved comments as a
 * Hugo site's content files (JSON front matter, Markdown body); {@code render <site> <out>} reads those same files
 * and renders the whole site with Newsroom's full rebuild ({@link SiteBuild}, {@link SnapshotSiteContent},
 * {@link FolderSiteWriter}) into a folder, in this JVM, as a fresh {@code hugo} does with its layouts. One input,
 * two renderers.
 */
public final class RebuildBench {
    private static final String CONTENT = "content/nyheter";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** Reads a file's JSON front matter and stops there: the Markdown body follows it. */
    private static final ObjectReader FRONT_MATTER = Json.MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RebuildBench() {
    }

    public static void main(String[] args) throws IOException {
        switch (args.length > 1 ? args[0] : "") {
            case "corpus" -> corpus(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 10_000);
            case "render" -> System.out.println(render(Path.of(args[1]), Path.of(args[2])));
            default -> throw new IllegalArgumentException("Usage: corpus <site> [articles] | render <site> <out>");
        }
    }

    /** Writes {@code count} articles (those of {@link RenderBench#generate}) and their comments under the site. */
    static void corpus(Path site, int count) throws IOException {
        Path dir = site.resolve(CONTENT);
        Files.createDirectories(dir);
        List<Article> articles = RenderBench.generate(count, exampleBody("create-statusuppdatering.json"),
                exampleBody("create-politiska-styrningen.json"));
        Map<String, String> slugs = new HashMap<>();
        articles.forEach(a -> slugs.put(a.id(), a.slug()));
        for (Article a : articles) {
            ObjectNode front = Json.MAPPER.createObjectNode();
            front.put("id", a.id());
            front.put("title", a.title());
            front.put("slug", a.slug());
            ZonedDateTime published = a.publishedAt().orElseThrow().atZone(Seeds.STOCKHOLM);
            front.put("date", ISO.format(published));
            front.put("lastmod", ISO.format(a.updatedAt().atZone(Seeds.STOCKHOLM)));
            front.put("summary", a.summary());
            front.put("author", a.author());
            front.put("commentsOpen", a.commentsOpen());
            ArrayNode categories = front.putArray("kategori");
            a.categories().forEach(categories::add);
            front.putArray("arkiv").add(YearMonth.from(published).toString()); // Hugo's month pages: a taxonomy
            ArrayNode related = front.putArray("related");
            a.related().forEach(id -> related.add(slugs.get(id)));
            ArrayNode comments = front.putArray("comments");
            for (Comment c : comments(a)) {
                ObjectNode comment = comments.addObject();
                comment.put("id", c.id());
                comment.put("parent", c.parentId().orElse(""));
                comment.put("author", c.author());
                comment.put("date", ISO.format(c.createdAt().atZone(Seeds.STOCKHOLM)));
                comment.put("body", c.body());
            }
            Files.writeString(dir.resolve(a.slug() + ".md"),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(front) + "\n\n" + a.body());
        }
    }

    /** The body of an example article of events/articles (read from the working directory, the repository). */
    private static String exampleBody(String event) throws IOException {
        JsonNode request = Json.MAPPER.readTree(Files.readString(Path.of("events/articles", event)));
        return Json.MAPPER.readTree(request.path("body").asText()).path("body").asText();
    }

    /** Approved comments on every fourth article: two readers, and a reply to the first. */
    private static List<Comment> comments(Article a) {
        int n = Integer.parseInt(a.id().substring(10));
        if (n % 4 != 0) {
            return List.of();
        }
        Instant t = a.publishedAt().orElseThrow();
        String first = "01BENCHC%015d1".formatted(n);
        return List.of(
                new Comment(first, a.id(), Optional.empty(), "Anna Andersson",
                        "Bra att ni informerar om detta.\n\nNär börjar det gälla?", CommentStatus.APPROVED,
                        t.plusSeconds(3_600), 1),
                new Comment("01BENCHC%015d2".formatted(n), a.id(), Optional.of(first), "Redaktionen",
                        "Från och med nästa månad. Mer finns på kommunens webbplats.", CommentStatus.APPROVED,
                        t.plusSeconds(7_200), 2),
                new Comment("01BENCHC%015d3".formatted(n), a.id(), Optional.empty(), "Bertil Ek",
                        "Tack för en tydlig sammanfattning!", CommentStatus.APPROVED, t.plusSeconds(10_800), 1));
    }

    /** Reads the site's content files and renders every page into {@code out}; returns how many pages. */
    static int render(Path site, Path out) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(site.resolve(CONTENT))) {
            files = list.filter(f -> f.toString().endsWith(".md")).toList();
        }
        // Read side by side, as hugo reads its content files.
        List<ContentFile> read = files.parallelStream().map(RebuildBench::read).toList();
        List<JsonNode> fronts = read.stream().map(ContentFile::front).toList();
        List<String> bodies = read.stream().map(ContentFile::body).toList();
        Map<String, String> ids = new HashMap<>();
        fronts.forEach(f -> ids.put(f.get("slug").asText(), f.get("id").asText()));
        List<Article> articles = new ArrayList<>(fronts.size());
        Map<String, List<Comment>> comments = new LinkedHashMap<>();
        for (int i = 0; i < fronts.size(); i++) {
            JsonNode f = fronts.get(i);
            String id = f.get("id").asText();
            Instant published = OffsetDateTime.parse(f.get("date").asText()).toInstant();
            articles.add(new Article(id, f.get("slug").asText(), f.get("title").asText(), f.get("summary").asText(),
                    bodies.get(i), texts(f.get("kategori")), texts(f.get("related")).stream().map(ids::get).toList(),
                    ArticleStatus.PUBLISHED, Optional.empty(), Optional.of(published), published,
                    OffsetDateTime.parse(f.get("lastmod").asText()).toInstant(), f.get("author").asText(),
                    f.get("commentsOpen").asBoolean(), 1, List.of()));
            List<Comment> approved = new ArrayList<>();
            for (JsonNode c : f.get("comments")) {
                String parent = c.get("parent").asText();
                approved.add(new Comment(c.get("id").asText(), id, parent.isEmpty() ? Optional.empty()
                        : Optional.of(parent), c.get("author").asText(), c.get("body").asText(),
                        CommentStatus.APPROVED, OffsetDateTime.parse(c.get("date").asText()).toInstant(),
                        parent.isEmpty() ? 1 : 2));
            }
            if (!approved.isEmpty()) {
                comments.put(id, approved);
            }
        }
        phase("read");
        SnapshotSiteContent content = new SnapshotSiteContent(articles, comments, Seeds.STOCKHOLM);
        phase("snapshot");
        int cores = Runtime.getRuntime().availableProcessors();
        int pages = new SiteBuild(Seeds.renderer(), new FolderSiteWriter(out.toAbsolutePath()), cores,
                Seeds.STOCKHOLM).run(content);
        phase("render");
        return pages;
    }

    /** With -Dbench.phases, how long since the JVM started, on standard error: where a fresh run's time goes. */
    private static void phase(String name) {
        if (Boolean.getBoolean("bench.phases")) {
            System.err.printf("%s done at %d ms%n", name, ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }

    private record ContentFile(JsonNode front, String body) {
    }

    private static ContentFile read(Path file) {
        try {
            String text = Files.readString(file);
            try (JsonParser parser = Json.MAPPER.createParser(text)) {
                JsonNode front = FRONT_MATTER.readTree(parser);
                return new ContentFile(front, text.substring((int) parser.currentLocation().getCharOffset()).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
