package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.newsroom.notify.Notice;

class LocalNotificationsTest {
    @Test
    void aPrintedNotice_shouldSayWhoWouldGetIt_andKeepItsSwedishText() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        LocalNotifications.printing(LocalNotifications.MODERATORS, new PrintStream(out, true, StandardCharsets.UTF_8))
                .send(Notice.of("2 nya kommentarer väntar på granskning", "Rad ett – å\u00a0ä\n\nRad två\n"));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""

                [e-post till moderatorer] 2 nya kommentarer väntar på granskning
                    Rad ett – å\u00a0ä

                    Rad två
                """);
    }

    @Test
    void digestEvery_shouldBeTheTemplatesFiveMinutes_unlessSetInSecondsOrIso() {
        assertThat(LocalNotifications.digestEvery(Map.of())).isEqualTo(Duration.ofMinutes(5));
        assertThat(LocalNotifications.digestEvery(Map.of(LocalNotifications.DIGEST_EVERY, "5")))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(LocalNotifications.digestEvery(Map.of(LocalNotifications.DIGEST_EVERY, "PT30S")))
                .isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> LocalNotifications.digestEvery(Map.of(LocalNotifications.DIGEST_EVERY, "0")))
                .hasMessageContaining(LocalNotifications.DIGEST_EVERY);
        assertThatThrownBy(() -> LocalNotifications.digestEvery(Map.of(LocalNotifications.DIGEST_EVERY, "snart")))
                .hasMessageContaining("'snart'");
    }
}
