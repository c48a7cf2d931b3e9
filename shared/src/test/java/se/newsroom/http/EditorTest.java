package se.newsroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class EditorTest {
    @Test
    void publicName_shouldBeTheEditorsName_butNeverAnEmailAddressOrTheUsersId() {
        assertThat(new Editor("sub-1", "Anna Sjöberg", Set.of(Role.MODERATOR)).publicName("Redaktionen"))
                .isEqualTo("Anna Sjöberg");
        // A user an administrator created has no name: the claims fall back to the email address, then the sub.
        assertThat(new Editor("sub-1", "anna.sjoberg@bastad.se", Set.of(Role.MODERATOR)).publicName("Redaktionen"))
                .isEqualTo("Redaktionen");
        assertThat(new Editor("sub-1", "sub-1", Set.of(Role.MODERATOR)).publicName("Redaktionen"))
                .isEqualTo("Redaktionen");
    }

    @Test
    void has_shouldLetAdministratorsDoAll_andPublishersWhatWritersMay_butNotModerate() {
        Editor publisher = new Editor("p", "Per", Set.of(Role.PUBLISHER));
        assertThat(publisher.has(Role.WRITER)).isTrue();
        assertThat(publisher.has(Role.MODERATOR)).isFalse();
        assertThat(new Editor("a", "Ada", Set.of(Role.ADMIN)).has(Role.MODERATOR)).isTrue();
        assertThat(new Editor("w", "Wilma", Set.of(Role.WRITER)).has(Role.PUBLISHER)).isFalse();
    }
}
