package se.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which old WordPress addresses an import keeps, in what form, and the object that answers each with a 301. */
class LegacyPathsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/2019/12/04/statusuppdatering/ | 2019/12/04/statusuppdatering/index.html",
        "/2019/12/04/statusuppdatering | 2019/12/04/statusuppdatering/index.html",
        "/statusuppdatering/ | statusuppdatering/index.html",
        "/f%C3%B6rskola-%C3%A5ret-runt/ | förskola-året-runt/index.html",
        "/förskola/ | förskola/index.html",
        "/nyheter-2019/x.html | nyheter-2019/x.html",
        "/?p=123 | wp/p/123/index.html",
        "/?page_id=7 | wp/page_id/7/index.html",
        "/index.php/2019/12/04/x/ | index.php/2019/12/04/x/index.html",
        "/sitemap-x/ | sitemap-x/index.html",
    })
    void key_shouldBeTheObjectThatAnswersTheOldAddress(String path, String key) {
        assertThat(LegacyPaths.key(path)).isEqualTo(key);
        assertThat(LegacyPaths.mayBeKeyOf(key)).isTrue();
    }

    @Test
    void normal_shouldDecodeSwedishLettersAndKeepTheTrailingSlashAsThePermalinkHadIt() {
        assertThat(LegacyPaths.normal("/2019/12/04/f%c3%b6rskola/")).contains("/2019/12/04/förskola/");
        assertThat(LegacyPaths.normal("/2019/12/04/förskola")).contains("/2019/12/04/förskola");
        assertThat(LegacyPaths.normal("/?p=123")).contains("/?p=123");
        assertThat(LegacyPaths.refusal("/2019/12/04/förskola/")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/nyheter/x/", "/nyheter/", "/kategori/skola/", "/arkiv/2019/", "/sok/",
        "/redaktion/", "/assets/site.css", "/uploads/a", "/media/x/800.jpg", "/api/articles", "/oauth2/token",
        "/feed.xml", "/sitemap.xml", "/sitemap-2019.xml", "/404.html", "/robots.txt", "/index.html", "/logout",
        "/wp/p/1/", "/category/skola/", "/tag/x/", "/feed/", "/comments/feed/"})
    void refusal_shouldKeepTheSitesOwnAddresses(String path) {
        assertThat(LegacyPaths.refusal(path)).isPresent();
        assertThat(LegacyPaths.normal(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019/12/04/x", "https://example.se/x/", "/a/../b/", "/a/./b/", "/a//b/", "/a%2F..%2Fb/",
        "/a%00b/", "/a\u0007/", "/a\\b/", "/x/?utm=1", "/x/#kommentarer", "/?p=abc", "/?p=0", "/?s=skola",
        "/%E2%82/", "/100%25/", ""})
    void refusal_shouldRefuseWhatNoObjectCouldAnswer(String path) {
        assertThat(LegacyPaths.refusal(path)).isPresent();
        assertThatThrownBy(() -> LegacyPaths.key(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(path);
    }

    @Test
    void refusal_shouldSayWhyInSwedish() {
        assertThat(LegacyPaths.refusal("/nyheter/x/")).contains("Adressen är en av webbplatsens egna");
        assertThat(LegacyPaths.refusal("/a/../b/")).contains("Adressen har en tom del, . eller ..");
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "nyheter/x/index.html", "kategori/a/index.html", "redaktion/index.html",
        "media/x/800.jpg", "sitemap-2019.xml", "feed.xml", "assets/site.css", "sok/index.json"})
    void mayBeKeyOf_shouldNotClaimTheSitesOwnObjects(String key) {
        assertThat(LegacyPaths.mayBeKeyOf(key)).isFalse();
    }
}
