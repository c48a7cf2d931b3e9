package se.newsroom.config;

/** Thrown at start when a required environment variable is missing or unusable; the message names it. */
public final class MissingConfigurationException extends RuntimeException {
    public MissingConfigurationException(String message) {
        super(message);
    }
}
