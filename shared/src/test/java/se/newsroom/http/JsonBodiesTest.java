package se.newsroom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;

import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.MalformedRequestException;
import se.newsroom.error.PayloadTooLargeException;
import se.newsroom.error.UnsupportedMediaTypeException;

/** Reading request bodies: every way a body can be wrong gets its own clear answer. */
class JsonBodiesTest {
    record Note(String title, List<String> tags, Boolean open) {
    }

    @Test
    void read_shouldKeepSwedishText_fromPlainAndBase64Bodies() {
        String json = "{\"title\":\"Båstad – öppet\u00a0igen\",\"tags\":[\"Å\"],\"open\":true}";

        Note plain = JsonBodies.read(request(json, false), Note.class, Set.of());
        Note encoded = JsonBodies.read(request(Base64.getEncoder().encodeToString(
                json.getBytes(StandardCharsets.UTF_8)), true), Note.class, Set.of());

        assertThat(plain).isEqualTo(new Note("Båstad – öppet\u00a0igen", List.of("Å"), true)).isEqualTo(encoded);
    }

    @Test
    void read_shouldSayWhere_whenTheJsonIsMalformed() {
        assertThatThrownBy(() -> JsonBodies.read(request("{\n  \"title\": \"x\",\n}", false), Note.class, Set.of()))
                .isInstanceOf(MalformedRequestException.class)
                .hasMessageContaining("line 3, column 1");
    }

    @Test
    void read_shouldNameEveryUnknownField_andIgnoreReadOnlyOnes() {
        assertThatThrownBy(() -> JsonBodies.read(request("{\"title\":\"x\",\"titel\":1,\"publish\":true}", false),
                Note.class, Set.of("id")))
                .isInstanceOf(MalformedRequestException.class)
                .hasMessageContaining("titel, publish")
                .satisfies(e -> assertThat(((MalformedRequestException) e).errors()).extracting(FieldError::field)
                        .containsExactly("titel", "publish"));
        assertThat(JsonBodies.read(request("{\"title\":\"x\",\"id\":\"01\"}", false), Note.class, Set.of("id"))
                .title()).isEqualTo("x");
    }

    @Test
    void read_shouldNameTheField_whenAValueIsOfTheWrongKind() {
        assertThatThrownBy(() -> JsonBodies.read(request("{\"title\":5}", false), Note.class, Set.of()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .containsExactly(new FieldError("title", "must be a string")));
        assertThatThrownBy(() -> JsonBodies.read(request("{\"tags\":\"Å\"}", false), Note.class, Set.of()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .containsExactly(new FieldError("tags", "must be an array")));
    }

    @Test
    void read_shouldRefuseDuplicateFieldsArraysAndTrailingText() {
        for (String body : List.of("{\"title\":\"a\",\"title\":\"b\"}", "[1]", "{} {}", "\"text\"")) {
            assertThatThrownBy(() -> JsonBodies.read(request(body, false), Note.class, Set.of()))
                    .as(body).isInstanceOf(MalformedRequestException.class);
        }
    }

    @Test
    void read_shouldRefuseOtherMediaTypesAndCharsets() {
        APIGatewayV2HTTPEvent form = event("title=x", false, "application/x-www-form-urlencoded");
        APIGatewayV2HTTPEvent latin1 = event("{}", false, "application/json; charset=ISO-8859-1");
        APIGatewayV2HTTPEvent none = event("{}", false, null);

        for (APIGatewayV2HTTPEvent e : List.of(form, latin1, none)) {
            assertThatThrownBy(() -> JsonBodies.read(new ApiRequest(e), Note.class, Set.of()))
                    .isInstanceOf(UnsupportedMediaTypeException.class);
        }
        assertThat(JsonBodies.read(new ApiRequest(event("{}", false, "Application/JSON; charset=\"UTF-8\"")),
                Note.class, Set.of())).isEqualTo(new Note(null, null, null));
    }

    @Test
    void read_shouldRefuseBodiesOverOneMebibyte() {
        String big = "{\"title\":\"" + "a".repeat(JsonBodies.MAX_BYTES) + "\"}";

        assertThatThrownBy(() -> JsonBodies.read(request(big, false), Note.class, Set.of()))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("1 MiB");
    }

    @Test
    void read_shouldRefuseBytesThatAreNotUtf8() {
        byte[] latin1 = "{\"title\":\"Båstad\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> JsonBodies.read(request(Base64.getEncoder().encodeToString(latin1), true),
                Note.class, Set.of())).isInstanceOf(MalformedRequestException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void read_shouldRefuseInvalidUtf8_ratherThanStoreReplacementCharacters() {
        // a stray continuation byte, an overlong '/', a surrogate encoded in UTF-8, a truncated sequence
        for (byte[] bad : List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x80})) {
            byte[] json = concat("{\"title\":\"B".getBytes(StandardCharsets.UTF_8), bad,
                    "d\"}".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> JsonBodies.read(request(Base64.getEncoder().encodeToString(json), true),
                    Note.class, Set.of())).isInstanceOf(MalformedRequestException.class)
                    .hasMessage("The request body is not valid UTF-8.");
        }
    }

    @Test
    void read_shouldRefuseATextBodyHoldingU_FFFD_whichIsWhatInvalidBytesBecameOnTheWay() {
        String decodedByTheGateway = new String(new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"',
            (byte) 0xFF, '"', '}'}, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JsonBodies.read(request(decodedByTheGateway, false), Note.class, Set.of()))
                .isInstanceOf(MalformedRequestException.class).hasMessageContaining("not valid UTF-8");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static ApiRequest request(String body, boolean base64) {
        return new ApiRequest(event(body, base64, "application/json"));
    }

    private static APIGatewayV2HTTPEvent event(String body, boolean base64, String contentType) {
        return APIGatewayV2HTTPEvent.builder()
                .withHeaders(contentType == null ? Map.of() : Map.of("content-type", contentType))
                .withBody(body).withIsBase64Encoded(base64).build();
    }
}
