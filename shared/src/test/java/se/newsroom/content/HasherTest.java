package se.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Salted hashes: stable for one salt, different across salts, never the input. */
class HasherTest {

    @Test
    void hash_shouldBeStableForOneSalt_andDifferForAnother() {
        Hasher one = new Hasher("salt-number-one-is-long");
        Hasher two = new Hasher("salt-number-two-is-long");

        assertThat(one.hash("karin@example.se")).isEqualTo(one.hash("karin@example.se")).hasSize(64)
                .doesNotContain("karin").isNotEqualTo(two.hash("karin@example.se"));
    }

    @Test
    void constructor_shouldRefuseAShortSalt() {
        assertThatThrownBy(() -> new Hasher("kort")).isInstanceOf(IllegalArgumentException.class);
    }
}
