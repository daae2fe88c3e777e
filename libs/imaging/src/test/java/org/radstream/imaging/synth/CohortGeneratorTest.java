package org.radstream.imaging.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.dicom.Dciodvfy;
import org.radstream.imaging.dicom.DicomScan;
import org.radstream.imaging.dicom.DicomSegmentation;
import org.radstream.imaging.dicom.DicomSeriesReader;
import org.radstream.imaging.dicom.SegReader;
import org.radstream.imaging.dicom.SeriesVolume;
import org.radstream.imaging.io.NiftiReader;
import org.radstream.imaging.roi.ConnectedComponents;
import org.radstream.imaging.roi.CrossSection;
import org.radstream.imaging.sequence.MrSequence;
import org.radstream.imaging.sequence.SequenceIdentifier;
import org.radstream.imaging.sequence.SequenceRules;

class CohortGeneratorTest {

    @TempDir
    static Path tmp;

    static Path cohort;
    static CohortSummary summary;

    @BeforeAll
    static void generate() throws IOException {
        cohort = tmp.resolve("c1");
        summary = CohortGenerator.generate(CohortSettings.defaults().with(6, 3, 11).withSlices(10).withReaderBCases(2), cohort);
    }

    @Test
    void writesTheFilesTheCsvsName() throws IOException {
        List<String> cases = Files.readAllLines(cohort.resolve("cases.csv"));
        assertEquals("caseId,sequence,series_dir,seg_reader_a,nifti_reader_a,seg_reader_b,nifti_reader_b", cases.get(0));
        assertEquals(1 + 6 * 5, cases.size());
        int readerB = 0;
        for (String row : cases.subList(1, cases.size())) {
            String[] c = row.split(",", -1);
            assertEquals(7, c.length, row);
            assertTrue(Files.isDirectory(cohort.resolve(c[2])), row);
            assertTrue(Files.isRegularFile(cohort.resolve(c[3])) && Files.isRegularFile(cohort.resolve(c[4])), row);
            if (!c[5].isEmpty()) {
                readerB++;
                assertTrue(Files.isRegularFile(cohort.resolve(c[5])) && Files.isRegularFile(cohort.resolve(c[6])), row);
            }
        }
        assertEquals(2 * 5, readerB);
        // the same ROIs in radstream features' batch layout, one file per reader
        List<String> batchA = Files.readAllLines(cohort.resolve("features_batch_reader_a.csv"));
        List<String> batchB = Files.readAllLines(cohort.resolve("features_batch_reader_b.csv"));
        assertEquals("caseId,sequence,reader,image,mask", batchA.get(0));
        assertEquals(1 + 6 * 5, batchA.size());
        assertEquals(1 + readerB, batchB.size());
        for (String row : batchB.subList(1, batchB.size())) {
            String[] c = row.split(",", -1);
            assertEquals("B", c[2], row);
            assertTrue(Files.isDirectory(cohort.resolve(c[3])) && Files.isRegularFile(cohort.resolve(c[4])), row);
        }
        List<String> outcomes = Files.readAllLines(cohort.resolve("outcomes.csv"));
        assertEquals("caseId,early_recurrence,followup_months", outcomes.get(0));
        assertEquals(3, outcomes.stream().skip(1).filter(l -> l.split(",")[1].equals("1")).count());
        assertEquals(ClinicalRecord.HEADER, Files.readAllLines(cohort.resolve("clinical.csv")).get(0));
        String json = Files.readString(cohort.resolve("generator.json"));
        assertTrue(json.contains("\"oracle_auc\": "), json);
        assertTrue(json.contains("\"effect_size_d\": 1.3"), json);
    }

