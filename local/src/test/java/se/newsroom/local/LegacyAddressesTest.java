package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The local runner answers a WordPress site's old addresses as the CDN does: the cases the CDN's function passes. */
class LegacyAddressesTest {

    static List<ViewerRequestCases.Case> cases() {
        return ViewerRequestCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void route_shouldAnswerAsTheCdnsViewerRequestFunction(ViewerRequestCases.Case c) {
        LegacyAddresses.Answer answer = LegacyAddresses.route(c.uri(), c.querystring().isEmpty() ? null
                : c.querystring());

        if (c.location().isPresent()) {
            assertThat(answer).isEqualTo(new LegacyAddresses.Answer.Moved(c.location().get()));
        } else {
            assertThat(answer).isEqualTo(new LegacyAddresses.Answer.Serve(c.servedUri().orElseThrow()));
        }
    }
}
