package org.radstream.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.radstream.events.DeadLetter;
import org.radstream.events.ModelPublished;
import org.radstream.cli.demo.PipelineObserver.CaseTrace;

/**
 * What a pipeline run achieved, computed from what the observer saw on the topics: cases in, scored, dead-lettered
 * (by stage and reason), the published models' validation AUCs, throughput and the latency of each stage.
 * A stage's latency for a case is the time between the case leaving the previous stage and leaving this one
 * (for the ROI stages: the last of the case's ROIs), so the per-stage figures add up to the end-to-end one.
 *
 * @param casesIn          cases ingested (StudyReceived)
 * @param riskScores       cases with a risk score
 * @param duplicateScores  risk scores beyond the first per case (exactly-once: 0)
 * @param dlq              dead-letter records (all stages)
 * @param dlqByReason      stage/reason → records
 * @param unresolved       ingested cases with neither a risk score nor a dead letter
 * @param caseReports      cases with a report
 * @param modelReports     model reports written
 * @param models           model name → version and metrics
 * @param throughputCasesPerS scored cases per second, from the first case received to the last scored
 * @param stageThroughput  per stage: cases leaving it per second, between the first and the last to leave it
 * @param latencyMs        end-to-end p50/p95 (received → scored) and per stage
 * @param wallSeconds      the demo's phases (cohort, pipeline, total)
 */
