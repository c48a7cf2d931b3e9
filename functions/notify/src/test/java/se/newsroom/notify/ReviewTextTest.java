package se.newsroom.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.newsroom.content.ReviewSubmission;

class ReviewTextTest {
    private static final ReviewText TEXT = new ReviewText("https://www.bastad.se");

    @Test
    void review_shouldNameTheTitleAuthorAndSaver_andLinkTheArticleAtTheDesk() {
        Notice notice = TEXT.review(new ReviewSubmission("01KAZ3M7Q9R2S4T6V8W0X1Y3Z5",
                "Öppet hus på Individ och familj – välkommen", "Anna Åström", Optional.of("Örjan Ek")));

        assertThat(notice.subject()).isEqualTo("Att granska: Öppet hus på Individ och familj – välkommen");
        assertThat(notice.text()).contains("Skribent: Anna Åström", "Skickad till granskning av: Örjan Ek",
                "https://www.bastad.se/redaktion/#/artiklar/01KAZ3M7Q9R2S4T6V8W0X1Y3Z5");
    }

    @Test
    void review_withoutSaver_shouldLeaveTheLineOut() {
        Notice notice = TEXT.review(new ReviewSubmission("X", "Nyhet", "Redaktionen", Optional.empty()));

        assertThat(notice.text()).doesNotContain("Skickad till granskning av");
    }

    @Test
    void aLongTitle_shouldMakeASubjectShorterThanSnsAllows_endingInAnEllipsis() {
        String title = "Kommunfullmäktige beslutade i kväll ".repeat(5).strip();

        Notice notice = TEXT.review(new ReviewSubmission("X", title, "Redaktionen", Optional.empty()));

        assertThat(notice.subject()).hasSizeLessThan(100).startsWith("Att granska: Kommunfullmäktige").endsWith("…");
        assertThat(notice.text()).contains(title);
    }

    @Test
    void aTitleWithALineBreak_shouldMakeASubjectOfOneLine() {
        Notice notice = TEXT.review(new ReviewSubmission("X", "Rad ett\nrad två", "R", Optional.empty()));

        assertThat(notice.subject()).isEqualTo("Att granska: Rad ett rad två");
    }
}
