package se.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;

import se.newsroom.error.MalformedRequestException;
import se.newsroom.http.ApiRequest;

/** The form post's bytes into fields: exactly what the reader typed, or a 400, never a guess. */
class CommentFormTest {

    @Test
    void read_shouldDecodeSwedishTextPlusesAndPercents() {
        CommentInput input = CommentForm.read(form(
                "author=%C3%85sa+%C3%96berg&email=a%40b.se&body=100%25+bra%0D%0Ajust+s%C3%A5&parentId=&website="));

        assertThat(input).isEqualTo(new CommentInput("Åsa Öberg", "a@b.se", "100% bra\r\njust så", "", ""));
    }

    @Test
    void read_shouldRefuseInvalidUtf8_percentEncodedOrRaw_insteadOfStoringU_FFFD() {
        for (String body : List.of("author=%FF%FE&email=a%40b.se&body=Hej", "author=%C3&email=a%40b.se&body=Hej",
                "author=%ED%A0%80&email=a%40b.se&body=Hej", "author=%C0%AF&email=a%40b.se&body=Hej")) {
            assertThatThrownBy(() -> CommentForm.read(form(body))).as(body)
                    .isInstanceOf(MalformedRequestException.class)
                    .hasMessage("Formuläret är inte giltig UTF-8: tecknen kunde inte läsas.");
        }
        byte[] raw = concat("author=".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE5},
                "sa&email=a%40b.se&body=Hej".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CommentForm.read(base64(raw))).isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void read_shouldRefuseBrokenPercentEscapes() {
        for (String body : List.of("author=%&email=a", "author=%G1&email=a", "author=%2&email=a")) {
            assertThatThrownBy(() -> CommentForm.read(form(body))).as(body)
                    .isInstanceOf(MalformedRequestException.class);
        }
    }

    private static ApiRequest form(String body) {
        return base64(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiRequest base64(byte[] body) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("content-type", CommentForm.MEDIA_TYPE))
                .withBody(Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(true).build());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
