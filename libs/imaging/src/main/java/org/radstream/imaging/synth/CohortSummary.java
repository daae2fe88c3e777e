package org.radstream.imaging.synth;

import java.nio.file.Path;
import java.util.Map;

import org.radstream.imaging.sequence.MrSequence;

/**
 * What {@link CohortGenerator} produced.
 *
 * @param out              the cohort directory
 * @param patients         patients written
 * @param earlyRecurrences of which with ER
 * @param oracleAuc        empirical AUC of the latent risk r for ER (Mann–Whitney)
 * @param expectedAuc      Φ(d/√2), its expectation
 * @param sequenceAuc      empirical AUC of each sequence's texture drive t_s
 * @param seriesWritten    MR series written
 * @param filesWritten     DICOM files written (MR slices + SEGs)
 */
public record CohortSummary(Path out, int patients, int earlyRecurrences, double oracleAuc, double expectedAuc,
        Map<MrSequence, Double> sequenceAuc, int seriesWritten, int filesWritten) {
    public CohortSummary {
        sequenceAuc = Map.copyOf(sequenceAuc);
    }
}
