package org.radstream.modeling.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.radstream.modeling.ModelingException;

/**
 * Clinical predictors, one row per case: columns {@code caseId,age,sex,alb,afp,alt,ast,tbil,hbsag,child_pugh,
 * cirrhosis,tumor_number,tumor_size_cm,tumor_location}.
 * <p>Encoding into model variables (an empty cell or "NA" is missing):
 * <ul>
 * <li>age, alb, afp, alt, ast, tbil, tumor_size_cm: numbers;</li>
 * <li>sex → {@code sex_male}: M/male/1 = 1, F/female/0 = 0;</li>
 * <li>hbsag → {@code hbsag_positive}, cirrhosis → {@code cirrhosis}: positive/pos/yes/y/true/1/+ = 1,
 *     negative/neg/no/n/false/0/- = 0;</li>
 * <li>child_pugh → {@code child_pugh_b}: class A = 0, B = 1 (a score like "A5" or "B7" reads its letter;
 *     class C is an error: RFA candidates are A or B);</li>
 * <li>tumor_number → {@code tumor_multiple}: a count (≥ 2 = 1) or single/multiple;</li>
 * <li>tumor_location: a categorical variable, indicator per level against the most frequent level
 *     ({@code tumor_location_<level>}).</li>
 * </ul>
 * Any other value is an error naming the file, row and column.
 */
