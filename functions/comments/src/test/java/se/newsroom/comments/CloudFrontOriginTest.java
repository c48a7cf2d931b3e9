package se.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The client key made of the viewer address CloudFront sends. */
class CloudFrontOriginTest {

    @Test
    void address_shouldDropThePort_ofAnIpv4Viewer() {
        assertThat(CloudFrontOrigin.address("198.51.100.10:46532")).contains("198.51.100.10");
    }

    @Test
    void address_shouldKeyAnIpv6ViewerByIts64Network_whateverItsNotation() {
        String key = "2001:db8:85a3:0::/64";
        assertThat(CloudFrontOrigin.address("2001:0db8:85a3:0000:0000:8a2e:0370:7334:46532")).contains(key);
        assertThat(CloudFrontOrigin.address("2001:db8:85a3::1:443")).contains(key);
        assertThat(CloudFrontOrigin.address("[2001:DB8:85A3::ffff]:443")).contains(key);
        assertThat(CloudFrontOrigin.address("2001:db8:85a4::1:443")).isNotEqualTo(Optional.of(key));
    }

    @Test
    void address_shouldBeEmpty_forAnEmptyHeader() {
        assertThat(CloudFrontOrigin.address(":443")).isEmpty();
    }
}
