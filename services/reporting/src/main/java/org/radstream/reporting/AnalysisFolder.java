package org.radstream.reporting;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.radstream.modeling.report.ModelReport;
import org.radstream.modeling.study.StudyAnalysis;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;

/**
 * A training run's analysis directory as {@code report.AnalysisWriter} writes it: {@code tables/<name>.csv}
 * (RFC 4180, header row) with {@code tables/<name>.md} (whose first line is the bold title) and
 * {@code figures/<name>.svg|png}. Read for the model report: the tables, the SVG figures and the figure files to
 * copy beside the report.
 *
 * @param dir         the directory
 * @param tables      tables by file name order
 * @param figures     SVG figures by file name order
 * @param figureFiles every SVG and PNG under figures/, by file name
 */
record AnalysisFolder(Path dir, List<StudyAnalysis.Table> tables, List<ModelReport.Figure> figures, List<Path> figureFiles) {

    /**
     * @throws RejectedRecordException BLOB_NOT_FOUND when the directory does not exist, PROCESSING_ERROR naming
     *                                 the file when a table cannot be read
     */
    static AnalysisFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RejectedRecordException(ReasonCode.BLOB_NOT_FOUND, "analysis folder " + dir.toUri() + " does not exist");
        }
        List<StudyAnalysis.Table> tables = new ArrayList<>();
        for (Path csv : list(dir.resolve("tables"), ".csv")) {
            tables.add(table(csv));
        }
        List<ModelReport.Figure> figures = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path f : list(dir.resolve("figures"), "")) {
            String n = f.getFileName().toString();
            if (n.endsWith(".svg")) {
                figures.add(new ModelReport.Figure(n.substring(0, n.length() - 4), readText(f)));
                files.add(f);
            } else if (n.endsWith(".png")) {
                files.add(f);
            }
        }
        return new AnalysisFolder(dir, tables, figures, files);
    }

    static StudyAnalysis.Table table(Path csv) {
        String file = csv.getFileName().toString();
        String name = file.substring(0, file.length() - ".csv".length());
        List<List<String>> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.parse(r)) {
            for (CSVRecord rec : p) {
                rows.add(rec.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new RejectedRecordException(ReasonCode.PROCESSING_ERROR, "analysis table " + csv.toUri() + " cannot be read: "
                    + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new RejectedRecordException(ReasonCode.PROCESSING_ERROR, "analysis table " + csv.toUri() + " has no header row");
        }
        List<String> header = rows.remove(0);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != header.size()) {
                throw new RejectedRecordException(ReasonCode.PROCESSING_ERROR, "analysis table " + csv.toUri() + ": row " + (i + 2)
                        + " has " + rows.get(i).size() + " cells for " + header.size() + " columns");
            }
        }
        return new StudyAnalysis.Table(name, title(csv.resolveSibling(name + ".md"), name), header, rows);
    }

    /** The bold first line of the Markdown twin ({@code **Table 1. …**}), else the table's file name. */
    private static String title(Path md, String fallback) {
        if (!Files.isRegularFile(md)) {
            return fallback;
        }
        String first = readText(md).lines().findFirst().orElse("").strip();
        return first.length() > 4 && first.startsWith("**") && first.endsWith("**") ? first.substring(2, first.length() - 2) : fallback;
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir.toUri() + ": " + e.getMessage(), e);
        }
    }

    private static String readText(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + f.toUri() + ": " + e.getMessage(), e);
        }
    }
}
