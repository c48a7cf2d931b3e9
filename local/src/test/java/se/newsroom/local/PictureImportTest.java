package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.github.f4b6a3.ulid.Ulid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.newsroom.content.ArticleIds;

/** Which file of wp-content/uploads a picture is taken from, and the media id it gets on every run. */
class PictureImportTest {

    @Test
    void aSizedVariant_shouldBeTakenAsItsOriginal_whenTheOriginalIsBesideIt(@TempDir Path uploads) throws Exception {
        Path month = Files.createDirectories(uploads.resolve("2019/12"));
        Path original = Files.write(month.resolve("strand.jpg"), new byte[] {1});
        Path sized = Files.write(month.resolve("strand-1024x683.jpg"), new byte[] {2});
        Path alone = Files.write(month.resolve("hamn-300x200.jpg"), new byte[] {3});

        assertThat(PictureImport.original(sized)).isEqualTo(original);
        assertThat(PictureImport.original(original)).isEqualTo(original);
        // No original kept: the variant is the best there is.
        assertThat(PictureImport.original(alone)).isEqualTo(alone);
    }

    @Test
    void mediaId_shouldBeTheSameOnEveryRun_aValidId_datedByTheUploadsMonth_andDifferentPerFile() {
        String id = PictureImport.mediaId("2019/12/strand.jpg");

        assertThat(PictureImport.mediaId("2019/12/strand.jpg")).isEqualTo(id);
        assertThat(ArticleIds.isValid(id)).isTrue();
        assertThat(Ulid.from(id).getInstant()).hasToString("2019-12-01T00:00:00Z");
        assertThat(PictureImport.mediaId("2019/12/hamn.jpg")).isNotEqualTo(id);
        assertThat(ArticleIds.isValid(PictureImport.mediaId("bild utan mapp.png"))).isTrue();
    }
}