    /** Every study: five MR series in one frame of reference; each SEG and NIfTI ROI lands on the same voxels of its series. */
    @Test
    void seriesReadBackAndRoisAgree() throws IOException {
        List<String> cases = Files.readAllLines(cohort.resolve("cases.csv"));
        Set<String> frames = new HashSet<>();
        for (String row : cases.subList(1, 11)) { // the first two patients
            String[] c = row.split(",", -1);
            DicomScan scan = DicomSeriesReader.scan(cohort.resolve(c[2]));
            assertEquals(1, scan.series().size());
            SeriesVolume sv = DicomSeriesReader.read(scan.series().get(0));
            Geometry g = sv.volume().geometry();
            assertEquals(10, g.nz());
            assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, g.direction(), 1e-9);
            frames.add(c[0] + "/" + sv.series().frameOfReferenceUid());
            DicomSegmentation seg = SegReader.read(cohort.resolve(c[3]));
            LabelMap fromSeg = seg.maskOn(sv, 1, 0.5);
            LabelMap fromNifti = NiftiReader.readLabelMap(cohort.resolve(c[4]));
            assertEquals(g.nx(), fromNifti.geometry().nx());
            assertArrayEquals(g.origin(), fromNifti.geometry().origin(), 1e-3);
            assertArrayEquals(fromSeg.labels(), fromNifti.labels(), row);
            CrossSection cs = CrossSection.maximum(fromSeg, 1);
            assertEquals(cs.voxels(), fromSeg.count(1), "the ROI is drawn on one slice: " + row);
            assertTrue(cs.areaMm2() > Math.PI * 3 * 3, "a ≥ 1 cm tumour has a cross-section > 28 mm²: " + cs);
            assertEquals(1, ConnectedComponents.of(fromSeg, 1).count(), row);
        }
        assertEquals(2, frames.size(), "one frame of reference per study: " + frames);
    }

    /** The default rules recognise all five sequences of every generated study from the DICOM headers. */
    @Test
    void generatedStudiesAreIdentifiedByTheDefaultRules() throws IOException {
        SequenceIdentifier id = new SequenceIdentifier(SequenceRules.DEFAULT);
        for (int p = 1; p <= 6; p++) {
            Path dir = cohort.resolve(String.format("patients/RS-%04d", p));
            DicomScan scan = DicomSeriesReader.scan(dir);
            SequenceIdentifier.Assignment a = id.identify(scan.series(), java.util.Map.of());
            assertTrue(a.complete(), dir + " " + a.findings());
            for (MrSequence s : MrSequence.STUDY) {
                assertTrue(a.assigned().get(s).frames().get(0).file().startsWith(dir.resolve(s.name())), s + " in " + dir);
            }
        }
    }

    @Test
    void sameSeedGivesTheSameBytes() throws Exception {
        Path again = tmp.resolve("c2");
        CohortGenerator.generate(CohortSettings.defaults().with(6, 3, 11).withSlices(10).withReaderBCases(2).withThreads(1), again);
        for (String f : List.of("clinical.csv", "outcomes.csv", "cases.csv", "generator.json",
                "patients/RS-0002/AP/IM0005.dcm", "patients/RS-0002/roi/T2WI_reader_a.seg.dcm", "patients/RS-0006/roi/DP_reader_a.nii.gz")) {
            assertEquals(sha(cohort.resolve(f)), sha(again.resolve(f)), f);
        }
    }

    @Test
    void dicomFilesPassDciodvfy() throws Exception {
        assumeTrue(Dciodvfy.available(), "dciodvfy (dicom3tools) not installed");
        List<Path> sample = new ArrayList<>();
        try (var s = Files.walk(cohort.resolve("patients/RS-0001"))) {
            s.filter(p -> p.toString().endsWith(".dcm") && (p.getFileName().toString().equals("IM0001.dcm") || p.toString().contains("seg")))
                    .sorted().forEach(sample::add);
        }
        assertTrue(sample.size() >= 10, sample.toString());
        for (Path p : sample) {
            assertEquals(List.of(), Dciodvfy.errors(p), p.toString());
            if (Dciodvfy.dcmdumpAvailable()) {
                assertTrue(Dciodvfy.dcmdumpReads(p), "dcmdump cannot read " + p);
            }
        }
    }

    /** Table 1 per group at the study's size (38 ER, 52 non-ER): means/SDs within 0.05 and exact proportions. */
    @Test
    void clinicalGroupsMatchTable1() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (var g : List.of(new Object[] {Table1.ER, 38}, new Object[] {Table1.NON_ER, 52})) {
            Table1 t = (Table1) g[0];
            int n = (Integer) g[1];
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add("X" + i);
            }
            List<ClinicalRecord> rs = ClinicalGenerator.draw(t, n, rnd, ids);
            double[] age = rs.stream().mapToDouble(ClinicalRecord::age).toArray();
            double[] alb = rs.stream().mapToDouble(ClinicalRecord::alb).toArray();
            double[] size = rs.stream().mapToDouble(ClinicalRecord::tumorSizeCm).toArray();
            assertEquals(t.ageMean(), mean(age), 0.5); // ages are whole years
            assertEquals(t.ageSd(), sd(age), 0.3);
            assertEquals(t.albMean(), mean(alb), 0.05);
            assertEquals(t.albSd(), sd(alb), 0.05);
            assertEquals(t.sizeMean(), mean(size), 0.05);
            assertEquals(t.sizeSd(), sd(size), 0.05);
            assertEquals(Math.round(t.multipleTumours() * n), rs.stream().filter(r -> r.tumorNumber() > 1).count());
            assertEquals(Math.round(t.cirrhosis() * n), rs.stream().filter(ClinicalRecord::cirrhosis).count());
            assertEquals(Math.round(t.hbsag() * n), rs.stream().filter(ClinicalRecord::hbsag).count());
        }
    }

    @Test
    void aucAndNormalCdfByHand() {
        // ER scores {3, 1}, non-ER {2, 1}: pairs (3>2, 3>1, 1<2, 1=1) -> (1 + 1 + 0 + 0.5)/4
        assertEquals(0.625, CohortGenerator.auc(new double[] {3, 1, 2, 1}, new boolean[] {true, true, false, false}));
        assertEquals(0.5, CohortGenerator.phi(0), 1e-7);
        assertEquals(0.8413447, CohortGenerator.phi(1), 1e-6); // Φ(1), standard table value
        assertEquals(0.9750021, CohortGenerator.phi(1.96), 1e-6);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    private static String sha(Path p) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
