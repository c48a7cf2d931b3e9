package se.newsroom.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.importer.ImportTarget;
import se.newsroom.importer.MediaImport;
import se.newsroom.table.DynamoDbMediaStore;

/**
 * An import into the local runner, through the runner's own wiring: its embedded DynamoDB Local, its S3 stand-in,
 * the media function in-process (each picture is made as soon as its file is in the uploads bucket) and its
 * in-process rebuild. For {@code local/run --import} over the running runner, and for {@code local/import
 * --data-dir DIR} over a runner of its own on that directory (no one else may have it open).
 */
final class LocalImport {
    private LocalImport() {
    }

    /** A session over the running {@code runner}; closing it leaves the runner running. */
    static ImportSession over(LocalRunner runner, Optional<Path> uploads) {
        return session(runner, uploads, () -> { });
    }

    /** A session over a runner of its own on {@code dataDir}, stopped when the session is closed. */
    static ImportSession open(Path dataDir, Optional<Path> uploads) throws Exception {
        LocalRunner.Options options = new LocalRunner.Options(0, Optional.of(dataDir), false, "local-import",
                TemplateTable.templatePath().getParent());
        LocalRunner runner = new LocalRunner(options);
        return session(runner, uploads, () -> {
            // Let the stream's last records (the pictures' updates) reach the render function before stopping.
            runner.awaitRendered(Duration.ofSeconds(30));
            runner.close();
        });
    }

    private static ImportSession session(LocalRunner runner, Optional<Path> uploads, AutoCloseable resources) {
        Optional<PictureImport> pictures = uploads.map(u -> new PictureImport(
                new DynamoDbMediaStore(runner.dynamoDb(), LocalRunner.TABLE), runner.s3(), LocalRunner.UPLOADS_BUCKET,
                runner::uploaded, Clock.systemUTC()));
        return new ImportSession(rebuild -> ImportTarget.dynamoDb(runner.dynamoDb(), LocalRunner.TABLE,
                pictures.map(MediaImport.class::cast), rebuild), pictures, () -> rebuild(runner), runner.hashSalt(),
                resources);
    }

    private static void rebuild(LocalRunner runner) {
        try {
            runner.rebuild();
        } catch (Exception e) {
            throw new ImportSession.TargetException("Den lokala sajten kunde inte byggas om: " + e.getMessage(), e);
        }
    }
}
