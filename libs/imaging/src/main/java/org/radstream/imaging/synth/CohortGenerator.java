package org.radstream.imaging.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.imaging.dicom.MrSeriesInfo;
import org.radstream.imaging.dicom.MrSeriesWriter;
import org.radstream.imaging.dicom.SegWriter;
import org.radstream.imaging.dicom.Uids;
import org.radstream.imaging.io.NiftiWriter;
import org.radstream.imaging.roi.CrossSection;
import org.radstream.imaging.roi.RoiMapper;
import org.radstream.imaging.sequence.MrSequence;

/**
 * Writes a synthetic mpMRI cohort of small HCC for the pipeline demo (the generative model is in
 * {@link CohortSettings}):
 * <pre>
 * DIR/patients/&lt;caseId&gt;/&lt;SEQ&gt;/IM0001.dcm …        five MR series (T1WI, T2WI, AP, PVP, DP), one frame of reference
 * DIR/patients/&lt;caseId&gt;/roi/&lt;SEQ&gt;_reader_a.seg.dcm   reader A's ROI (maximum cross-section) as DICOM SEG
 * DIR/patients/&lt;caseId&gt;/roi/&lt;SEQ&gt;_reader_a.nii.gz     … and as NIfTI; reader_b for readerBCases patients
 * DIR/clinical.csv, outcomes.csv, cases.csv, features_batch_reader_{a,b}.csv, generator.json
 * </pre>
 * Reader A draws on the DP series (the study's reference) on the slice where the largest tumour has
 * its largest cross-section; the boundary is perturbed by δ(θ) = b + Σ_{m=1..4} a_m cos(mθ + φ_m),
 * a_m ~ N(0, σ/m) (reader A σ = 0.04, b = 0; reader B σ = 0.10, b ~ N(0, 0.05)). The ROI is carried
 * onto each other series by patient coordinates ({@link RoiMapper}). Patients are rendered in parallel
 * from per-patient random streams split in a fixed order, so the output is the same for a given seed.
 */
public final class CohortGenerator {

    static final double SLICE_MM = 5.0;
    static final double TEXTURE_AMPLITUDE = 0.12;
    static final double TEXTURE_SCALE_MM = 2.5;

    private CohortGenerator() {
    }

    private record Patient(int index, String caseId, boolean er, double risk, Map<MrSequence, Double> drive,
            ClinicalRecord clinical, double followup, ScannerProtocol scanner, boolean readerB, SplittableRandom rnd) {
    }

