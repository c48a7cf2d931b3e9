package se.newsroom.media;

/**
 * Thrown when an uploaded file cannot become a picture on the site: not an image of an accepted type, damaged, or too
 * large in bytes or pixels. The message is the reason in Swedish, shown to editors on the media item.
 */
public final class UnusableImageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnusableImageException(String reason) {
        super(reason, null, false, false);
    }

    /** The reason, in Swedish, for the desk. */
    public String reason() {
        return getMessage();
    }
}
