package se.newsroom.importer.wxr;

/** A file that cannot be read as a WordPress export: said in Swedish, with where it went wrong. */
public final class WxrException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Kind {
        /** Readable XML, but not a WordPress export (no RSS channel with wp:wxr_version). */
        NOT_WXR,
        /** A wp:wxr_version this importer does not know (it knows 1.0, 1.1 and 1.2). */
        UNKNOWN_VERSION,
        /** Not well-formed XML. */
        INVALID_XML,
        /** The file ends before the export does (a download or gzip stream cut short). */
        TRUNCATED,
        /** The file cannot be read at all. */
        UNREADABLE
    }

    private final Kind kind;
    private final long line;

    public WxrException(Kind kind, long line, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.line = line;
    }

    public Kind kind() {
        return kind;
    }

    /** The line of the file where it went wrong; 0 when not known. */
    public long line() {
        return line;
    }
}
