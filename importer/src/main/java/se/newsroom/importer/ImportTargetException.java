package se.newsroom.importer;

/**
 * The place an import writes to cannot be used: the table does not exist, the credentials are refused, nothing
 * answers, or it kept refusing writes past every retry. Thrown before anything is written, or when a run gives up
 * part-way (a re-run then finishes it). The message is in Swedish, for the person running the import.
 */
public final class ImportTargetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImportTargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
