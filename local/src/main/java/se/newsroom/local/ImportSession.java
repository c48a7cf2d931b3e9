package se.newsroom.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.newsroom.importer.ImportTarget;

/**
 * Where one run of {@code local/import} writes (the local runner's table or a deployed stack's), the salt its
 * commenters' emails are hashed with, and what the person running it should know beyond the import's own report
 * (pictures not made in time, the rebuild's outcome).
 */
final class ImportSession implements AutoCloseable {
    /** How long the rebuild waits for the pictures the import sent to be made. */
    static final Duration PICTURES_WAIT = Duration.ofMinutes(3);

    /** The target refuses or cannot be reached: said in Swedish, exit status 3. */
    static final class TargetException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TargetException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Builds a session's target once its rebuild (which needs the session's notes) is known. */
    @FunctionalInterface
    interface Targets {
        ImportTarget target(Runnable rebuild);
    }

    private final List<String> notes = new ArrayList<>();
    private final String hashSalt;
    private final AutoCloseable resources;
    private final ImportTarget target;
    private volatile boolean rebuilt;

    /**
     * @param pictures the run's picture import, whose pictures the rebuild waits for; empty without --uploads
     * @param rebuild  the one rebuild of the site
     */
    ImportSession(Targets targets, Optional<PictureImport> pictures, Runnable rebuild, String hashSalt,
                  AutoCloseable resources) {
        this.hashSalt = hashSalt;
        this.resources = resources;
        this.target = targets.target(() -> {
            pictures.ifPresent(this::awaitPictures);
            rebuild.run();
            rebuilt = true;
        });
    }

    ImportTarget target() {
        return target;
    }

    String hashSalt() {
        return hashSalt;
    }

    /** Whether the import rebuilt the site (it does only when it wrote something). */
    boolean rebuilt() {
        return rebuilt;
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    private void awaitPictures(PictureImport pictures) {
        try {
            List<String> pending = pictures.awaitMade(PICTURES_WAIT);
            if (!pending.isEmpty()) {
                note(pending.size() + " bilder var inte klara efter " + PICTURES_WAIT.toMinutes() + " minuter (bland"
                        + " dem " + pending.getFirst() + "). Sidorna visas utan dem tills de är klara; bygg sedan om"
                        + " sajten ({\"action\":\"rebuild\"} till renderingsfunktionen).");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("Avbruten medan bilderna gjordes klara.", e);
        }
        Map<String, String> refused = pictures.refused(pictures.sentIds());
        refused.forEach((id, reason) -> note("Bilden " + id + " togs inte emot: " + reason));
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
