package se.newsroom.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static se.newsroom.importer.Exports.post;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The first pass: slugs settled as WordPress settles them, and old links re-pointed to new addresses. */
class SiteIndexTest {
    private static final String T = "2019-12-04T09:30:00Z";

    @Test
    void slugs_shouldBeKeptExactlyDecoded_andCollisionsSuffixedInFileOrder() {
        SiteIndex index = new SiteIndex(Exports.SITE);
        index.add(post(1, "publish", "f%c3%b6rskola", "Förskola", T, List.of()));
        index.add(post(2, "draft", "f%c3%b6rskola", "Förskola igen", T, List.of()));
        index.add(post(3, "publish", "förskola", "Och igen", T, List.of()));
        index.add(post(4, "draft", "", "Ett utkast – utan namn", T, List.of()));
        index.add(post(5, "publish", "feed", "Flöde", T, List.of()));
        index.add(post(6, "trash", "förskola-4", "Borttagen", T, List.of()));

        assertThat(index.planned(1)).hasValueSatisfying(p -> assertThat(p.slug()).isEqualTo("förskola"));
        assertThat(index.planned(2)).hasValueSatisfying(p -> assertThat(p.slug()).isEqualTo("förskola-2"));
        assertThat(index.planned(3)).hasValueSatisfying(p -> assertThat(p.slug()).isEqualTo("förskola-3"));
        assertThat(index.planned(4)).hasValueSatisfying(p -> {
            assertThat(p.slug()).isEqualTo("ett-utkast-utan-namn");
            assertThat(p.named()).isFalse();
        });
        assertThat(index.planned(5)).hasValueSatisfying(p -> assertThat(p.slug()).isEqualTo("feed-2"));
        assertThat(index.planned(6)).isEmpty();
        assertThat(index.postCount()).isEqualTo(5);
    }

    @Test
    void relink_shouldPointOldPermalinksAndQueryAddressesToTheNewPage_andLeaveOtherLinks() {
        SiteIndex index = new SiteIndex(Exports.SITE);
        index.add(post(1, "publish", "f%c3%b6rskola", "Förskola", T, List.of()));
        index.add(post(2, "draft", "utkast", "Utkast", T, List.of()));

        assertThat(index.relink(Exports.BASE + "/2019/12/04/f%c3%b6rskola/")).isEqualTo("/nyheter/förskola/");
        assertThat(index.relink("/2019/12/04/förskola")).isEqualTo("/nyheter/förskola/");
        assertThat(index.relink(Exports.BASE + "/2019/12/04/f%C3%B6rskola/#svar")).isEqualTo("/nyheter/förskola/#svar");
        assertThat(index.relink("/?p=2")).isEqualTo("/nyheter/utkast/");
        assertThat(index.relink("https://annan.example.se/2019/12/04/f%c3%b6rskola/"))
                .isEqualTo("https://annan.example.se/2019/12/04/f%c3%b6rskola/");
        assertThat(index.relink(Exports.BASE + "/wp-content/uploads/2019/12/plan.pdf"))
                .isEqualTo(Exports.BASE + "/wp-content/uploads/2019/12/plan.pdf");
        assertThat(index.relink("mailto:info@kommun.example.se")).isEqualTo("mailto:info@kommun.example.se");
    }
}
