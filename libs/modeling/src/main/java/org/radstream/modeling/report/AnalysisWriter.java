package org.radstream.modeling.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radstream.modeling.study.StudyAnalysis;

/**
 * Writes an analysis to a directory: analysis.json, model.json, tables/*.csv + *.md (Tables 1–3),
 * figures/*.svg + *.png. Returns the relative paths written.
 */
public final class AnalysisWriter {
    private AnalysisWriter() {
    }

    public static List<String> write(StudyAnalysis.Result r, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<String> out = new ArrayList<>();
        Files.writeString(dir.resolve("analysis.json"), om.writeValueAsString(r.analysis()) + "\n", StandardCharsets.UTF_8);
        out.add("analysis.json");
        Files.writeString(dir.resolve("model.json"), om.writeValueAsString(r.artifact()) + "\n", StandardCharsets.UTF_8);
        out.add("model.json");
        Path tables = dir.resolve("tables");
        Files.createDirectories(tables);
        for (StudyAnalysis.Table t : r.tables()) {
            Files.writeString(tables.resolve(t.name() + ".csv"), csv(t), StandardCharsets.UTF_8);
            Files.writeString(tables.resolve(t.name() + ".md"), markdown(t), StandardCharsets.UTF_8);
            out.add("tables/" + t.name() + ".csv");
            out.add("tables/" + t.name() + ".md");
        }
        for (String f : Figures.write(r, dir.resolve("figures"))) {
            out.add("figures/" + f);
        }
        return out;
    }

    static String csv(StudyAnalysis.Table t) {
        StringBuilder sb = new StringBuilder(String.join(",", t.header().stream().map(AnalysisWriter::quote).toList())).append('\n');
        for (List<String> row : t.rows()) {
            sb.append(String.join(",", row.stream().map(AnalysisWriter::quote).toList())).append('\n');
        }
        return sb.toString();
    }

    static String markdown(StudyAnalysis.Table t) {
        StringBuilder sb = new StringBuilder("**").append(t.title()).append("**\n\n| ")
                .append(String.join(" | ", t.header())).append(" |\n|");
        t.header().forEach(h -> sb.append("---|"));
        sb.append('\n');
        for (List<String> row : t.rows()) {
            sb.append("| ").append(String.join(" | ", row.stream().map(s -> s.replace("|", "\\|")).toList())).append(" |\n");
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
