package se.newsroom.importer.wxr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.newsroom.importer.wxr.WxrDocuments.gzip;
import static se.newsroom.importer.wxr.WxrDocuments.head;
import static se.newsroom.importer.wxr.WxrDocuments.post;
import static se.newsroom.importer.wxr.WxrDocuments.write;
import static se.newsroom.importer.wxr.WxrDocuments.wxr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.newsroom.importer.wxr.WxrException.Kind;

class WxrFilesBadInputTest {
    @TempDir
    Path dir;

    @Test
    void anRssFeedIsNotWxrAndTheMessageSaysWhatItIsAndHowToExport() throws IOException {
        Path file = write(dir, "feed.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Båstads Kommun</title>
                <item><title>Nyhet</title><link>https://www.bastad.se/nyhet/</link></item>
                </channel></rss>
                """);

        WxrException e = failure(file);

        assertThat(e.kind()).isEqualTo(Kind.NOT_WXR);
        assertThat(e.getMessage()).contains(file.toString()).contains("ingen WordPress-export")
                .contains("vanligt RSS-flöde").contains("Verktyg → Exportera");
    }

    @Test
    void anHtmlPageOrAnAtomFeedIsNotWxrEvenWhenItIsNotWellFormedXml() throws IOException {
        Path page = write(dir, "export.xml", """
                <!DOCTYPE html>
                <html lang="sv"><head><meta charset="utf-8"><title>Logga in</title></head>
                <body><p>Logga in<br></body></html>
                """);
        Path xhtml = write(dir, "sida.xml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>");
        Path atom = write(dir, "atom.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Nyheter</title></feed>");

        assertThat(failure(page).kind()).isEqualTo(Kind.NOT_WXR);
        assertThat(failure(page).getMessage()).contains("webbsida (HTML)");
        assertThat(failure(xhtml).kind()).isEqualTo(Kind.NOT_WXR);
        assertThat(failure(xhtml).getMessage()).contains("webbsida (HTML)");
        assertThat(failure(atom).kind()).isEqualTo(Kind.NOT_WXR);
        assertThat(failure(atom).getMessage()).contains("rotelement är <feed>");
    }

    @Test
    void anEmptyFileIsNotWxr() throws IOException {
        WxrException e = failure(write(dir, "tom.xml", ""));

        assertThat(e.kind()).isEqualTo(Kind.NOT_WXR);
        assertThat(e.getMessage()).contains("tom");
    }

    @Test
    void anUnknownVersionIsNamedInTheMessage() throws IOException {
        WxrException e = failure(write(dir, "export.xml", wxr("1.3", post(1, "a"))));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_VERSION);
        assertThat(e.getMessage()).contains("version 1.3").contains("1.0, 1.1 och 1.2").contains("export.xml");
        assertThat(failure(write(dir, "ny.xml", wxr("2.0", ""))).kind()).isEqualTo(Kind.UNKNOWN_VERSION);
    }

    @Test
    void textThatIsNotXmlIsInvalidXmlOnItsFirstLine() throws IOException {
        WxrException e = failure(write(dir, "export.xml", "post_id;title\n1;Hej\n"));

        assertThat(e.kind()).isEqualTo(Kind.INVALID_XML);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("export.xml").contains("inte XML").contains("rad 1");
    }

    @Test
    void invalidXmlInAnItemIsReportedWithItsLineAfterTheItemsBeforeIt() throws IOException {
        String broken = post(2, "andra").replace("<wp:status>", "<wp:status><b>");
        String text = wxr("1.2", post(1, "forsta") + broken + post(3, "tredje"));
        Path file = write(dir, "export.xml", text);
        long brokenLine = lineOf(text, "<b>");

        List<WxrItem> read = new ArrayList<>();
        WxrException e;
        try (WxrStream wxr = WxrFiles.open(file)) {
            e = catchThrowableOfType(WxrException.class, () -> wxr.forEachRemaining(read::add));
        }

        assertThat(read).extracting(WxrItem::postId).containsExactly(1L);
        assertThat(e.kind()).isEqualTo(Kind.INVALID_XML);
        assertThat(e.line()).isBetween(brokenLine, brokenLine + 1);
        assertThat(e.getMessage()).contains("inte giltig XML").contains("rad " + e.line());
    }

    @Test
    void aFileCutMidItemIsTruncatedAfterTheWholeItemsBeforeIt() throws IOException {
        String text = wxr("1.2", post(1, "forsta") + post(2, "andra") + post(3, "tredje"));
        String cut = text.substring(0, text.indexOf("<p>Text 3"));
        Path file = write(dir, "export.xml", cut);

        List<WxrItem> read = new ArrayList<>();
        WxrException e;
        try (WxrStream wxr = WxrFiles.open(file)) {
            e = catchThrowableOfType(WxrException.class, () -> wxr.forEachRemaining(read::add));
        }

        assertThat(read).extracting(WxrItem::postId).containsExactly(1L, 2L);
        assertThat(e.kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(e.line()).isEqualTo(cut.lines().count());
        assertThat(e.getMessage()).contains("tar slut mitt i exporten").contains("avkortad");
    }

    @Test
    void aFileCutAfterItsLastItemIsStillTruncated() throws IOException {
        String text = wxr("1.2", post(1, "forsta"));
        Path file = write(dir, "export.xml", text.substring(0, text.indexOf("</channel>")));

        List<WxrItem> read = new ArrayList<>();
        WxrException e;
        try (WxrStream wxr = WxrFiles.open(file)) {
            e = catchThrowableOfType(WxrException.class, () -> wxr.forEachRemaining(read::add));
        }

        assertThat(read).hasSize(1);
        assertThat(e.kind()).isEqualTo(Kind.TRUNCATED);
    }

    @Test
    void aFileCutInItsChannelHeadIsTruncatedWhenOpened() throws IOException {
        WxrException e = failure(write(dir, "export.xml", head("1.2").substring(0, 700)));

        assertThat(e.kind()).isEqualTo(Kind.TRUNCATED);
    }

    @Test
    void aCutGzipStreamIsTruncated() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 500; i++) {
            body.append(post(i, "inlagg-" + i));
        }
        Path whole = gzip(dir, "whole.xml.gz", wxr("1.2", body.toString()));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("export.xml.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        List<WxrItem> read = new ArrayList<>();
        WxrException e;
        try (WxrStream wxr = WxrFiles.open(cut)) {
            e = catchThrowableOfType(WxrException.class, () -> wxr.forEachRemaining(read::add));
        }

        assertThat(read).isNotEmpty().hasSizeLessThan(500);
        assertThat(e.kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(e.getMessage()).contains("gzip-packade filen").contains("export.xml.gz");
    }

    @Test
    void aGzipHeaderAloneIsTruncated() throws IOException {
        Path file = dir.resolve("export.xml.gz");
        Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8});

        assertThat(failure(file).kind()).isEqualTo(Kind.TRUNCATED);
    }

    @Test
    void aMissingFileOrAFolderIsUnreadable() {
        WxrException missing = failure(dir.resolve("finns-inte.xml"));
        WxrException folder = failure(dir);

        assertThat(missing.kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(missing.getMessage()).contains("finns-inte.xml").contains("finns inte");
        assertThat(folder.kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(folder.getMessage()).contains("är en mapp");
    }

    @Test
    void anExternalEntityIsNeverRead() throws IOException {
        Path secret = write(dir, "hemlig.txt", "hemligt");
        Path file = write(dir, "export.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY x SYSTEM "%s">]>
                """.formatted(secret.toUri()) + wxr("1.2", post(1, "a")
                .replace("<![CDATA[<p>Text 1</p>]]>", "&x;"))
                .substring("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n".length()));

        WxrException e = catchThrowableOfType(WxrException.class, () -> {
            try (WxrStream wxr = WxrFiles.open(file)) {
                wxr.forEachRemaining(item -> assertThat(item.content()).doesNotContain("hemligt"));
            }
        });

        if (e != null) {
            assertThat(e.kind()).isEqualTo(Kind.INVALID_XML);
        }
    }

    private static WxrException failure(Path file) {
        return catchThrowableOfType(WxrException.class, () -> {
            try (WxrStream wxr = WxrFiles.open(file)) {
                wxr.forEachRemaining(item -> { });
            }
        });
    }

    private static long lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).lines().count();
    }
}
