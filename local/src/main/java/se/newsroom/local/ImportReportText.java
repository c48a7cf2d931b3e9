package se.newsroom.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import se.newsroom.importer.ImportReport;
import se.newsroom.importer.ImportReport.Line;
import se.newsroom.importer.ImportReport.Outcome;
import se.newsroom.json.Json;

/** An import's report for a person (a table of counts, then every item needing their eye) and as JSON. */
final class ImportReportText {
    private static final Map<Outcome, String> OUTCOMES = new EnumMap<>(Map.of(
            Outcome.IMPORTED, "införda",
            Outcome.UNCHANGED, "redan där",
            Outcome.WOULD_IMPORT, "skulle föras in",
            Outcome.SKIPPED, "överhoppade",
            Outcome.FAILED, "misslyckade"));

    private ImportReportText() {
    }

    /** Writes the report as text: counts by type, status and outcome, then each list that is not empty. */
    static void print(ImportReport report, boolean dryRun, List<String> notes, PrintStream out) {
        out.println();
        if (dryRun) {
            out.println("PROVKÖRNING (--dry-run): ingenting har skrivits.");
        }
        out.println("Rapport");
        out.println();
        table(report, out);
        section(out, "Överhoppat", report.skipped());
        section(out, "Kunde inte föras över som Markdown (kvar som markerat stycke)", report.unmapped());
        section(out, "Bilder som saknas", report.missingImages());
        section(out, "Ny adress (slug)", report.renamed());
        section(out, "Misslyckades (en ny körning gör klart dem)", report.failures());
        if (!notes.isEmpty()) {
            out.println();
            out.println("Att veta");
            notes.forEach(n -> out.println("  " + n));
        }
        out.println();
        if (dryRun) {
            out.println("PROVKÖRNING (--dry-run): ingenting har skrivits. Kör utan --dry-run för att föra in.");
        } else if (report.complete()) {
            out.println("Klart: allt kom över.");
        } else {
            out.println("Klart, men " + report.failures().size() + " poster misslyckades; kör samma kommando igen"
                    + " för att göra klart dem.");
        }
    }

    private static void table(ImportReport report, PrintStream out) {
        List<Outcome> columns = Arrays.asList(Outcome.values());
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[columns.size() + 2];
        header[0] = "typ";
        header[1] = "status i WordPress";
        for (int c = 0; c < columns.size(); c++) {
            header[c + 2] = OUTCOMES.get(columns.get(c));
        }
        rows.add(header);
        report.counts().forEach((type, byStatus) -> byStatus.forEach((status, byOutcome) -> {
            String[] row = new String[columns.size() + 2];
            row[0] = type;
            row[1] = status.isEmpty() ? "–" : status;
            for (int c = 0; c < columns.size(); c++) {
                long n = byOutcome.getOrDefault(columns.get(c), 0L);
                row[c + 2] = n == 0 ? "" : Long.toString(n);
            }
            rows.add(row);
        }));
        if (rows.size() == 1) {
            out.println("  (exporten innehöll inga poster)");
            return;
        }
        int[] widths = new int[header.length];
        rows.forEach(r -> {
            for (int c = 0; c < r.length; c++) {
                widths[c] = Math.max(widths[c], r[c].length());
            }
        });
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < row.length; c++) {
                String cell = row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                line.append("  ").append(c < 2 ? cell + pad : pad + cell);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static void section(PrintStream out, String title, List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + " (" + lines.size() + ")");
        for (Line line : lines) {
            out.println("  " + line.type() + " " + line.wpId() + (line.title().isEmpty() ? "" : " «" + line.title()
                    + "»") + ": " + line.detail());
        }
    }

    /** Writes the report as JSON to {@code file}: the counts and each list, as the text shows them. */
    static void writeJson(ImportReport report, boolean dryRun, Path export, Path file) throws IOException {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("export", export.toString());
        json.put("dryRun", dryRun);
        json.put("complete", report.complete());
        json.set("counts", Json.MAPPER.valueToTree(report.counts()));
        Map<String, List<Line>> lists = new LinkedHashMap<>();
        lists.put("skipped", report.skipped());
        lists.put("unmapped", report.unmapped());
        lists.put("missingImages", report.missingImages());
        lists.put("renamed", report.renamed());
        lists.put("failures", report.failures());
        lists.forEach((name, lines) -> json.set(name, Json.MAPPER.valueToTree(lines)));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }
}
