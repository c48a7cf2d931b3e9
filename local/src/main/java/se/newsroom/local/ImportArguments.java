package se.newsroom.local;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code local/import} was asked to do: the export, and either a deployed stack's table ({@code --table}) or
 * the local runner's data directory ({@code --data-dir}).
 *
 * @param export          the WXR file, plain or gzipped
 * @param table           the deployed stack's content table; empty for a local import
 * @param region          the stack's region (else the AWS SDK's own lookup: AWS_REGION, the profile)
 * @param endpoint        a DynamoDB (and S3, Lambda, SSM) endpoint instead of AWS's, e.g. LocalStack
 * @param renderFunction  the stack's render function, invoked once at the end with {@code {"action":"rebuild"}}
 * @param uploadsBucket   the stack's uploads bucket, for pictures
 * @param saltParameter   the Parameter Store name of the comments function's hashing salt
 * @param dataDir         the local runner's data directory; empty for a deployed import
 * @param uploads         a copy of wp-content/uploads
 * @param report          where the report is also written as JSON
 */
record ImportArguments(Path export, Optional<String> table, Optional<String> region, Optional<URI> endpoint,
                       Optional<String> renderFunction, Optional<String> uploadsBucket, Optional<String> saltParameter,
                       Optional<Path> dataDir, Optional<Path> uploads, Optional<Path> report, boolean dryRun,
                       boolean debug) {

    /** The help text, {@code --help}. */
    static final String USAGE = """
            Användning:
              local/import EXPORT.xml[.gz] --data-dir KATALOG [--uploads KATALOG] [--dry-run] [--report FIL]
              local/import EXPORT.xml[.gz] --table TABELL [--region REGION] [--endpoint URL]
                           [--render-function NAMN] [--uploads-bucket NAMN] [--salt-parameter NAMN]
                           [--uploads KATALOG] [--dry-run] [--report FIL]

            Läser en WordPress-export (Verktyg → Exportera, WXR 1.0–1.2, även gzippad) och för över inlägg,
            kommentarer och bilder till Newsroom. Att köra samma import igen ändrar ingenting.

              --data-dir KATALOG      den lokala körningens datakatalog (local/run --data-dir KATALOG visar sedan
                                      sajten); local/run får inte vara igång mot samma katalog
              --table TABELL          innehållstabellen i en driftsatt stack (stackens utdata ContentTableName)
              --region REGION         stackens AWS-region
              --endpoint URL          en annan adress till AWS-tjänsterna (t.ex. LocalStack)
              --render-function NAMN  renderingsfunktionen (stackens utdata RenderFunctionAlias), som anropas en
                                      gång på slutet för att bygga om sajten
              --uploads-bucket NAMN   uppladdningshinken, för bilderna (stackens utdata UploadsBucketName)
              --salt-parameter NAMN   Parameter Store-parametern med saltet för e-postadressernas hash
                                      (stackens utdata HashSaltParameter; annars miljövariabeln HASH_SALT)
              --uploads KATALOG       en kopia av wp-content/uploads: bilderna inläggen använder
              --dry-run               läser och räknar allt, skriver ingenting
              --report FIL            skriver också rapporten som JSON till FIL
              --debug                 visar hela felet (stack trace) när något går fel

            Slutstatus: 0 allt kom över; 1 några poster misslyckades (en ny körning gör klart dem);
            2 filen är ingen läsbar WordPress-export; 3 målet svarar inte eller vägrar; 64 fel användning.
            """;

    /** Wrong use of the command: said in Swedish, exit status 64. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Whether the import goes to a deployed stack's table. */
    boolean deployed() {
        return table.isPresent();
    }

    /**
     * Reads the command line.
     *
     * @param base what relative paths are relative to: where the command was started (local/import starts Java in
     *             the repository)
     * @throws UsageException naming what is wrong
     */
    static ImportArguments parse(String[] args, Path base) {
        Path export = null;
        Optional<String> table = Optional.empty();
        Optional<String> region = Optional.empty();
        Optional<URI> endpoint = Optional.empty();
        Optional<String> render = Optional.empty();
        Optional<String> bucket = Optional.empty();
        Optional<String> salt = Optional.empty();
        Optional<Path> dataDir = Optional.empty();
        Optional<Path> uploads = Optional.empty();
        Optional<Path> report = Optional.empty();
        boolean dryRun = false;
        boolean debug = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--table" -> table = Optional.of(value(args, ++i, arg));
                case "--region" -> region = Optional.of(value(args, ++i, arg));
                case "--endpoint" -> endpoint = Optional.of(uri(value(args, ++i, arg)));
                case "--render-function" -> render = Optional.of(value(args, ++i, arg));
                case "--uploads-bucket" -> bucket = Optional.of(value(args, ++i, arg));
                case "--salt-parameter" -> salt = Optional.of(value(args, ++i, arg));
                case "--data-dir" -> dataDir = Optional.of(base.resolve(value(args, ++i, arg)).normalize());
                case "--uploads" -> uploads = Optional.of(base.resolve(value(args, ++i, arg)).normalize());
                case "--report" -> report = Optional.of(base.resolve(value(args, ++i, arg)).normalize());
                case "--dry-run" -> dryRun = true;
                case "--debug" -> debug = true;
                default -> {
                    if (arg.startsWith("-") || export != null) {
                        throw new UsageException("Okänt argument: " + arg + " (se local/import --help)");
                    }
                    export = base.resolve(arg).normalize();
                }
            }
        }
        if (export == null) {
            throw new UsageException("Ange exportfilen från WordPress (se local/import --help).");
        }
        if (table.isPresent() == dataDir.isPresent()) {
            throw new UsageException("Ange antingen --table (en driftsatt stack) eller --data-dir (lokalt), inte "
                    + (table.isPresent() ? "båda." : "ingetdera."));
        }
        if (dataDir.isPresent() && (region.isPresent() || endpoint.isPresent() || render.isPresent()
                || bucket.isPresent() || salt.isPresent())) {
            throw new UsageException("--region, --endpoint, --render-function, --uploads-bucket och --salt-parameter"
                    + " hör till --table, inte till --data-dir.");
        }
        if (uploads.isPresent() && table.isPresent() && bucket.isEmpty()) {
            throw new UsageException("--uploads mot en driftsatt stack behöver --uploads-bucket (stackens utdata"
                    + " UploadsBucketName).");
        }
        return new ImportArguments(export, table, region, endpoint, render, bucket, salt, dataDir, uploads, report,
                dryRun, debug);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " behöver ett värde (se local/import --help).");
        }
        return args[i];
    }

    private static URI uri(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new UsageException("--endpoint ska vara en adress som http://localhost:4566, inte " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--endpoint ska vara en adress som http://localhost:4566, inte " + value);
        }
    }
}
