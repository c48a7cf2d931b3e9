package se.newsroom.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Correction;

class RecordChainTest {
    private static final String ID = "01DW2J6R8T4P3E5F7G9H0K1M2N";
    private static final Instant T = Instant.parse("2019-12-04T09:30:00Z");

    private final MemoryRecordStore store = new MemoryRecordStore();
    private final RecordChain chain = new RecordChain(store);

    @Test
    void verify_shouldFindAnUnbrokenChain_ofEveryVersionWritten() {
        writeChain(2, 3, 5);

        RecordChain.Check check = chain.verify(ID);

        assertThat(check.verified()).isTrue();
        assertThat(check.versions()).extracting(RecordChain.Version::version).containsExactly(2L, 3L, 5L);
        assertThat(check.versions().getFirst().previousHash()).isEmpty();
        assertThat(check.versions().get(1).previousHash()).isEqualTo(check.versions().getFirst().hash());
        assertThat(check.versions().getLast().corrections()).isEqualTo(1);
    }

    @Test
    void verify_shouldNameTheVersionWhoseTextWasChanged() {
        writeChain(2, 3, 5);
        String key = PublicRecord.key(ID, 3);
        store.tamper(key, new String(store.read(key).orElseThrow(), StandardCharsets.UTF_8)
                .replace("Text 3", "Annan text").getBytes(StandardCharsets.UTF_8));

        RecordChain.Check check = chain.verify(ID);

        assertThat(check.verified()).isFalse();
        assertThat(check.broken()).map(RecordChain.Broken::version).contains(3L);
        assertThat(check.broken().orElseThrow().reason()).contains("har ändrats");
    }

    @Test
    void verify_shouldCatchAVersionRewrittenWithAFreshHash_atTheNextLink() {
        writeChain(2, 3, 5);
        Article forged = version(3).toBuilder().body("Förfalskad text").build();
        store.tamper(PublicRecord.key(ID, 3), PublicRecord.of(forged,
                PublicRecord.parse(store.read(PublicRecord.key(ID, 2)).orElseThrow()).hash()).bytes());

        assertThat(chain.verify(ID).broken()).map(RecordChain.Broken::version).contains(5L);
    }

    @Test
    void verify_shouldCatchAVersionRemovedFromTheMiddle_orTheStart() {
        writeChain(2, 3, 5);
        store.remove(PublicRecord.key(ID, 3));

        RecordChain.Check check = chain.verify(ID);
        assertThat(check.broken()).map(RecordChain.Broken::version).contains(5L);
        assertThat(check.broken().orElseThrow().reason()).contains("saknas");

        store.remove(PublicRecord.key(ID, 2));
        assertThat(chain.verify(ID).broken()).map(RecordChain.Broken::version).contains(5L);
    }

    @Test
    void verify_shouldFindAnEmptyRecordVerified() {
        assertThat(chain.verify(ID).verified()).isTrue();
        assertThat(chain.verify(ID).versions()).isEmpty();
    }

    private void writeChain(long... versions) {
        String previous = "";
        for (long v : versions) {
            PublicRecord r = PublicRecord.of(version(v), previous);
            store.writeOnce(PublicRecord.key(ID, v), r.bytes());
            previous = r.hash();
        }
    }

    private static Article version(long v) {
        Article a = Article.builder().id(ID).slug("nyhet").title("Nyhet " + v).body("Text " + v)
                .status(ArticleStatus.PUBLISHED).publishedAt(Optional.of(T)).createdAt(T).updatedAt(T.plusSeconds(v))
                .author("Redaktionen").version(v).build();
        return v == 5 ? a.withCorrections(List.of(new Correction(T.plusSeconds(v), "Rättat."))) : a;
    }
}
