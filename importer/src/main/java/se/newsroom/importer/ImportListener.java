package se.newsroom.importer;

/** Told how an import goes, for a progress bar on a terminal or progress lines in a log. */
public interface ImportListener {

    /** A phase begins (reading the file through once, writing, rebuilding the site), over {@code total} units. */
    void phase(String name, long total);

    /** Progress within the phase: {@code done} of its total units (bytes of the file), {@code items} so far. */
    void progress(long done, long items);

    /** The import is over (whatever its outcome). */
    void finished();

    /** A listener that hears nothing. */
    static ImportListener silent() {
        return new ImportListener() {
            @Override
            public void phase(String name, long total) {
            }

            @Override
            public void progress(long done, long items) {
            }

            @Override
            public void finished() {
            }
        };
    }
}
