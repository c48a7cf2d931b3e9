package se.newsroom.importer.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB export read in a JVM whose heap (32 MB) could not hold it: the reader streams, one item at a time. The
 * reading runs in a child JVM, as {@link #main}, so that its heap limit is its own.
 */
class LargeExportTest {
    private static final int POSTS = 10_000;
    private static final int COMMENTS_PER_POST = 3;
    /** About 5 KB of body a post: 10,000 posts make a file of over 50 MB. */
    private static final String PARAGRAPH = "<p>Kommunstyrelsen beslutade – efter en lång diskussion om"
            + " förskolans lokaler i Båstad och Torekov – att gå vidare med förslaget.\u00a0</p>\n";

    @TempDir
    Path dir;

    @Test
    void readsEveryItemOfA50MbExportInA32MbHeap() throws IOException, InterruptedException {
        Path file = dir.resolve("stor-export.xml");
        write(file);
        assertThat(Files.size(file)).isGreaterThan(50L * 1024 * 1024);

        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-Xmx32m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), LargeExportTest.class.getName(), file.toString()))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(output).contains("items=" + POSTS + " comments=" + POSTS * COMMENTS_PER_POST
                + " last=" + POSTS + " bytes=" + Files.size(file));
        assertThat(child.exitValue()).as(output).isZero();
    }

    /** Reads the export named by the argument and prints what it found. */
    public static void main(String[] args) {
        long items = 0;
        long comments = 0;
        long last = 0;
        try (WxrStream wxr = WxrFiles.open(Path.of(args[0]))) {
            while (wxr.hasNext()) {
                WxrItem item = wxr.next();
                if (!item.content().contains("Båstad och Torekov – att")) {
                    throw new IllegalStateException("post " + item.postId() + " lost its text");
                }
                items++;
                comments += item.comments().size();
                last = item.postId();
            }
            System.out.println("items=" + items + " comments=" + comments + " last=" + last + " bytes="
                    + wxr.bytesRead());
        }
    }

    private static void write(Path file) throws IOException {
        String body = PARAGRAPH.repeat(5000 / PARAGRAPH.length() + 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(WxrDocuments.head("1.2"));
            for (int id = 1; id <= POSTS; id++) {
                out.write(WxrDocuments.post(id, "inlagg-" + id)
                        .replace("<p>Text " + id + "</p>", body)
                        .replace("\t</item>", comments(id) + "\t</item>"));
            }
            out.write("</channel>\n</rss>\n");
        }
    }

    private static String comments(int post) {
        StringBuilder xml = new StringBuilder();
        for (int c = 1; c <= COMMENTS_PER_POST; c++) {
            long id = (long) post * COMMENTS_PER_POST + c;
            xml.append("\t\t<wp:comment><wp:comment_id>").append(id).append("</wp:comment_id>")
                    .append("<wp:comment_author><![CDATA[Läsare ").append(c).append("]]></wp:comment_author>")
                    .append("<wp:comment_date><![CDATA[2019-12-04 14:00:00]]></wp:comment_date>")
                    .append("<wp:comment_date_gmt><![CDATA[2019-12-04 13:00:00]]></wp:comment_date_gmt>")
                    .append("<wp:comment_content><![CDATA[Tack för informationen!]]></wp:comment_content>")
                    .append("<wp:comment_approved><![CDATA[1]]></wp:comment_approved>")
                    .append("<wp:comment_parent>").append(c == 1 ? 0 : id - 1).append("</wp:comment_parent>")
                    .append("</wp:comment>\n");
        }
        return xml.toString();
    }
}
