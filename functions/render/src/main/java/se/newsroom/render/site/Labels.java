package se.newsroom.render.site;

import java.util.Locale;
import java.util.ResourceBundle;

/** The site's words, from the message bundle {@code se/newsroom/render/site/messages} (Swedish by default). */
public final class Labels {
    private final ResourceBundle bundle;

    public Labels(Locale locale) {
        // Property bundles are read as UTF-8 since Java 9, so å, ä and ö need no escapes.
        this.bundle = ResourceBundle.getBundle("se.newsroom.render.site.messages", locale);
    }

    /** The label for a key; a missing key fails loudly in tests rather than showing a key to readers. */
    public String get(String key) {
        return bundle.getString(key);
    }

    /** The label for a key with its placeholders ({@code {0}}, {@code {1}}) filled in. */
    public String format(String key, Object... values) {
        String text = get(key);
        for (int i = 0; i < values.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(values[i]));
        }
        return text;
    }
}
