package se.newsroom.local;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;

import se.newsroom.importer.ImportOptions;
import se.newsroom.importer.ImportReport;
import se.newsroom.importer.ImportTargetException;
import se.newsroom.importer.WordPressImport;
import se.newsroom.importer.wxr.WxrException;
import se.newsroom.importer.wxr.WxrFiles;

/**
 * {@code local/import}: a WordPress export into Newsroom, the local runner's data directory or a deployed stack's
 * table (see {@link ImportArguments#USAGE}). Progress goes to standard error, the report to standard output; the exit
 * status says how it went (the design's statuses, below).
 */
public final class ImportCommand {
    /** Everything came across. */
    static final int OK = 0;
    /** Some items failed (listed in the report); a re-run finishes them. */
    static final int SOME_FAILED = 1;
    /** The file is not a readable WXR export. */
    static final int NOT_AN_EXPORT = 2;
    /** The target is unreachable or refuses. */
    static final int TARGET_REFUSES = 3;
    /** Wrong use of the command. */
    static final int USAGE = 64;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final boolean terminal;
    /** The last import's report, for a test's eyes. */
    private ImportReport lastReport;

    ImportCommand(PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new ImportCommand(out, err, System.getenv(), ImportProgress.onTerminal()).run(args));
    }

    /** Runs the command; returns its exit status. */
    int run(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(ImportArguments.USAGE);
            return OK;
        }
        boolean debug = Arrays.asList(args).contains("--debug");
        ImportArguments arguments;
        try {
            arguments = ImportArguments.parse(args, Path.of(env.getOrDefault("NEWSROOM_CALLER_DIR", "")));
            check(arguments);
        } catch (ImportArguments.UsageException e) {
            err.println("local/import: " + e.getMessage());
            return USAGE;
        }
        if (!Files.isReadable(arguments.export()) || Files.isDirectory(arguments.export())) {
            err.println("local/import: Exportfilen " + arguments.export() + " finns inte eller kan inte läsas.");
            return NOT_AN_EXPORT;
        }
        return guarded(debug, () -> {
            // The file's head first (the channel, its version, its authors and terms): a file that is no export at
            // all is said at once, before a runner starts or a stack is asked anything.
            WxrFiles.open(arguments.export()).close();
            ImportSession session = arguments.deployed() ? AwsImport.open(arguments, env)
                    : LocalImport.open(arguments.dataDir().orElseThrow(), arguments.uploads());
            return importFile(session, arguments.export(), arguments.uploads(), arguments.dryRun(),
                    arguments.report());
        });
    }

    /**
     * {@code local/run --import EXPORT [--uploads DIR]}: the export into the running {@code runner}; the site is
     * rebuilt once (by the import, or here when the import wrote nothing).
     */
    int runOver(LocalRunner runner, Path export, Optional<Path> uploads) {
        if (!Files.isReadable(export) || Files.isDirectory(export)) {
            err.println("local/run: Exportfilen " + export + " finns inte eller kan inte läsas.");
            return NOT_AN_EXPORT;
        }
        if (uploads.isPresent() && !Files.isDirectory(uploads.get())) {
            err.println("local/run: --uploads " + uploads.get() + " är ingen katalog.");
            return USAGE;
        }
        ImportSession session = LocalImport.over(runner, uploads);
        int status = guarded(false, () -> importFile(session, export, uploads, false, Optional.empty()));
        if (!session.rebuilt() && status < NOT_AN_EXPORT) {
            try {
                runner.rebuild();
            } catch (Exception e) {
                err.println("local/run: Sajten kunde inte byggas om: " + e.getMessage());
                return TARGET_REFUSES;
            }
        }
        return status;
    }

    /** The report of the last import this command ran, if it came that far. */
    Optional<ImportReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }

    /** What an import does that may fail, giving an exit status. */
    @FunctionalInterface
    private interface Run {
        int run() throws Exception;
    }

    /** Runs {@code run}, turning each way it can fail into its message and exit status. */
    private int guarded(boolean debug, Run run) {
        try {
            return run.run();
        } catch (WxrException e) {
            err.println();
            err.println("local/import: " + e.getMessage() + (e.line() > 0 && !e.getMessage().contains("rad")
                    ? " (rad " + e.line() + ")" : ""));
            err.println("Ingenting är halvgjort: det som skrevs före felet finns kvar, och en ny körning med en hel"
                    + " fil gör klart resten.");
            trace(debug, e);
            return NOT_AN_EXPORT;
        } catch (ImportSession.TargetException | ImportTargetException e) {
            err.println();
            err.println("local/import: " + e.getMessage());
            trace(debug, e);
            return TARGET_REFUSES;
        } catch (SdkException e) {
            err.println();
            err.println("local/import: Målet svarar inte eller vägrar: " + AwsImport.reason(e));
            trace(debug, e);
            return TARGET_REFUSES;
        } catch (Exception e) {
            err.println();
            err.println("local/import: Importen avbröts: " + e.getMessage() + " (kör med --debug för detaljer;"
                    + " en ny körning gör klart det som inte hann skrivas)");
            trace(debug, e);
            return TARGET_REFUSES;
        }
    }

    private int importFile(ImportSession session, Path export, Optional<Path> uploads, boolean dryRun,
                           Optional<Path> reportFile) throws Exception {
        if (dryRun) {
            out.println("PROVKÖRNING (--dry-run): ingenting skrivs.");
        }
        ImportProgress progress = new ImportProgress(err, terminal, Clock.systemUTC());
        ImportReport report;
        try (session) {
            report = new WordPressImport(session.target(), new ImportOptions(dryRun, uploads, session.hashSalt()),
                    progress, Clock.systemUTC()).run(export);
        } finally {
            progress.finished();
        }
        lastReport = report;
        ImportReportText.print(report, dryRun, session.notes(), out);
        if (reportFile.isPresent()) {
            ImportReportText.writeJson(report, dryRun, export, reportFile.get());
            out.println("Rapporten som JSON: " + reportFile.get());
        }
        return report.complete() ? OK : SOME_FAILED;
    }

    private static void check(ImportArguments arguments) {
        Optional<Path> uploads = arguments.uploads();
        if (uploads.isPresent() && !Files.isDirectory(uploads.get())) {
            throw new ImportArguments.UsageException("--uploads " + uploads.get() + " är ingen katalog (ange en kopia"
                    + " av wp-content/uploads).");
        }
    }

    private void trace(boolean debug, Exception e) {
        if (debug) {
            e.printStackTrace(err);
        }
    }
}
