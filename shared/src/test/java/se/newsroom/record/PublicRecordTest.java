package se.newsroom.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Correction;

class PublicRecordTest {
    private static final Instant T = Instant.parse("2019-12-04T09:30:00Z");
    private static final Article PUBLISHED = Article.builder().id("01DW2J6R8T4P3E5F7G9H0K1M2N").slug("nyhet")
            .title("Nyhet – å").summary("Kort.").body("Rad 1\nRad\u00a02 \"citat\"").categories(List.of("Kommunen"))
            .status(ArticleStatus.PUBLISHED).publishedAt(Optional.of(T)).createdAndUpdatedAt(T).author("Redaktionen")
            .version(3).corrections(List.of(new Correction(T, "Rättat: ö"))).build();
    /** RFC 8785 by hand: members sorted, no whitespace, only what JSON must escape escaped, UTF-8. */
    private static final String CANONICAL_WITHOUT_HASH = "{\"articleId\":\"01DW2J6R8T4P3E5F7G9H0K1M2N\","
            + "\"body\":\"Rad 1\\nRad\u00a02 \\\"citat\\\"\",\"categories\":[\"Kommunen\"],"
            + "\"corrections\":[{\"at\":\"2019-12-04T09:30:00.000Z\",\"note\":\"Rättat: ö\"}],"
            + "\"previousHash\":\"abc\",\"publishedAt\":\"2019-12-04T09:30:00.000Z\","
            + "\"savedAt\":\"2019-12-04T09:30:00.000Z\",\"slug\":\"nyhet\",\"summary\":\"Kort.\","
            + "\"title\":\"Nyhet – å\",\"version\":3}";

    @Test
    void of_shouldHashTheCanonicalJsonWithoutTheHash_andStoreItWithTheHash() throws Exception {
        PublicRecord record = PublicRecord.of(PUBLISHED, "abc");

        String expectedHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(CANONICAL_WITHOUT_HASH.getBytes(StandardCharsets.UTF_8)));
        assertThat(record.hash()).isEqualTo(expectedHash);
        assertThat(new String(record.bytes(), StandardCharsets.UTF_8)).isEqualTo(CANONICAL_WITHOUT_HASH
                .replace(",\"previousHash\"", ",\"hash\":\"" + expectedHash + "\",\"previousHash\""));
    }

    @Test
    void parse_shouldFindAStoredRecordIntact_andATamperedOneNot() {
        byte[] stored = PublicRecord.of(PUBLISHED, "").bytes();
        String text = new String(stored, StandardCharsets.UTF_8);

        assertThat(PublicRecord.parse(stored).intact()).isTrue();
        assertThat(PublicRecord.parse(text.replace("Rad 1", "Rad 9").getBytes(StandardCharsets.UTF_8)).intact())
                .isFalse();
        // Reformatted but the same JSON: still intact, since the hash is over the canonical form.
        assertThat(PublicRecord.parse(text.replace(",", ", ").getBytes(StandardCharsets.UTF_8)).intact()).isTrue();
    }

    @Test
    void of_shouldRefuseAnUnpublishedVersion() {
        assertThatThrownBy(() -> PublicRecord.of(PUBLISHED.toBuilder().status(ArticleStatus.DRAFT).build(), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void key_shouldPadTheVersion_soThatKeysSortAsVersions() {
        assertThat(PublicRecord.key("01DW2J6R8T4P3E5F7G9H0K1M2N", 12))
                .isEqualTo("records/01DW2J6R8T4P3E5F7G9H0K1M2N/0000000000000000012.json");
        assertThat(PublicRecord.versionOf(PublicRecord.key("X", 12))).isEqualTo(12);
        assertThat(PublicRecord.versionOf("records/X/notes.txt")).isEqualTo(-1);
    }
}
