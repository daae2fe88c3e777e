package org.radstream.modeling.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.radstream.modeling.ModelingException;

/**
 * Outcomes: {@code caseId,early_recurrence,followup_months}; early_recurrence is 1/0 (or yes/no, true/false).
 * A missing outcome is an error naming the case: a case without a label cannot be split or scored.
 */
public record OutcomeTable(Path file, Map<String, Integer> earlyRecurrence, Map<String, Double> followupMonths) {
    public static OutcomeTable read(Path file) {
        Csv csv = Csv.read(file);
        int id = csv.column("caseId"), er = csv.column("early_recurrence");
        int fu = csv.has("followup_months") ? csv.column("followup_months") : -1;
        Map<String, Integer> y = new TreeMap<>();
        Map<String, Double> f = new TreeMap<>();
        for (int r = 0; r < csv.rows.size(); r++) {
            List<String> row = csv.rows.get(r);
            String cid = row.get(id).trim();
            if (cid.isEmpty()) {
                throw new ModelingException(csv.where(r, "caseId") + ": empty case id");
            }
            String s = row.get(er).trim().toLowerCase(Locale.ROOT);
            int v = switch (s) {
                case "1", "yes", "true", "y" -> 1;
                case "0", "no", "false", "n" -> 0;
                case "", "na", "nan" -> throw new ModelingException(csv.where(r, "early_recurrence") + ": outcome missing for case " + cid);
                default -> throw new ModelingException(csv.where(r, "early_recurrence") + ": '" + row.get(er) + "' is not 0/1 (case " + cid + ")");
            };
            if (y.put(cid, v) != null) {
                throw new ModelingException(csv.where(r, "caseId") + ": duplicate case " + cid);
            }
            if (fu >= 0 && !row.get(fu).isBlank()) {
                try {
                    f.put(cid, Double.parseDouble(row.get(fu).trim()));
                } catch (NumberFormatException e) {
                    throw new ModelingException(csv.where(r, "followup_months") + ": '" + row.get(fu) + "' is not a number");
                }
            }
        }
        return new OutcomeTable(file, y, f);
    }
}