public record ClinicalTable(Path file, Map<String, Map<String, Double>> cases, Map<String, String> location,
                            List<String> locationLevels) {
    /** How each model variable is derived from the CSV columns (written to analysis.json for re-computation). */
    public static final Map<String, String> ENCODING = encoding();

    private static Map<String, String> encoding() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("age", "age (years)");
        m.put("alb", "alb (g/L)");
        m.put("afp", "afp (ng/mL)");
        m.put("alt", "alt (U/L)");
        m.put("ast", "ast (U/L)");
        m.put("tbil", "tbil (umol/L)");
        m.put("tumor_size_cm", "tumor_size_cm (cm)");
        m.put("sex_male", "1 if sex is M/male/1, 0 if F/female/0");
        m.put("hbsag_positive", "1 if hbsag is positive/pos/yes/y/true/1/+, 0 if negative/neg/no/n/false/0/-");
        m.put("child_pugh_b", "1 if child_pugh starts with B, 0 if with A");
        m.put("cirrhosis", "1 if cirrhosis is positive/pos/yes/y/true/1/+, 0 if negative/neg/no/n/false/0/-");
        m.put("tumor_multiple", "1 if tumor_number >= 2 (or 'multiple'), 0 if 1 (or 'single')");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Continuous variables, in table order. */
    public static final List<String> CONTINUOUS = List.of("age", "alb", "afp", "alt", "ast", "tbil", "tumor_size_cm");
    /** Skewed laboratory values shown as median [IQR] with Mann–Whitney in Table 1. */
    public static final List<String> SKEWED = List.of("afp", "alt", "ast", "tbil");
    /** Binary variables, in table order. */
    public static final List<String> BINARY = List.of("sex_male", "hbsag_positive", "child_pugh_b", "cirrhosis", "tumor_multiple");

    public static ClinicalTable read(Path file) {
        Csv csv = Csv.read(file);
        int id = csv.column("caseId");
        Map<String, Integer> col = new LinkedHashMap<>();
        for (String c : List.of("age", "sex", "alb", "afp", "alt", "ast", "tbil", "hbsag", "child_pugh", "cirrhosis",
                "tumor_number", "tumor_size_cm", "tumor_location")) {
            col.put(c, csv.column(c));
        }
        Map<String, Map<String, Double>> cases = new TreeMap<>();
        Map<String, String> loc = new TreeMap<>();
        for (int r = 0; r < csv.rows.size(); r++) {
            List<String> row = csv.rows.get(r);
            String cid = row.get(id).trim();
            if (cid.isEmpty()) {
                throw new ModelingException(csv.where(r, "caseId") + ": empty case id");
            }
            Map<String, Double> v = new LinkedHashMap<>();
            for (String c : List.of("age", "alb", "afp", "alt", "ast", "tbil", "tumor_size_cm")) {
                v.put(c, number(csv, r, c, row.get(col.get(c))));
            }
            v.put("sex_male", sex(csv, r, row.get(col.get("sex"))));
            v.put("hbsag_positive", yesNo(csv, r, "hbsag", row.get(col.get("hbsag"))));
            v.put("child_pugh_b", childPugh(csv, r, row.get(col.get("child_pugh"))));
            v.put("cirrhosis", yesNo(csv, r, "cirrhosis", row.get(col.get("cirrhosis"))));
            v.put("tumor_multiple", tumorNumber(csv, r, row.get(col.get("tumor_number"))));
            if (cases.put(cid, v) != null) {
                throw new ModelingException(csv.where(r, "caseId") + ": duplicate case " + cid);
            }
            String l = row.get(col.get("tumor_location")).trim();
            if (!l.isEmpty() && !l.equals("NA")) {
                loc.put(cid, l);
            }
        }
        // levels: most frequent first (the reference), ties by name
        Map<String, Integer> counts = new TreeMap<>();
        loc.values().forEach(l -> counts.merge(l, 1, Integer::sum));
        List<String> levels = new ArrayList<>(counts.keySet());
        levels.sort((a, b) -> counts.get(b) - counts.get(a) != 0 ? counts.get(b) - counts.get(a) : a.compareTo(b));
        return new ClinicalTable(file, cases, loc, List.copyOf(levels));
    }

    /** Indicator variables of tumour location (all levels but the reference). */
    public List<String> locationVariables() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < locationLevels.size(); i++) {
            out.add("tumor_location_" + locationLevels.get(i));
        }
        return out;
    }

    /** A variable's value for a case: NaN when missing. */
    public double value(String caseId, String variable) {
        if (variable.startsWith("tumor_location_")) {
            String l = location.get(caseId);
            return l == null ? Double.NaN : l.equals(variable.substring("tumor_location_".length())) ? 1 : 0;
        }
        Double v = cases.get(caseId).get(variable);
        if (v == null) {
            throw new ModelingException("unknown clinical variable " + variable);
        }
        return v;
    }

    private static boolean missing(String s) {
        return s.isEmpty() || s.equals("NA") || s.equalsIgnoreCase("nan");
    }

    private static double number(Csv csv, int r, String c, String s) {
        s = s.trim();
        if (missing(s)) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ModelingException(csv.where(r, c) + ": '" + s + "' is not a number");
        }
    }

    private static double sex(Csv csv, int r, String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (missing(t)) {
            return Double.NaN;
        }
        return switch (t) {
            case "m", "male", "1" -> 1;
            case "f", "female", "0" -> 0;
            default -> throw new ModelingException(csv.where(r, "sex") + ": '" + s + "' is not M/F/male/female/1/0");
        };
    }

    private static double yesNo(Csv csv, int r, String c, String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (missing(t)) {
            return Double.NaN;
        }
        return switch (t) {
            case "positive", "pos", "yes", "y", "true", "1", "+" -> 1;
            case "negative", "neg", "no", "n", "false", "0", "-" -> 0;
            default -> throw new ModelingException(csv.where(r, c) + ": '" + s + "' is not yes/no, positive/negative, true/false or 1/0");
        };
    }

    private static double childPugh(Csv csv, int r, String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        if (missing(t)) {
            return Double.NaN;
        }
        if (t.startsWith("A")) {
            return 0;
        }
        if (t.startsWith("B")) {
            return 1;
        }
        throw new ModelingException(csv.where(r, "child_pugh") + ": '" + s + "' is not Child-Pugh class A or B");
    }

    private static double tumorNumber(Csv csv, int r, String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (missing(t)) {
            return Double.NaN;
        }
        if (t.equals("single")) {
            return 0;
        }
        if (t.equals("multiple")) {
            return 1;
        }
        try {
            int n = Integer.parseInt(t);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n >= 2 ? 1 : 0;
        } catch (NumberFormatException e) {
            throw new ModelingException(csv.where(r, "tumor_number") + ": '" + s + "' is not a tumour count (1, 2, 3) or single/multiple");
        }
    }

    /** Levels seen, sorted, for messages. */
    public TreeSet<String> levels() {
        return new TreeSet<>(locationLevels);
    }
}