    public static CohortSummary generate(CohortSettings s, Path out) throws IOException {
        Files.createDirectories(out);
        SplittableRandom master = new SplittableRandom(s.seed());
        int n = s.patients();
        boolean[] er = ClinicalGenerator.exactly(master, n, s.earlyRecurrences() / (double) n);
        List<String> ids = new ArrayList<>();
        List<String> erIds = new ArrayList<>();
        List<String> nonIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format(Locale.ROOT, "RS-%04d", i + 1);
            ids.add(id);
            (er[i] ? erIds : nonIds).add(id);
        }
        Map<String, ClinicalRecord> clinical = new java.util.HashMap<>();
        for (ClinicalRecord r : ClinicalGenerator.draw(Table1.ER, erIds.size(), master, erIds)) {
            clinical.put(r.caseId(), r);
        }
        for (ClinicalRecord r : ClinicalGenerator.draw(Table1.NON_ER, nonIds.size(), master, nonIds)) {
            clinical.put(r.caseId(), r);
        }
        boolean[] readerB = ClinicalGenerator.exactly(master, n, s.readerBCases() / (double) n);
        double d = s.effectSize();
        List<Patient> patients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double risk = d * (er[i] ? 1 : 0) + master.nextGaussian();
            Map<MrSequence, Double> drive = new EnumMap<>(MrSequence.class);
            for (MrSequence seq : MrSequence.STUDY) {
                double w = s.reliability().get(seq);
                drive.put(seq, w * (risk - d / 2) + Math.sqrt(1 - w * w) * master.nextGaussian());
            }
            double followup = er[i] ? 3 + 21 * master.nextDouble() : 24 + 36 * master.nextDouble();
            ScannerProtocol scanner = master.nextBoolean() ? ScannerProtocol.GE_15T : ScannerProtocol.SIEMENS_3T;
            patients.add(new Patient(i, ids.get(i), er[i], risk, drive, clinical.get(ids.get(i)),
                    Math.round(followup * 10) / 10.0, scanner, readerB[i], master.split()));
        }

        List<List<String>> caseRows = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(s.threads());
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (Patient p : patients) {
                futures.add(pool.submit(() -> writePatient(s, p, out)));
            }
            for (Future<List<String>> f : futures) {
                caseRows.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("cohort generation interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException("cohort generation failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }

        StringBuilder cl = new StringBuilder(ClinicalRecord.HEADER).append('\n');
        StringBuilder oc = new StringBuilder("caseId,early_recurrence,followup_months\n");
        StringBuilder cs = new StringBuilder("caseId,sequence,series_dir,seg_reader_a,nifti_reader_a,seg_reader_b,nifti_reader_b\n");
        for (int i = 0; i < n; i++) {
            Patient p = patients.get(i);
            cl.append(p.clinical.csv()).append('\n');
            oc.append(p.caseId).append(',').append(p.er ? 1 : 0).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", p.followup)).append('\n');
            for (String row : caseRows.get(i)) {
                cs.append(row).append('\n');
            }
        }
        Files.writeString(out.resolve("clinical.csv"), cl, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("outcomes.csv"), oc, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("cases.csv"), cs, StandardCharsets.UTF_8);
        writeFeatureBatches(out, cs.toString());

        double[] r = patients.stream().mapToDouble(Patient::risk).toArray();
        double oracle = auc(r, er);
        double expected = phi(d / Math.sqrt(2));
        Map<MrSequence, Double> seqAuc = new EnumMap<>(MrSequence.class);
        for (MrSequence seq : MrSequence.STUDY) {
            seqAuc.put(seq, auc(patients.stream().mapToDouble(p -> p.drive.get(seq)).toArray(), er));
        }
        int readerBCount = (int) patients.stream().filter(Patient::readerB).count();
        Files.writeString(out.resolve("generator.json"), GeneratorJson.write(s, oracle, expected, seqAuc, patients.stream()
                .filter(Patient::readerB).map(Patient::caseId).toList()), StandardCharsets.UTF_8);
        int files = n * 5 * (s.slices() + 1) + readerBCount * 5;
        return new CohortSummary(out, n, s.earlyRecurrences(), oracle, expected, seqAuc, n * 5, files);
    }

    // ------------------------------------------------------------ one patient

    private static List<String> writePatient(CohortSettings s, Patient p, Path out) {
        try {
            return writePatientChecked(s, p, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> writePatientChecked(CohortSettings s, Patient p, Path out) throws IOException {
        SplittableRandom rnd = p.rnd;
        double halfSlab = (s.slices() - 1) * SLICE_MM / 2;
        List<Tumour> tumours = placeTumours(p.clinical, halfSlab, rnd);
        String base = "radstream-cohort/" + s.seed() + "/" + p.caseId + "/";
        String studyUid = Uids.fromName(base + "study");
        String forUid = Uids.fromName(base + "frame-of-reference");
        LocalDate date = LocalDate.of(2015, 1, 5).plusDays(rnd.nextInt(5 * 365));
        LocalTime t0 = LocalTime.of(8, 0).plusMinutes(rnd.nextInt(9 * 60));
        double[] inhomogeneity = {rnd.nextDouble() * 6.283, rnd.nextDouble() * 6.283};
        Path patientDir = out.resolve("patients").resolve(p.caseId);

        Map<MrSequence, Geometry> grids = new EnumMap<>(MrSequence.class);
        Map<MrSequence, MrSeriesInfo> infos = new EnumMap<>(MrSequence.class);
        int seriesNumber = 0;
        for (MrSequence seq : MrSequence.STUDY) {
            ScannerProtocol.Protocol pr = p.scanner.protocol(seq);
            double px = pr.pixelMm();
            Geometry g = new Geometry(pr.columns(), pr.rows(), s.slices(), new double[] {px, px, SLICE_MM},
                    new double[] {-(pr.columns() - 1) * px / 2, -(pr.rows() - 1) * px / 2, -halfSlab},
                    new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
            grids.put(seq, g);
            seriesNumber += 100;
            MrSeriesInfo info = new MrSeriesInfo(p.caseId, p.clinical.sex(), p.clinical.age(), studyUid, date, "1", forUid,
                    Uids.fromName(base + seq), seriesNumber, pr.description(), pr.protocolName(),
                    seq.isContrastPhase() ? "Gd-EOB-DTPA" : "", t0.plusSeconds(pr.startSeconds()), p.scanner.manufacturer(),
                    p.scanner.model(), p.scanner.tesla(), pr.scanning(), pr.variant(), pr.trMs(), pr.teMs(), pr.flipDeg());
            infos.put(seq, info);
            double t = p.drive.get(seq);
            double amplitude = TEXTURE_AMPLITUDE * Math.exp(0.35 * t);
            double scale = TEXTURE_SCALE_MM * Math.exp(-0.30 * t);
            List<TextureField> fields = new ArrayList<>();
            for (Tumour tu : tumours) {
                fields.add(new TextureField(tu, scale, rnd));
            }
            Volume v = LiverPhantom.render(g, seq, p.scanner.tesla(), tumours, fields, amplitude, inhomogeneity, rnd);
            MrSeriesWriter.write(patientDir.resolve(seq.name()), info, v);
        }

        // reader ROIs on the DP series, on the target tumour's maximum cross-section
        Geometry dp = grids.get(MrSequence.DP);
        Tumour target = tumours.get(0);
        LabelMap truth = rasterise(target, dp, null);
        int slice = CrossSection.maximum(truth, 1).slice();
        LabelMap readerA = readerRoi(target, dp, slice, 0.04, 0, rnd);
        LabelMap readerB = p.readerB ? readerRoi(target, dp, slice, 0.10, 0.05 * rnd.nextGaussian(), rnd) : null;

        List<String> rows = new ArrayList<>();
        for (MrSequence seq : MrSequence.STUDY) {
            String seriesDir = "patients/" + p.caseId + "/" + seq.name();
            String[] a = writeRoi(patientDir, seq, "reader_a", readerA, grids.get(seq), infos.get(seq), s, base, 1, p.caseId);
            String[] b = readerB == null ? new String[] {"", ""}
                    : writeRoi(patientDir, seq, "reader_b", readerB, grids.get(seq), infos.get(seq), s, base, 2, p.caseId);
            rows.add(String.join(",", p.caseId, seq.name(), seriesDir, a[0], a[1], b[0], b[1]));
        }
        return rows;
    }

    private static String[] writeRoi(Path patientDir, MrSequence seq, String reader, LabelMap drawnOnDp, Geometry grid,
            MrSeriesInfo info, CohortSettings s, String base, int readerNo, String caseId) throws IOException {
        LabelMap mask = seq == MrSequence.DP ? drawnOnDp : RoiMapper.map(drawnOnDp, 1, grid, null);
        List<String> sops = new ArrayList<>();
        for (int k = 1; k <= grid.nz(); k++) {
            sops.add(info.seriesInstanceUid() + "." + k);
        }
        String stem = seq.name() + "_" + reader;
        Path seg = patientDir.resolve("roi").resolve(stem + ".seg.dcm");
        Path nii = patientDir.resolve("roi").resolve(stem + ".nii.gz");
        SegWriter.write(seg, info, sops, mask, Uids.fromName(base + seq + "/" + reader), 900 + readerNo * 10 + seq.ordinal(),
                reader.toUpperCase(Locale.ROOT));
        NiftiWriter.write(nii, mask);
        String rel = "patients/" + caseId + "/roi/" + stem;
        return new String[] {rel + ".seg.dcm", rel + ".nii.gz"};
    }

    /** Target tumour (index 0) of the recorded size, then the others smaller, inside the liver, not overlapping. */
    static List<Tumour> placeTumours(ClinicalRecord c, double halfSlab, SplittableRandom rnd) {
        List<Tumour> out = new ArrayList<>();
        double targetR = c.tumorSizeCm() * 10 / 2;
        double[] xRange = switch (c.tumorLocation()) {
            case "left" -> new double[] {-35, 15};
            case "caudate" -> new double[] {-40, -20};
            default -> new double[] {-125, -55};
        };
        out.add(place(targetR, xRange, Math.min(8, halfSlab - targetR - 3), out, rnd));
        for (int t = 1; t < c.tumorNumber(); t++) {
            double r = (10 + (c.tumorSizeCm() * 10 - 10) * rnd.nextDouble()) / 2;
            out.add(place(r, new double[] {-135, 20}, halfSlab - r - 3, out, rnd));
        }
        return out;
    }

    private static Tumour place(double r, double[] xRange, double zHalf, List<Tumour> others, SplittableRandom rnd) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            double x = xRange[0] + (xRange[1] - xRange[0]) * rnd.nextDouble();
            double y = -70 + 120 * rnd.nextDouble();
            double z = (2 * rnd.nextDouble() - 1) * Math.max(0, zHalf);
            if (!LiverPhantom.inLiver(x, y, z, r + 8)) {
                continue;
            }
            boolean clear = true;
            for (Tumour o : others) {
                double dist = Math.sqrt(sq(x - o.centre()[0]) + sq(y - o.centre()[1]) + sq(z - o.centre()[2]));
                clear &= dist > r + o.radiusMm() + 6;
            }
            if (clear) {
                double[] shape = {0.9 + 0.2 * rnd.nextDouble(), 0.9 + 0.2 * rnd.nextDouble(), 0.9 + 0.2 * rnd.nextDouble()};
                return new Tumour(new double[] {x, y, z}, r, shape, 0.08 * rnd.nextDouble(), 6.283 * rnd.nextDouble());
            }
        }
        throw new IllegalStateException("cannot place a tumour of radius " + r + " mm in the liver");
    }

    /** Voxels whose centre lies inside the tumour (optionally only slice k). */
    static LabelMap rasterise(Tumour t, Geometry g, Integer onlySlice) {
        int[] m = new int[g.voxelCount()];
        double[] o = g.origin();
        double[] sp = g.spacing();
        for (int k = 0; k < g.nz(); k++) {
            if (onlySlice != null && k != onlySlice) {
                continue;
            }
            double z = o[2] + k * sp[2];
            for (int j = 0; j < g.ny(); j++) {
                double y = o[1] + j * sp[1];
                for (int i = 0; i < g.nx(); i++) {
                    double x = o[0] + i * sp[0];
                    if (Math.abs(x - t.centre()[0]) < t.extent(0) && Math.abs(y - t.centre()[1]) < t.extent(1)
                            && Math.abs(z - t.centre()[2]) < t.extent(2) && t.u(x, y, z) < 1) {
                        m[g.index(i, j, k)] = 1;
                    }
                }
            }
        }
        return new LabelMap(g, m);
    }

    /** A reader's outline of the tumour on slice k: inside when u(p) &lt; 1 + δ(θ). */
    static LabelMap readerRoi(Tumour t, Geometry g, int k, double sigma, double bias, SplittableRandom rnd) {
        double[] a = new double[5];
        double[] phase = new double[5];
        for (int m = 1; m <= 4; m++) {
            a[m] = sigma / m * rnd.nextGaussian();
            phase[m] = 6.283 * rnd.nextDouble();
        }
        int[] out = new int[g.voxelCount()];
        double[] o = g.origin();
        double[] sp = g.spacing();
        double z = o[2] + k * sp[2];
        for (int j = 0; j < g.ny(); j++) {
            double y = o[1] + j * sp[1];
            for (int i = 0; i < g.nx(); i++) {
                double x = o[0] + i * sp[0];
                if (Math.abs(x - t.centre()[0]) > 1.5 * t.extent(0) || Math.abs(y - t.centre()[1]) > 1.5 * t.extent(1)) {
                    continue;
                }
                double theta = Math.atan2(y - t.centre()[1], x - t.centre()[0]);
                double delta = bias;
                for (int m = 1; m <= 4; m++) {
                    delta += a[m] * Math.cos(m * theta + phase[m]);
                }
                if (t.u(x, y, z) < 1 + delta) {
                    out[g.index(i, j, k)] = 1;
                }
            }
        }
        LabelMap roi = new LabelMap(g, out);
        if (roi.count(1) == 0) {
            return rasterise(t, g, k); // a reader never hands in an empty outline
        }
        return roi;
    }

    /** AUC = P(score of an ER case > score of a non-ER case) + ½ P(tie) (Mann–Whitney). */
    static double auc(double[] score, boolean[] positive) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < score.length; i++) {
            if (!positive[i]) {
                continue;
            }
            for (int j = 0; j < score.length; j++) {
                if (positive[j]) {
                    continue;
                }
                pairs++;
                wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }

    /** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, |error| &lt; 1.5e-7). */
    static double phi(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    private static double sq(double v) {
        return v * v;
    }

    /**
     * Writes features_batch_reader_a.csv and features_batch_reader_b.csv: the cases in PyRadiomics' batch
     * layout ({@code caseId,sequence,reader,image,mask}, image = the DICOM series folder, mask = the reader's
     * SEG), ready for {@code radstream features --batch FILE --params paper-1316-dicom}.
     */
    private static void writeFeatureBatches(Path out, String casesCsv) throws IOException {
        StringBuilder a = new StringBuilder("caseId,sequence,reader,image,mask\n");
        StringBuilder b = new StringBuilder("caseId,sequence,reader,image,mask\n");
        casesCsv.lines().skip(1).filter(l -> !l.isBlank()).forEach(line -> {
            // caseId,sequence,series_dir,seg_reader_a,nifti_reader_a,seg_reader_b,nifti_reader_b
            String[] f = line.split(",", -1);
            a.append(f[0]).append(',').append(f[1]).append(",A,").append(f[2]).append(',').append(f[3]).append('\n');
            if (!f[5].isEmpty()) {
                b.append(f[0]).append(',').append(f[1]).append(",B,").append(f[2]).append(',').append(f[5]).append('\n');
            }
        });
        Files.writeString(out.resolve("features_batch_reader_a.csv"), a, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("features_batch_reader_b.csv"), b, StandardCharsets.UTF_8);
    }
}
