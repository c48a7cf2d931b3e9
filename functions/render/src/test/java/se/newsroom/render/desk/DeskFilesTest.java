package se.newsroom.render.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.newsroom.json.Json;
import se.newsroom.render.output.FolderSiteWriter;
import se.newsroom.render.site.RenderedObject;

class DeskFilesTest {
    @Test
    void files_shouldListEveryFileUnderDesk_soNoneIsLeftOutOfADeploy() throws Exception {
        // GIVEN the desk's folder as the build put it on the classpath
        Path folder = Path.of(DeskFiles.class.getResource("/desk/").toURI());

        // WHEN its files are listed
        List<String> present;
        try (Stream<Path> files = Files.walk(folder)) {
            present = files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString().replace('\\', '/'))
                    .toList();
        }

        // THEN the writer's list holds exactly them
        assertThat(DeskFiles.FILES).containsExactlyInAnyOrderElementsOf(present);
    }

    @Test
    void writeTo_shouldPutTheDeskUnderRedaktion_withConfigForTheLocalRunner(@TempDir Path site) throws Exception {
        // GIVEN no user pool domain (the local runner)
        DeskFiles desk = new DeskFiles(DeskSignIn.of(Optional.empty(), Optional.empty()));

        // WHEN the desk is written
        int written = desk.writeTo(new FolderSiteWriter(site));

        // THEN every file is there, and config.json names the runner's own endpoints
        assertThat(written).isEqualTo(DeskFiles.FILES.size() + 1);
        assertThat(Files.readString(site.resolve("redaktion/index.html")))
                .contains("<html lang=\"sv\">", "/redaktion/main.js");
        for (String name : DeskFiles.FILES) {
            assertThat(site.resolve("redaktion/" + name)).exists();
        }
        assertThat(config(site)).isEqualTo(Map.of("authorizeUrl", "/oauth2/authorize", "tokenUrl", "/oauth2/token",
                "logoutUrl", "/logout", "clientId", "local-desk", "local", true));
    }

    @Test
    void config_shouldSendTheBrowserToTheUserPoolDomain_andKeepTheTokenCallOnTheSite(@TempDir Path site)
            throws Exception {
        // GIVEN a user pool domain (a trailing slash, as a template output may carry) and a client
        DeskFiles desk = new DeskFiles(DeskSignIn.of(
                Optional.of(URI.create("https://newsroom-x.auth.eu-north-1.amazoncognito.com/")),
                Optional.of("5abc")));

        // WHEN
        desk.writeTo(new FolderSiteWriter(site));

        // THEN
        assertThat(config(site)).isEqualTo(Map.of(
                "authorizeUrl", "https://newsroom-x.auth.eu-north-1.amazoncognito.com/oauth2/authorize",
                "tokenUrl", "/oauth2/token",
                "logoutUrl", "https://newsroom-x.auth.eu-north-1.amazoncognito.com/logout",
                "clientId", "5abc", "local", false));
    }

    @Test
    void objects_shouldCarryTheirContentTypes_andNoCache_soADeployIsSeenAtOnce() {
        List<RenderedObject> objects = new DeskFiles(DeskSignIn.localRunner()).objects();

        assertThat(objects).allSatisfy(o -> assertThat(o.cacheControl()).isEqualTo("no-cache"));
        assertThat(objects).filteredOn(o -> o.key().endsWith(".js")).isNotEmpty()
                .allSatisfy(o -> assertThat(o.contentType()).isEqualTo("text/javascript; charset=utf-8"));
        assertThat(type(objects, "redaktion/desk.css")).isEqualTo("text/css; charset=utf-8");
        assertThat(type(objects, "redaktion/index.html")).isEqualTo("text/html; charset=utf-8");
        assertThat(type(objects, "redaktion/config.json")).isEqualTo("application/json");
    }

    @Test
    void aSignInUrlWithoutAClient_shouldBeRefused() {
        assertThatThrownBy(() -> DeskSignIn.of(Optional.of(URI.create("https://x.auth.eu-north-1.amazoncognito.com")),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    private static String type(List<RenderedObject> objects, String key) {
        return objects.stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow().contentType();
    }

    private static Map<String, Object> config(Path site) throws Exception {
        return Json.MAPPER.readValue(Files.readString(site.resolve("redaktion/config.json"), StandardCharsets.UTF_8),
                new TypeReference<>() { });
    }
}
