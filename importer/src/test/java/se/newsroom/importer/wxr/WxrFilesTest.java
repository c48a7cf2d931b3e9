package se.newsroom.importer.wxr;

import static org.assertj.core.api.Assertions.assertThat;
import static se.newsroom.importer.wxr.WxrDocuments.gzip;
import static se.newsroom.importer.wxr.WxrDocuments.post;
import static se.newsroom.importer.wxr.WxrDocuments.write;
import static se.newsroom.importer.wxr.WxrDocuments.wxr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WxrFilesTest {
    // CHECKSTYLE.OFF: LineLength
    /** The first example article as WordPress 6 exports it: terms, a Gutenberg body, meta and a comment thread. */
    private static final String EXPORT = """
            	<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[redaktion]]></wp:author_login><wp:author_email><![CDATA[webb@bastad.se]]></wp:author_email><wp:author_display_name><![CDATA[Åsa Öberg]]></wp:author_display_name><wp:author_first_name><![CDATA[Åsa]]></wp:author_first_name><wp:author_last_name><![CDATA[Öberg]]></wp:author_last_name></wp:author>

            	<wp:category>
            		<wp:term_id>5</wp:term_id>
            		<wp:category_nicename><![CDATA[f%c3%b6rskola]]></wp:category_nicename>
            		<wp:category_parent><![CDATA[utbildning]]></wp:category_parent>
            		<wp:cat_name><![CDATA[Förskola]]></wp:cat_name>
            	</wp:category>
            	<wp:tag>
            		<wp:term_id>9</wp:term_id>
            		<wp:tag_slug><![CDATA[lex-sarah]]></wp:tag_slug>
            		<wp:tag_name><![CDATA[Lex Sarah]]></wp:tag_name>
            	</wp:tag>
            	<wp:term>
            		<wp:term_id>12</wp:term_id>
            		<wp:term_taxonomy><![CDATA[nav_menu]]></wp:term_taxonomy>
            		<wp:term_slug><![CDATA[huvudmeny]]></wp:term_slug>
            		<wp:term_parent><![CDATA[]]></wp:term_parent>
            		<wp:term_name><![CDATA[Huvudmeny]]></wp:term_name>
            	</wp:term>

            	<generator>https://wordpress.org/?v=6.4.2</generator>

            	<item>
            		<title><![CDATA[Statusuppdatering angående händelser inom Individ och familj]]></title>
            		<link>https://www.bastad.se/2019/12/04/statusuppdatering-ang%c3%a5ende-h%c3%a4ndelser/</link>
            		<pubDate>Wed, 04 Dec 2019 12:00:00 +0000</pubDate>
            		<dc:creator><![CDATA[redaktion]]></dc:creator>
            		<guid isPermaLink="false">https://www.bastad.se/?p=123</guid>
            		<description></description>
            		<content:encoded><![CDATA[<!-- wp:paragraph -->
            <p>Under hösten har missförhållanden – inom kommunens verksamhet uppdagats.</p>
            <!-- /wp:paragraph -->

            <!-- wp:code -->
            <pre class="wp-block-code"><code>a[b[c]]]]><![CDATA[>d</code></pre>
            <!-- /wp:code -->]]></content:encoded>
            		<excerpt:encoded><![CDATA[Tre utredningar pågår.]]></excerpt:encoded>
            		<wp:post_id>123</wp:post_id>
            		<wp:post_date><![CDATA[2019-12-04 13:00:00]]></wp:post_date>
            		<wp:post_date_gmt><![CDATA[2019-12-04 12:00:00]]></wp:post_date_gmt>
            		<wp:post_modified><![CDATA[2019-12-05 09:00:00]]></wp:post_modified>
            		<wp:post_modified_gmt><![CDATA[2019-12-05 08:00:00]]></wp:post_modified_gmt>
            		<wp:comment_status><![CDATA[open]]></wp:comment_status>
            		<wp:ping_status><![CDATA[open]]></wp:ping_status>
            		<wp:post_name><![CDATA[statusuppdatering-ang%c3%a5ende-h%c3%a4ndelser]]></wp:post_name>
            		<wp:status><![CDATA[publish]]></wp:status>
            		<wp:post_parent>0</wp:post_parent>
            		<wp:menu_order>0</wp:menu_order>
            		<wp:post_type><![CDATA[post]]></wp:post_type>
            		<wp:post_password><![CDATA[]]></wp:post_password>
            		<wp:is_sticky>0</wp:is_sticky>
            		<category domain="category" nicename="f%c3%b6rskola"><![CDATA[Förskola]]></category>
            		<category domain="post_tag" nicename="lex-sarah"><![CDATA[Lex Sarah]]></category>
            		<wp:postmeta>
            		<wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>
            		<wp:meta_value><![CDATA[456]]></wp:meta_value>
            		</wp:postmeta>
            		<wp:postmeta>
            		<wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>
            		<wp:meta_value><![CDATA[789]]></wp:meta_value>
            		</wp:postmeta>
            		<wp:comment>
            			<wp:comment_id>7</wp:comment_id>
            			<wp:comment_author><![CDATA[Karin Ström]]></wp:comment_author>
            			<wp:comment_author_email><![CDATA[karin@example.se]]></wp:comment_author_email>
            			<wp:comment_author_url>https://example.se/?a=1&amp;b=2</wp:comment_author_url>
            			<wp:comment_author_IP><![CDATA[192.0.2.1]]></wp:comment_author_IP>
            			<wp:comment_date><![CDATA[2019-12-04 14:05:00]]></wp:comment_date>
            			<wp:comment_date_gmt><![CDATA[2019-12-04 13:05:00]]></wp:comment_date_gmt>
            			<wp:comment_content><![CDATA[Bra att det utreds.\u00a0Tack!]]></wp:comment_content>
            			<wp:comment_approved><![CDATA[1]]></wp:comment_approved>
            			<wp:comment_type><![CDATA[comment]]></wp:comment_type>
            			<wp:comment_parent>0</wp:comment_parent>
            			<wp:comment_user_id>0</wp:comment_user_id>
            			<wp:commentmeta>
            			<wp:meta_key><![CDATA[akismet_result]]></wp:meta_key>
            			<wp:meta_value><![CDATA[false]]></wp:meta_value>
            			</wp:commentmeta>
            		</wp:comment>
            		<wp:comment>
            			<wp:comment_id>8</wp:comment_id>
            			<wp:comment_author><![CDATA[Redaktionen]]></wp:comment_author>
            			<wp:comment_author_email><![CDATA[]]></wp:comment_author_email>
            			<wp:comment_author_url></wp:comment_author_url>
            			<wp:comment_author_IP><![CDATA[]]></wp:comment_author_IP>
            			<wp:comment_date><![CDATA[2019-12-04 15:00:00]]></wp:comment_date>
            			<wp:comment_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:comment_date_gmt>
            			<wp:comment_content><![CDATA[Svar: ja.]]></wp:comment_content>
            			<wp:comment_approved><![CDATA[0]]></wp:comment_approved>
            			<wp:comment_type><![CDATA[]]></wp:comment_type>
            			<wp:comment_parent>7</wp:comment_parent>
            			<wp:comment_user_id>2</wp:comment_user_id>
            		</wp:comment>
            	</item>
            	<item>
            		<title><![CDATA[Utkast]]></title>
            		<link>https://www.bastad.se/?p=124</link>
            		<dc:creator><![CDATA[redaktion]]></dc:creator>
            		<guid isPermaLink="false">https://www.bastad.se/?p=124</guid>
            		<content:encoded><![CDATA[]]></content:encoded>
            		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
            		<wp:post_id>124</wp:post_id>
            		<wp:post_date><![CDATA[2019-12-06 10:00:00]]></wp:post_date>
            		<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>
            		<wp:post_name><![CDATA[]]></wp:post_name>
            		<wp:status><![CDATA[draft]]></wp:status>
            		<wp:post_parent>0</wp:post_parent>
            		<wp:post_type><![CDATA[post]]></wp:post_type>
            	</item>
            	<item>
            		<title><![CDATA[skolgard.jpg]]></title>
            		<link>https://www.bastad.se/skolgard/</link>
            		<wp:post_id>456</wp:post_id>
            		<wp:post_date><![CDATA[2019-12-01 10:00:00]]></wp:post_date>
            		<wp:post_date_gmt><![CDATA[2019-12-01 09:00:00]]></wp:post_date_gmt>
            		<wp:post_name><![CDATA[skolgard]]></wp:post_name>
            		<wp:status><![CDATA[inherit]]></wp:status>
            		<wp:post_parent>123</wp:post_parent>
            		<wp:post_type><![CDATA[attachment]]></wp:post_type>
            		<wp:attachment_url><![CDATA[https://www.bastad.se/wp-content/uploads/2019/12/skolgard.jpg]]></wp:attachment_url>
            		<wp:postmeta>
            		<wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key>
            		<wp:meta_value><![CDATA[2019/12/skolgard.jpg]]></wp:meta_value>
            		</wp:postmeta>
            	</item>
            """;
    // CHECKSTYLE.ON: LineLength

    @TempDir
    Path dir;

    @Test
    void readsTheChannelItsAuthorsAndTermsBeforeTheFirstItem() throws IOException {
        try (WxrStream wxr = WxrFiles.open(write(dir, "export.xml", wxr("1.2", EXPORT)))) {
            WxrSite site = wxr.site();

            assertThat(site.version()).isEqualTo("1.2");
            assertThat(site.title()).isEqualTo("Båstads Kommun");
            assertThat(site.baseBlogUrl()).isEqualTo("https://www.bastad.se");
            assertThat(site.language()).isEqualTo("sv-SE");
            assertThat(site.authors()).containsExactly(new WxrAuthor(2, "redaktion", "webb@bastad.se", "Åsa Öberg"));
            assertThat(site.categories()).containsExactly(new WxrTerm(5, "förskola", "utbildning", "Förskola",
                    "category"));
            assertThat(site.tags()).containsExactly(new WxrTerm(9, "lex-sarah", "", "Lex Sarah", "post_tag"));
        }
    }

    @Test
    void readsAPostWithItsTermsMetaAndCommentThreadKeepingSwedishTextExactly() throws IOException {
        List<WxrItem> items = readAll(write(dir, "export.xml", wxr("1.2", EXPORT)));

        WxrItem post = items.get(0);
        assertThat(post.postId()).isEqualTo(123);
        assertThat(post.postType()).isEqualTo("post");
        assertThat(post.title()).isEqualTo("Statusuppdatering angående händelser inom Individ och familj");
        assertThat(post.link())
                .isEqualTo("https://www.bastad.se/2019/12/04/statusuppdatering-ang%c3%a5ende-h%c3%a4ndelser/");
        assertThat(post.postName()).isEqualTo("statusuppdatering-angående-händelser");
        assertThat(post.status()).isEqualTo("publish");
        assertThat(post.creatorLogin()).isEqualTo("redaktion");
        assertThat(post.postDateGmt()).contains(Instant.parse("2019-12-04T12:00:00Z"));
        assertThat(post.postDate()).isEqualTo(LocalDateTime.parse("2019-12-04T13:00:00"));
        assertThat(post.excerpt()).isEqualTo("Tre utredningar pågår.");
        assertThat(post.content())
                .contains("<p>Under hösten har missförhållanden – inom kommunens verksamhet uppdagats.</p>")
                .contains("<!-- wp:paragraph -->")
                .as("a ]]> that export.php split over two CDATA sections comes back whole")
                .contains("<code>a[b[c]]>d</code>");
        assertThat(post.terms()).containsExactly(new WxrItemTerm("category", "förskola", "Förskola"),
                new WxrItemTerm("post_tag", "lex-sarah", "Lex Sarah"));
        assertThat(post.meta()).containsEntry("_thumbnail_id", "456");

        assertThat(post.comments()).hasSize(2);
        WxrComment first = post.comments().get(0);
        assertThat(first).isEqualTo(new WxrComment(7, "Karin Ström", "karin@example.se", "https://example.se/?a=1&b=2",
                "192.0.2.1", Optional.of(Instant.parse("2019-12-04T13:05:00Z")),
                LocalDateTime.parse("2019-12-04T14:05:00"), "Bra att det utreds.\u00a0Tack!", "1", "comment", 0, 0));
        WxrComment reply = post.comments().get(1);
        assertThat(reply.parent()).isEqualTo(7);
        assertThat(reply.approved()).isEqualTo("0");
        assertThat(reply.dateGmt()).isEmpty();
        assertThat(reply.date()).isEqualTo(LocalDateTime.parse("2019-12-04T15:00:00"));
        assertThat(reply.userId()).isEqualTo(2);
    }

    @Test
    void readsADraftsZeroDateAsNoneAndAnAttachmentsUrlAndFile() throws IOException {
        List<WxrItem> items = readAll(write(dir, "export.xml", wxr("1.2", EXPORT)));

        assertThat(items).extracting(WxrItem::postId).containsExactly(123L, 124L, 456L);
        WxrItem draft = items.get(1);
        assertThat(draft.status()).isEqualTo("draft");
        assertThat(draft.postDateGmt()).isEmpty();
        assertThat(draft.postDate()).isEqualTo(LocalDateTime.parse("2019-12-06T10:00:00"));
        assertThat(draft.postName()).isEmpty();
        assertThat(draft.comments()).isEmpty();
        WxrItem attachment = items.get(2);
        assertThat(attachment.postType()).isEqualTo("attachment");
        assertThat(attachment.postParent()).isEqualTo(123);
        assertThat(attachment.attachmentUrl())
                .isEqualTo("https://www.bastad.se/wp-content/uploads/2019/12/skolgard.jpg");
        assertThat(attachment.meta()).containsEntry("_wp_attached_file", "2019/12/skolgard.jpg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1", "1.2"})
    void readsEveryWxrVersionWordPressHasWritten(String version) throws IOException {
        List<WxrItem> items = readAll(write(dir, "export.xml", wxr(version, post(1, "forsta") + post(2, "andra"))));

        assertThat(items).extracting(WxrItem::postName).containsExactly("forsta", "andra");
        assertThat(items).extracting(WxrItem::content).containsExactly("<p>Text 1</p>", "<p>Text 2</p>");
    }

    @Test
    void readsAGzippedExportToldByItsBytesNotItsNameAndCountsItsCompressedBytes() throws IOException {
        Path file = gzip(dir, "export.xml", wxr("1.2", EXPORT));

        try (WxrStream wxr = WxrFiles.open(file)) {
            assertThat(wxr.site().title()).isEqualTo("Båstads Kommun");
            List<WxrItem> items = new ArrayList<>();
            wxr.forEachRemaining(items::add);

            assertThat(items).extracting(WxrItem::postName)
                    .containsExactly("statusuppdatering-angående-händelser", "", "skolgard");
            assertThat(wxr.size()).isEqualTo(Files.size(file));
            assertThat(wxr.bytesRead()).isEqualTo(Files.size(file));
        }
    }

    @Test
    void countsBytesReadAsItGoesForAProgressBar() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 2000; i++) {
            body.append(post(i, "inlagg-" + i));
        }
        Path file = write(dir, "export.xml", wxr("1.2", body.toString()));

        try (WxrStream wxr = WxrFiles.open(file)) {
            long atStart = wxr.bytesRead();
            wxr.next();
            long afterOne = wxr.bytesRead();
            wxr.forEachRemaining(item -> { });

            assertThat(atStart).isPositive().isLessThan(wxr.size() / 2);
            assertThat(afterOne).isLessThan(wxr.size() / 2);
            assertThat(wxr.bytesRead()).isEqualTo(wxr.size()).isEqualTo(Files.size(file));
        }
    }

    @Test
    void readsAnExportWithNoItems() throws IOException {
        try (WxrStream wxr = WxrFiles.open(write(dir, "export.xml", wxr("1.1", "")))) {
            assertThat(wxr.site().version()).isEqualTo("1.1");
            assertThat(wxr.hasNext()).isFalse();
        }
    }

    @Test
    void keepsAPlusInASlugAndASlugThatIsNotPercentEncodingAsWritten() {
        assertThat(WxrText.slug("f%C3%B6rskola")).isEqualTo("förskola");
        assertThat(WxrText.slug("%e2%80%93-och-%c3%a5r")).isEqualTo("–-och-år");
        assertThat(WxrText.slug("c++")).isEqualTo("c++");
        assertThat(WxrText.slug("100%-klart")).isEqualTo("100%-klart");
        assertThat(WxrText.slug("trasig-%ff")).isEqualTo("trasig-%ff");
    }

    private static List<WxrItem> readAll(Path file) {
        List<WxrItem> items = new ArrayList<>();
        try (WxrStream wxr = WxrFiles.open(file)) {
            wxr.forEachRemaining(items::add);
        }
        return items;
    }
}
