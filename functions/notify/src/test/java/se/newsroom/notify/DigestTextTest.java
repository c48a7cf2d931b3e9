package se.newsroom.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.newsroom.content.CommentDigestStore.Waiting;

class DigestTextTest {
    private static final Instant NOW = Instant.parse("2019-12-04T10:00:00Z");
    private static final DigestText TEXT = new DigestText("https://www.bastad.se");

    @Test
    void digest_shouldCountPerArticleInSwedish_andLinkTheDesksQueue() {
        // GIVEN two comments on one article and one on another, the oldest 12 minutes old
        List<Waiting> waiting = List.of(waiting("C1", "A1", 12), waiting("C2", "A2", 5), waiting("C3", "A1", 1));
        Map<String, String> titles = Map.of("A1", "Öppet hus på Individ och familj – välkommen",
                "A2", "Politiska styrningen av Individ och familj utreds");

        // WHEN
        Notice notice = TEXT.digest(waiting, titles, NOW);

        // THEN
        assertThat(notice.subject()).isEqualTo("3 nya kommentarer väntar på granskning");
        assertThat(notice.text())
                .contains("3 nya kommentarer väntar på granskning, på 2 artiklar:")
                .contains("  • Öppet hus på Individ och familj – välkommen: 2\n"
                        + "  • Politiska styrningen av Individ och familj utreds: 1\n")
                .contains("Den äldsta av dem har väntat i 12 minuter.")
                .contains("Granska dem i redaktionen: https://www.bastad.se/redaktion/#/kommentarer");
    }

    @Test
    void digest_shouldSpeakOfOneCommentInTheSingular() {
        Notice notice = TEXT.digest(List.of(waiting("C1", "A1", 0)), Map.of("A1", "Nyhet"), NOW);

        assertThat(notice.subject()).isEqualTo("1 ny kommentar väntar på granskning");
        assertThat(notice.text()).contains("på en artikel:").contains("Den har väntat i mindre än en minut.")
                .contains("Granska den i redaktionen");
    }

    @Test
    void digest_shouldNameADeletedArticleAsSuch_ratherThanLeaveItsCommentsOut() {
        Notice notice = TEXT.digest(List.of(waiting("C1", "GONE", 3)), Map.of(), NOW);

        assertThat(notice.text()).contains(DigestText.UNKNOWN_ARTICLE + ": 1");
    }

    @Test
    void digest_shouldBeMadeOfTitlesCountsAndTimesOnly_neverAnEmailAddress() {
        // The digest's input carries no commenter at all; the words about addresses say they are never there.
        Notice notice = TEXT.digest(List.of(waiting("C1", "A1", 3)), Map.of("A1", "Nyhet"), NOW);

        assertThat(notice.text()).doesNotContain("@").contains("e-postadresser står aldrig i den");
    }

    @Test
    void aFloodOnManyArticles_shouldNameTheFirst25_andCountTheRestOnOneLine() {
        List<Waiting> waiting = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            waiting.add(waiting("C" + i, "A" + i, 30 - i));
        }
        waiting.add(waiting("C30", "A29", 0));

        Notice notice = TEXT.digest(waiting, Map.of("A0", "Första", "A24", "Tjugofemte", "A25", "Tjugosjätte"), NOW);

        assertThat(notice.subject()).isEqualTo("31 nya kommentarer väntar på granskning");
        assertThat(notice.text()).contains("  • Första: 1\n", "  • " + DigestText.UNKNOWN_ARTICLE + ": 1\n",
                        "  • Tjugofemte: 1\n", "  … och 5 artiklar till, med 6 kommentarer\n")
                .doesNotContain("Tjugosjätte");
    }

    @Test
    void digest_ofNothing_shouldBeRefused() {
        assertThatThrownBy(() -> TEXT.digest(List.of(), Map.of(), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void age_shouldBeMinutesThenHoursThenDays() {
        assertThat(DigestText.age(Duration.ofSeconds(59))).isEqualTo("mindre än en minut");
        assertThat(DigestText.age(Duration.ofMinutes(1))).isEqualTo("1 minut");
        assertThat(DigestText.age(Duration.ofMinutes(59))).isEqualTo("59 minuter");
        assertThat(DigestText.age(Duration.ofMinutes(61))).isEqualTo("1 timme");
        assertThat(DigestText.age(Duration.ofHours(47))).isEqualTo("47 timmar");
        assertThat(DigestText.age(Duration.ofDays(3))).isEqualTo("3 dygn");
    }

    private static Waiting waiting(String id, String article, int minutesAgo) {
        return new Waiting(id, article, NOW.minus(Duration.ofMinutes(minutesAgo)));
    }
}
