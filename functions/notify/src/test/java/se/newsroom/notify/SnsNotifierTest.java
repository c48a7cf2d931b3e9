package se.newsroom.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SnsNotifierTest {
    @Test
    void formBody_shouldCarrySwedishTextIntact_asUtf8PercentEncoding() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Subject", "3 nya kommentarer väntar på granskning");
        form.put("Message", "Öppet hus – välkommen\u00a0&\nmer=text");

        String body = new String(SnsNotifier.formBody(form), StandardCharsets.US_ASCII);

        assertThat(body).doesNotContain(" ", "\n", "ä").contains("&Message=");
        Map<String, String> back = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            back.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(back).isEqualTo(form);
    }
}
