package se.newsroom.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads configuration from environment variables, failing at start with the variable's name when one is bad. */
public final class Env {
    /** The site's zone when SITE_TIME_ZONE is not set (template.yaml's SiteTimeZone default). */
    public static final ZoneId DEFAULT_SITE_ZONE = ZoneId.of("Europe/Stockholm");

    private final Map<String, String> variables;

    public Env(Map<String, String> variables) {
        this.variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    }

    /** The process environment. */
    public static Env system() {
        return new Env(System.getenv());
    }

    /** The value of a variable that must be set and not blank. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> new MissingConfigurationException(
                "Environment variable " + name + " is not set; template.yaml sets it for the deployed function."));
    }

    /** The value of a variable, empty when unset or blank. */
    public Optional<String> optional(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** An optional whole number of at least {@code min}. */
    public Optional<Integer> optionalInt(String name, int min) {
        return optional(name).map(value -> {
            try {
                int n = Integer.parseInt(value);
                if (n >= min) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // the same answer as out of range
            }
            throw new MissingConfigurationException(name + " must be a whole number of at least " + min + ", got '"
                    + value + "'");
        });
    }

    /** An optional absolute URI, such as an endpoint override. */
    public Optional<URI> optionalUri(String name) {
        return optional(name).map(value -> {
            try {
                URI uri = new URI(value);
                if (!uri.isAbsolute()) {
                    throw new MissingConfigurationException(name + " must be an absolute URI, got '" + value + "'");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new MissingConfigurationException(name + " is not a valid URI: '" + value + "'");
            }
        });
    }

    /** The site's time zone, in which people are shown dates: SITE_TIME_ZONE, or Europe/Stockholm when unset. */
    public ZoneId siteZone() {
        return zone(EnvNames.SITE_TIME_ZONE, DEFAULT_SITE_ZONE);
    }

    /** A time zone id such as Europe/Stockholm, or the default when unset. */
    public ZoneId zone(String name, ZoneId defaultZone) {
        return optional(name).map(value -> {
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                throw new MissingConfigurationException(name + " is not a time zone id: '" + value + "'");
            }
        }).orElse(defaultZone);
    }
}
