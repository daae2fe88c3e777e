package org.radstream.modeling.study;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.radstream.modeling.ModelingException;

/** A small RFC-4180 CSV reader (quoted fields, doubled quotes); the header row names the columns. */
final class Csv {
    final Path file;
    final List<String> header;
    final List<List<String>> rows;
    private final Map<String, Integer> index = new HashMap<>();

    private Csv(Path file, List<String> header, List<List<String>> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        for (int i = 0; i < header.size(); i++) {
            if (index.put(header.get(i), i) != null) {
                throw new ModelingException(file + ": duplicate column '" + header.get(i) + "'");
            }
        }
    }

    static Csv read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelingException(file + ": file not found");
        }
        List<List<String>> all = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                StringBuilder rec = new StringBuilder(line);
                while (unbalanced(rec)) {
                    String more = r.readLine();
                    if (more == null) {
                        throw new ModelingException(file + ": line " + lineNo + ": unterminated quoted field");
                    }
                    rec.append('\n').append(more);
                }
                all.add(split(rec.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (all.isEmpty()) {
            throw new ModelingException(file + ": empty file; a header row is required");
        }
        List<String> header = all.get(0).stream().map(String::trim).toList();
        List<List<String>> rows = all.subList(1, all.size());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != header.size()) {
                throw new ModelingException(file + ": row " + (i + 2) + " has " + rows.get(i).size() + " fields, header has " + header.size());
            }
        }
        return new Csv(file, header, rows);
    }

    int column(String name) {
        Integer i = index.get(name);
        if (i == null) {
            String cols = header.size() <= 12 ? header.toString()
                    : header.subList(0, 12) + " and " + (header.size() - 12) + " more";
            throw new ModelingException(file + ": required column '" + name + "' is missing (columns: " + cols + ")");
        }
        return i;
    }

    boolean has(String name) {
        return index.containsKey(name);
    }

    /** "file: row N (caseId X), column C" for messages; row numbers count the header as row 1. */
    String where(int row, String column) {
        return file + ": row " + (row + 2) + ", column '" + column + "'";
    }

    private static boolean unbalanced(CharSequence s) {
        int q = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                q++;
            }
        }
        return q % 2 == 1;
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
