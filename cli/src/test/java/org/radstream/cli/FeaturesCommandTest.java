package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code radstream features} on PyRadiomics' breast1 case (../shared/refdata/pyradiomics-breast1). Expected
 * values are PyRadiomics' baseline (column breast1, GLCM is independent of voxelArrayShift and
 * minimumROIDimensions), within PyRadiomics' 3% test tolerance.
 */
class FeaturesCommandTest {

    static Path breast1() {
        String p = System.getProperty("radstream.shared.dir");
        Path shared = p != null ? Path.of(p) : Path.of("../../shared");
        if (!Files.isDirectory(shared)) {
            shared = Path.of("").toAbsolutePath().getParent().resolve("../shared").normalize();
        }
        return shared.resolve("refdata/pyradiomics-breast1");
    }

    @Test
    void singleCaseJson() throws IOException {
        Path d = breast1();
        CliRun r = CliRun.of("features", "--image", d.resolve("breast1_image.nrrd").toString(),
                "--mask", d.resolve("breast1_label.nrrd").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        double contrast = root.get("features").get("original_glcm_Contrast").asDouble();
        assertTrue(Math.abs(contrast / 0.6712186625058774 - 1) < 0.03, "GLCM contrast " + contrast);
        assertEquals(107, root.get("features").size());
        assertEquals("143", root.get("diagnostics").get("diagnostics_Mask-original_VoxelNum").asText());
        assertEquals("(21, 64, 8, 9, 12, 3)", root.get("diagnostics").get("diagnostics_Mask-original_BoundingBox").asText());
    }

    @Test
    void singleCaseCsvAndLabelErrors(@TempDir Path tmp) throws IOException {
        Path d = breast1();
        Path out = tmp.resolve("f.csv");
        CliRun r = CliRun.of("features", "--image", d.resolve("breast1_image.nrrd").toString(),
                "--mask", d.resolve("breast1_label.nrrd").toString(), "--format", "csv", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        assertEquals(2 + 107, lines.get(0).split(",").length);
        CliRun bad = CliRun.of("features", "--image", d.resolve("breast1_image.nrrd").toString(),
                "--mask", d.resolve("breast1_label.nrrd").toString(), "--label", "3");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("label 3 not present"), bad.err());
    }

    @Test
    void dicomSeriesDirectoryWithNiftiMask(@TempDir Path tmp) throws IOException {
        // a public MR sample (../shared/dicom-samples/MR_small.dcm) as a one-slice series directory, a NIfTI mask on its grid
        Path series = tmp.resolve("series");
        Files.createDirectories(series);
        Files.copy(breast1().resolve("../../dicom-samples/MR_small.dcm").normalize(), series.resolve("MR_small.dcm"));
        org.radstream.imaging.Volume v = FeaturesCommand.readImage(series);
        var g = v.geometry();
        int[] labels = new int[g.voxelCount()];
        for (int z = 0; z < g.nz(); z++) {
            for (int y = g.ny() / 4; y < 3 * g.ny() / 4; y++) {
                for (int x = g.nx() / 4; x < 3 * g.nx() / 4; x++) {
                    labels[g.index(x, y, z)] = 1;
                }
            }
        }
        Path mask = tmp.resolve("mask.nii.gz");
        org.radstream.imaging.io.NiftiWriter.write(mask, new org.radstream.imaging.LabelMap(g, labels));
        // with a DICOM series the ROI file is mapped onto the series grid by patient coordinates, so the
        // float32 geometry of the NIfTI header (~3e-6 mm off) does not matter
        CliRun r = CliRun.of("features", "--image", series.toString(), "--mask", mask.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertTrue(root.get("features").get("original_firstorder_Mean").isNumber());
        assertEquals(Integer.toString(java.util.Arrays.stream(labels).sum()),
                root.get("diagnostics").get("diagnostics_Mask-original_VoxelNum").asText());
        // the same image as a NIfTI file: both files carry the same float32 geometry, so they match
        Path image = tmp.resolve("image.nii.gz");
        org.radstream.imaging.io.NiftiWriter.write(image, v);
        CliRun files = CliRun.of("features", "--image", image.toString(), "--mask", mask.toString());
        assertEquals(0, files.exitCode(), files.err());
        double mean = new ObjectMapper().readTree(files.out()).get("features").get("original_firstorder_Mean").asDouble();
        assertEquals(root.get("features").get("original_firstorder_Mean").asDouble(), mean, 1e-3 * Math.abs(mean));
    }

    @Test
    void batchKeepsGoingPastABadRow(@TempDir Path tmp) throws IOException {
        Path d = breast1();
        Path cases = tmp.resolve("cases.csv");
        Files.writeString(cases, "caseId,image,mask,label\n"
                + "a," + d.resolve("breast1_image.nrrd") + "," + d.resolve("breast1_label.nrrd") + ",1\n"
                + "broken," + d.resolve("breast1_image.nrrd") + "," + tmp.resolve("missing.nrrd") + ",1\n"
                + "wronglabel," + d.resolve("breast1_image.nrrd") + "," + d.resolve("breast1_label.nrrd") + ",2\n"
                + "b," + d.resolve("breast1_image.nrrd") + "," + d.resolve("breast1_label.nrrd") + ",\n");
        Path out = tmp.resolve("features.csv");
        CliRun r = CliRun.of("features", "--batch", cases.toString(), "--out", out.toString(), "--jobs", "2");
        assertEquals(1, r.exitCode(), "a failed row makes the exit code 1");
        List<String> lines = Files.readAllLines(out);
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).startsWith("a,") && lines.get(1).contains(",ok,"));
        assertTrue(lines.get(2).startsWith("broken,") && lines.get(2).contains(",error,") && lines.get(2).contains("missing.nrrd"));
        assertTrue(lines.get(3).contains(",error,") && lines.get(3).contains("label 2 not present"));
        assertTrue(lines.get(4).startsWith("b,") && lines.get(4).contains(",ok,"));
        assertEquals(6 + 107, lines.get(0).split(",").length);
        assertTrue(r.err().contains("2/4 cases extracted"), r.err());
    }

    @Test
    void batchCopiesExtraInputColumnsSuchAsSequence(@TempDir Path tmp) throws IOException {
        // radstream analyze needs a sequence column: other input columns pass through to the output rows
        Path d = breast1();
        Path cases = tmp.resolve("cases.csv");
        Files.writeString(cases, "caseId,sequence,reader,image,mask\n"
                + "c1,DP,A," + d.resolve("breast1_image.nrrd") + "," + d.resolve("breast1_label.nrrd") + "\n"
                + "c2,AP,A," + d.resolve("breast1_image.nrrd") + "," + tmp.resolve("missing.nrrd") + "\n");
        Path out = tmp.resolve("features.csv");
        CliRun r = CliRun.of("features", "--batch", cases.toString(), "--out", out.toString());
        assertEquals(1, r.exitCode(), "the row with a missing mask fails, the other is extracted: " + r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(List.of("caseId", "sequence", "reader", "image", "mask", "label", "status", "error"),
                List.of(lines.get(0).split(",")).subList(0, 8));
        assertTrue(lines.get(1).startsWith("c1,DP,A,"), lines.get(1));
        assertTrue(lines.get(1).contains(",ok,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("c2,AP,A,"), lines.get(2));
        assertTrue(lines.get(2).contains(",error,"), lines.get(2));
    }
}