public record DemoSummary(int casesIn, int riskScores, int duplicateScores, int dlq, Map<String, Integer> dlqByReason,
        List<String> unresolved, int caseReports, int modelReports, Map<String, Map<String, Object>> models,
        double throughputCasesPerS, Map<String, Double> stageThroughput, Map<String, Object> latencyMs,
        Map<String, Double> wallSeconds) {

    /** The study's Table 3 order. */
    private static final List<String> TABLE_ORDER = List.of("T1WI", "T2WI", "AP", "PVP", "DP", "CE-MRI", "mpMRI", "clinical",
            "nomogram");

    /** Stage order of the case path, with how to read when a case left each stage. */
    private static final List<Map.Entry<String, Function<CaseTrace, Instant>>> STAGES = List.of(
            Map.entry("ingestion", t -> t.received),
            Map.entry("preprocessing", t -> t.lastPreprocessed),
            Map.entry("feature-extraction", t -> t.lastExtracted),
            Map.entry("quality-gate", t -> t.assembled),
            Map.entry("inference", t -> t.scored),
            Map.entry("reporting", t -> t.reported));

    static DemoSummary of(PipelineObserver.Snapshot s, Map<String, Double> wallSeconds) {
        int in = 0;
        int scored = 0;
        int duplicates = 0;
        int reports = 0;
        int dlq = s.deadLettersWithoutCase().size();
        Map<String, Integer> byReason = new TreeMap<>();
        List<String> unresolved = new ArrayList<>();
        Instant firstReceived = null;
        Instant lastScored = null;
        for (DeadLetter d : s.deadLettersWithoutCase()) {
            byReason.merge(d.getStage() + "/" + d.getReasonCode(), 1, Integer::sum);
        }
        for (Map.Entry<String, CaseTrace> e : s.cases().entrySet()) {
            CaseTrace t = e.getValue();
            dlq += t.deadLetters.size();
            t.deadLetters.forEach(d -> byReason.merge(d.getStage() + "/" + d.getReasonCode(), 1, Integer::sum));
            if (t.received != null) {
                in++;
                firstReceived = firstReceived == null || t.received.isBefore(firstReceived) ? t.received : firstReceived;
                if (!t.hasOutcome()) {
                    unresolved.add(e.getKey());
                }
            }
            if (t.riskScores > 0) {
                scored++;
                duplicates += t.riskScores - 1;
                lastScored = lastScored == null || t.scored.isAfter(lastScored) ? t.scored : lastScored;
            }
            if (t.reported != null) {
                reports++;
            }
        }
        double throughput = firstReceived == null || lastScored == null || !lastScored.isAfter(firstReceived) ? 0
                : scored / (Duration.between(firstReceived, lastScored).toMillis() / 1000.0);
        Map<String, Map<String, Object>> models = models(s.models().values());
        return new DemoSummary(in, scored, duplicates, dlq, byReason, unresolved, reports, s.modelReports(), models,
                throughput, stageThroughput(s.cases().values()), latencies(s.cases().values()), wallSeconds);
    }

    /**
     * Per model: the published model's own metrics (unprefixed keys) and those of the other models the training run
     * reports in the same artifact ({@code T1WI.auc_validation} → model T1WI), with the version they came with.
     */
    private static Map<String, Map<String, Object>> models(java.util.Collection<ModelPublished> published) {
        Map<String, Map<String, Object>> models = new TreeMap<>();
        for (ModelPublished m : published) {
            for (Map.Entry<String, Double> e : new TreeMap<>(m.getMetrics()).entrySet()) {
                int dot = e.getKey().indexOf('.');
                String model = dot < 0 ? m.getModelName() : e.getKey().substring(0, dot);
                Map<String, Object> v = models.computeIfAbsent(model, k -> {
                    Map<String, Object> n = new LinkedHashMap<>();
                    n.put("published_as", m.getModelName());
                    n.put("version", m.getVersion());
                    n.put("training_cases", m.getTrainingCases());
                    n.put("validation_cases", m.getValidationCases());
                    return n;
                });
                v.put(e.getKey().substring(dot + 1), e.getValue());
            }
        }
        return models;
    }

    private static Map<String, Double> stageThroughput(java.util.Collection<CaseTrace> traces) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Function<CaseTrace, Instant>> stage : STAGES) {
            List<Instant> left = traces.stream().map(stage.getValue()).filter(Objects::nonNull).sorted().toList();
            double span = left.size() < 2 ? 0 : Duration.between(left.get(0), left.get(left.size() - 1)).toMillis() / 1000.0;
            out.put(stage.getKey(), span > 0 ? (left.size() - 1) / span : 0.0);
        }
        return out;
    }

    private static Map<String, Object> latencies(java.util.Collection<CaseTrace> traces) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Long> endToEnd = new ArrayList<>();
        for (CaseTrace t : traces) {
            if (t.received != null && t.scored != null) {
                endToEnd.add(Duration.between(t.received, t.scored).toMillis());
            }
        }
        out.putAll(percentiles(endToEnd));
        Map<String, Object> perStage = new LinkedHashMap<>();
        for (int i = 1; i < STAGES.size(); i++) {
            Function<CaseTrace, Instant> from = STAGES.get(i - 1).getValue();
            Function<CaseTrace, Instant> to = STAGES.get(i).getValue();
            List<Long> ms = new ArrayList<>();
            for (CaseTrace t : traces) {
                if (from.apply(t) != null && to.apply(t) != null) {
                    ms.add(Duration.between(from.apply(t), to.apply(t)).toMillis());
                }
            }
            perStage.put(STAGES.get(i).getKey(), percentiles(ms));
        }
        out.put("stages", perStage);
        return out;
    }

    /** Nearest-rank p50, p95 and p99 (and n) of {@code values}; empty when there are none. */
    static Map<String, Object> percentiles(List<Long> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", values.size());
        if (values.isEmpty()) {
            return m;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        m.put("p50", sorted.get(rank(0.50, sorted.size())));
        m.put("p95", sorted.get(rank(0.95, sorted.size())));
        m.put("p99", sorted.get(rank(0.99, sorted.size())));
        return m;
    }

    private static int rank(double p, int n) {
        return Math.max(0, (int) Math.ceil(p * n) - 1);
    }

    /** True when every ingested case has a risk score or a dead letter, and none was scored twice. */
    public boolean complete() {
        return casesIn > 0 && unresolved.isEmpty() && duplicateScores == 0;
    }

    public void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cases_in", casesIn);
        json.put("risk_scores", riskScores);
        json.put("duplicate_risk_scores", duplicateScores);
        json.put("dlq", dlq);
        json.put("dlq_by_reason", dlqByReason);
        json.put("unresolved_cases", unresolved);
        json.put("case_reports", caseReports);
        json.put("model_reports", modelReports);
        json.put("models", models);
        json.put("throughput_cases_per_s", throughputCasesPerS);
        json.put("stage_throughput_cases_per_s", stageThroughput);
        json.put("latency_ms", latencyMs);
        json.put("wall_s", wallSeconds);
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    @SuppressWarnings("unchecked")
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "cases in %d · risk scores %d · DLQ %d · unresolved %d · duplicates %d · reports %d (+%d model)%n",
                casesIn, riskScores, dlq, unresolved.size(), duplicateScores, caseReports, modelReports);
        dlqByReason.forEach((k, n) -> out.printf(Locale.ROOT, "  DLQ %-40s %d%n", k, n));
        out.println("model          AUC training   AUC validation (95% CI)");
        for (String name : TABLE_ORDER) {
            Map<String, Object> v = models.get(name);
            if (v != null) {
                out.printf(Locale.ROOT, "  %-12s %6s         %6s (%s-%s)%n", name, f3(v.get("auc_train")), f3(v.get("auc_validation")),
                        f3(v.get("auc_validation_ci_low")), f3(v.get("auc_validation_ci_high")));
            }
        }
        models.keySet().stream().filter(n -> !TABLE_ORDER.contains(n))
                .forEach(n -> out.printf(Locale.ROOT, "  %-12s %6s         %6s%n", n, f3(models.get(n).get("auc_train")),
                        f3(models.get(n).get("auc_validation"))));
        out.printf(Locale.ROOT, "throughput %.2f cases/s end to end; latency received→scored p50 %s ms, p95 %s ms%n",
                throughputCasesPerS, latencyMs.get("p50"), latencyMs.get("p95"));
        ((Map<String, Map<String, Object>>) latencyMs.get("stages")).forEach((stage, p) -> out.printf(Locale.ROOT,
                "  %-20s p50 %8s ms  p95 %8s ms  p99 %8s ms  %6.2f cases/s out  (n %s)%n", stage, p.get("p50"), p.get("p95"),
                p.get("p99"), stageThroughput.getOrDefault(stage, 0.0), p.get("n")));
        wallSeconds.forEach((k, v) -> out.printf(Locale.ROOT, "  wall %-16s %.1f s%n", k, v));
    }

    private static String f3(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : "-";
    }
}
