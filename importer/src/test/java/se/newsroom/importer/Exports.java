package se.newsroom.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import se.newsroom.importer.markdown.Converted;
import se.newsroom.importer.markdown.ImageResolver;
import se.newsroom.importer.wxr.WxrAuthor;
import se.newsroom.importer.wxr.WxrComment;
import se.newsroom.importer.wxr.WxrItem;
import se.newsroom.importer.wxr.WxrItemTerm;
import se.newsroom.importer.wxr.WxrSite;
import se.newsroom.importer.wxr.WxrStream;

/** WordPress exports built in memory, item by item, as the WXR reader hands them over; and a plain converter. */
final class Exports {
    static final String BASE = "https://kommun.example.se";
    static final WxrSite SITE = new WxrSite("1.2", "Kommunens nyheter", BASE, BASE, BASE, "sv-SE",
            List.of(new WxrAuthor(1, "karin", "karin@kommun.example.se", "Karin Öberg"),
                    new WxrAuthor(2, "bo", "bo@kommun.example.se", "")),
            List.of(), List.of());

    private Exports() {
    }

    /** A stream over {@code items}, counting each item as 100 bytes; opened afresh for each pass. */
    static WxrStream stream(List<WxrItem> items) {
        Iterator<WxrItem> it = items.iterator();
        return new WxrStream() {
            private long read;

            @Override
            public WxrSite site() {
                return SITE;
            }

            @Override
            public long bytesRead() {
                return read;
            }

            @Override
            public long size() {
                return 100L * items.size();
            }

            @Override
            public void close() {
            }

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public WxrItem next() {
                read += 100;
                return it.next();
            }
        };
    }

    /** A post: id, status, name (as the export writes it, percent-encoded), title, GMT date, body. */
    static WxrItem post(long id, String status, String name, String title, String gmt, String html,
                        List<WxrItemTerm> terms, Map<String, String> meta, List<WxrComment> comments) {
        Instant date = Instant.parse(gmt);
        String link = "publish".equals(status) ? BASE + "/" + date.toString().substring(0, 10).replace('-', '/')
                + "/" + name + "/" : BASE + "/?p=" + id;
        return new WxrItem(id, "post", title, link, BASE + "/?p=" + id, "karin", html, "", Optional.of(date),
                LocalDateTime.ofInstant(date, WordPressIds.SITE_ZONE), "open", name, status, 0, "", terms, meta,
                comments);
    }

    static WxrItem post(long id, String status, String name, String title, String gmt, List<WxrComment> comments) {
        return post(id, status, name, title, gmt, "<p>Text om " + title + ".</p>", List.of(), Map.of(), comments);
    }

    static WxrItem page(long id, String name) {
        return new WxrItem(id, "page", "Om kommunen", BASE + "/" + name + "/", BASE + "/?page_id=" + id, "karin",
                "<p>Sida</p>", "", Optional.of(Instant.parse("2019-01-01T10:00:00Z")),
                LocalDateTime.of(2019, 1, 1, 11, 0), "closed", name, "publish", 0, "", List.of(), Map.of(), List.of());
    }

    static WxrItem attachment(long id, String file) {
        return new WxrItem(id, "attachment", "Bild", BASE + "/?attachment_id=" + id, BASE + "/wp-content/uploads/"
                + file, "karin", "", "", Optional.of(Instant.parse("2019-12-01T10:00:00Z")),
                LocalDateTime.of(2019, 12, 1, 11, 0), "closed", "bild", "inherit", 0,
                BASE + "/wp-content/uploads/" + file, List.of(),
                Map.of("_wp_attached_file", file, "_wp_attachment_image_alt", "Barn som leker"), List.of());
    }

    static WxrComment comment(long id, long parent, String approved, String type, String author, String email,
                              String gmt, String text) {
        Instant date = Instant.parse(gmt);
        return new WxrComment(id, author, email, "", "192.0.2." + id, Optional.of(date),
                LocalDateTime.ofInstant(date, ZoneOffset.UTC), text, approved, type, parent, 0);
    }

    static WxrItemTerm category(String slug, String name) {
        return new WxrItemTerm("category", slug, name);
    }

    static WxrItemTerm tag(String slug, String name) {
        return new WxrItemTerm("post_tag", slug, name);
    }

    /**
     * A stand-in for the HTML converter, doing only what these tests read: paragraphs as text, links through
     * {@code links}, images through {@code images} (missing ones listed), {@code [gallery]} kept and listed.
     */
    static Converted convert(String html, ImageResolver images, UnaryOperator<String> links) {
        Document doc = Jsoup.parseBodyFragment(html);
        List<String> unmapped = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        for (Element e : doc.body().children()) {
            for (Element a : e.select("a[href]")) {
                a.replaceWith(new TextNode("[" + a.text() + "](" + links.apply(a.attr("href")) + ")"));
            }
            for (Element img : e.select("img")) {
                Optional<String> dest = images.destination(img.attr("src"), img.attr("alt"));
                if (dest.isEmpty()) {
                    missing.add(img.attr("src"));
                }
                img.replaceWith(new TextNode(dest.map(d -> "![" + img.attr("alt") + "](" + d + ")")
                        .orElse("")));
            }
            String text = e.text();
            if (text.startsWith("[gallery")) {
                unmapped.add(text);
            }
            md.append(text).append("\n\n");
        }
        return new Converted(md.toString().strip(), unmapped, missing);
    }
}
