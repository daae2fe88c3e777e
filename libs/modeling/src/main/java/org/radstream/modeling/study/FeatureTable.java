package org.radstream.modeling.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.radstream.modeling.ModelingException;

/**
 * Radiomics features of one reader: one CSV row per caseId + sequence, as {@code radstream features --batch}
 * writes it, with a {@code sequence} column.
 * <p>Columns: {@code caseId}, {@code sequence}, then feature columns. Columns named {@code image}, {@code mask},
 * {@code label}, {@code reader}, {@code status}, {@code error} or starting with {@code diagnostics_} are not
 * features; a row whose {@code status} is not "ok" (a failed extraction) is an error naming the case. They are
 * listed in {@link #ignoredColumns()} (a column named {@code settings_hash} or ending in {@code SettingsHash}
 * gives {@link #settingsHash()}). Empty, "NaN" or "NA" feature values are missing: such a feature is excluded
 * for that sequence with the reason recorded in {@link SequenceFeatures#excluded()} (PyRadiomics leaves
 * uncomputable features NaN). Any other non-numeric value, a duplicate caseId+sequence row or an unknown
 * sequence is an error naming file, row and column.
 */
public record FeatureTable(Path file, Map<Sequence, SequenceFeatures> sequences, List<String> ignoredColumns,
                           String settingsHash) {
    /** Features of one sequence: names, case → values (in name order), and excluded feature → reason. */
    public record SequenceFeatures(List<String> names, Map<String, double[]> cases, Map<String, String> excluded,
                                   Map<String, Integer> positions) {
        public SequenceFeatures(List<String> names, Map<String, double[]> cases, Map<String, String> excluded) {
            this(names, cases, excluded, positionsOf(names));
        }

        private static Map<String, Integer> positionsOf(List<String> names) {
            Map<String, Integer> m = new java.util.HashMap<>();
            for (int j = 0; j < names.size(); j++) {
                m.put(names.get(j), j);
            }
            return Map.copyOf(m);
        }

        /** Position of a feature in the value arrays. */
        public int index(String feature) {
            Integer j = positions.get(feature);
            if (j == null) {
                throw new ModelingException("no feature " + feature);
            }
            return j;
        }

        public double[] column(String feature, List<String> caseIds) {
            int j = index(feature);
            double[] out = new double[caseIds.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = cases.get(caseIds.get(i))[j];
            }
            return out;
        }
    }

    private static final Set<String> NOT_FEATURES = Set.of("image", "mask", "label", "reader", "status", "error", "caseid", "sequence");

    public static FeatureTable read(Path file) {
        Csv csv = Csv.read(file);
        int idCol = csv.column("caseId");
        int seqCol = csv.column("sequence");
        List<Integer> featureCols = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        int hashCol = -1;
        int statusCol = csv.has("status") ? csv.column("status") : -1;
        int errorCol = csv.has("error") ? csv.column("error") : -1;
        for (int c = 0; c < csv.header.size(); c++) {
            String h = csv.header.get(c);
            String lower = h.toLowerCase(Locale.ROOT);
            if (c == idCol || c == seqCol) {
                continue;
            }
            if (lower.equals("settings_hash") || h.endsWith("SettingsHash")) {
                hashCol = c;
                ignored.add(h);
            } else if (NOT_FEATURES.contains(lower) || lower.startsWith("diagnostics_")) {
                ignored.add(h);
            } else {
                featureCols.add(c);
            }
        }
        if (featureCols.isEmpty()) {
            throw new ModelingException(file + ": no feature columns (columns: " + csv.header.subList(0, Math.min(12, csv.header.size())) + ")");
        }
        Map<Sequence, Map<String, double[]>> raw = new EnumMap<>(Sequence.class);
        String hash = null;
        for (int r = 0; r < csv.rows.size(); r++) {
            List<String> row = csv.rows.get(r);
            String id = row.get(idCol).trim();
            if (id.isEmpty()) {
                throw new ModelingException(csv.where(r, "caseId") + ": empty case id");
            }
            Sequence seq = Sequence.parse(row.get(seqCol), csv.where(r, "sequence"));
            if (statusCol >= 0 && !row.get(statusCol).isBlank() && !row.get(statusCol).trim().equalsIgnoreCase("ok")) {
                throw new ModelingException(csv.where(r, "status") + ": feature extraction failed for case " + id + ", sequence "
                        + seq + (errorCol >= 0 && !row.get(errorCol).isBlank() ? ": " + row.get(errorCol).trim() : "")
                        + "; re-extract it or remove the case from the analysis");
            }
            if (hashCol >= 0) {
                String h = row.get(hashCol).trim();
                if (hash != null && !hash.equals(h)) {
                    throw new ModelingException(csv.where(r, csv.header.get(hashCol)) + ": features were extracted with different settings ("
                            + hash + " vs " + h + ")");
                }
                hash = h;
            }
            double[] v = new double[featureCols.size()];
            for (int k = 0; k < v.length; k++) {
                int c = featureCols.get(k);
                String s = row.get(c).trim();
                if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equals("NA")) {
                    v[k] = Double.NaN;
                } else {
                    try {
                        v[k] = Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw new ModelingException(csv.where(r, csv.header.get(c)) + ": '" + s + "' is not a number (case " + id + ")");
                    }
                    if (Double.isInfinite(v[k])) {
                        v[k] = Double.NaN;
                    }
                }
            }
            if (raw.computeIfAbsent(seq, q -> new TreeMap<>()).put(id, v) != null) {
                throw new ModelingException(csv.where(r, "caseId") + ": duplicate row for case " + id + ", sequence " + seq);
            }
        }
        Map<Sequence, SequenceFeatures> seqs = new EnumMap<>(Sequence.class);
        for (Map.Entry<Sequence, Map<String, double[]>> e : raw.entrySet()) {
            List<String> names = new ArrayList<>();
            Map<String, String> excluded = new LinkedHashMap<>();
            List<Integer> keep = new ArrayList<>();
            for (int k = 0; k < featureCols.size(); k++) {
                String name = csv.header.get(featureCols.get(k));
                int missing = 0;
                for (double[] v : e.getValue().values()) {
                    if (Double.isNaN(v[k])) {
                        missing++;
                    }
                }
                if (missing > 0) {
                    excluded.put(name, "missing or NaN for " + missing + " of " + e.getValue().size() + " cases");
                } else {
                    names.add(name);
                    keep.add(k);
                }
            }
            Map<String, double[]> cases = new TreeMap<>();
            for (Map.Entry<String, double[]> c : e.getValue().entrySet()) {
                double[] v = new double[keep.size()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = c.getValue()[keep.get(k)];
                }
                cases.put(c.getKey(), v);
            }
            seqs.put(e.getKey(), new SequenceFeatures(List.copyOf(names), cases, excluded));
        }
        return new FeatureTable(file, seqs, List.copyOf(ignored), hash);
    }
}
