package org.radstream.radiomics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * IBSI-1 digital phantom (reference values from theibsi/ibsi-doc, ../shared/refdata/ibsi1): every feature
 * PyRadiomics can express, at IBSI's aggregation "3D, averaged" for GLCM/GLRLM and "3D" for the others,
 * with no discretisation (binWidth 1, grey levels 1..6), compared after rounding to 3 significant digits
 * (IBSI's reporting precision) or within IBSI's stated tolerance where one is given (morphology).
 * Acceptance: at least 95% pass, in both PyRadiomics mode and the {@code ibsi} compatibility mode; the
 * table is written to target/ibsi-phantom-results.md (copied to docs/radiomics-ibsi-results.md).
 */
class IbsiPhantomTest {

    /**
     * IBSI code -> PyRadiomics feature. Built from featuresDict_IBSIv7.tsv, with its slips corrected: it files
     * the four GLSZM small/large-zone grey-level emphases under "glcm", names ZoneVariance/ZoneEntropy
     * "ZoneSizeVariance"/"ZoneSizeEntropy", maps the GLSZM low/high grey-level zone emphases to the GLDZM codes
     * S1RA/K26C (GLSZM: XMSY/5GN9), and omits Imc1/Imc2 (R8DG/JN9H) and Autocorrelation (QWB0).
     */
    static final Map<String, String> MAP = new LinkedHashMap<>();

    static {
        String[][] m = {
            {"RNU0", "shape_MeshVolume"}, {"YEKZ", "shape_VoxelVolume"}, {"C0JK", "shape_SurfaceArea"},
            {"2PR5", "shape_SurfaceVolumeRatio"}, {"SKGS", "shape_Compactness1"}, {"BQWJ", "shape_Compactness2"},
            {"KRCK", "shape_SphericalDisproportion"}, {"QCFX", "shape_Sphericity"},
            {"L0JK", "shape_Maximum3DDiameter"}, {"TDIC", "shape_MajorAxisLength"},
            {"P9VJ", "shape_MinorAxisLength"}, {"7J51", "shape_LeastAxisLength"}, {"Q3CK", "shape_Elongation"},
            {"N17B", "shape_Flatness"},
            {"Q4LE", "firstorder_Mean"}, {"ECT3", "firstorder_Variance"}, {"KE2A", "firstorder_Skewness"},
            {"IPH6", "firstorder_Kurtosis"}, {"Y12H", "firstorder_Median"}, {"1GSF", "firstorder_Minimum"},
            {"QG58", "firstorder_10Percentile"}, {"8DWT", "firstorder_90Percentile"},
            {"84IY", "firstorder_Maximum"}, {"SALO", "firstorder_InterquartileRange"},
            {"2OJQ", "firstorder_Range"}, {"4FUA", "firstorder_MeanAbsoluteDeviation"},
            {"1128", "firstorder_RobustMeanAbsoluteDeviation"}, {"N8CA", "firstorder_Energy"},
            {"5ZWQ", "firstorder_RootMeanSquared"}, {"TLU2", "firstorder_Entropy"}, {"BJ5W", "firstorder_Uniformity"},
            {"GYBY", "glcm_MaximumProbability"}, {"60VM", "glcm_JointAverage"}, {"UR99", "glcm_SumSquares"},
            {"TU9B", "glcm_JointEntropy"}, {"TF7R", "glcm_DifferenceAverage"}, {"D3YU", "glcm_DifferenceVariance"},
            {"NTRS", "glcm_DifferenceEntropy"}, {"ZGXS", "glcm_SumAverage"}, {"OEEB", "glcm_ClusterTendency"},
            {"P6QZ", "glcm_SumEntropy"}, {"8ZQL", "glcm_JointEnergy"}, {"ACUI", "glcm_Contrast"},
            {"8S9J", "glcm_DifferenceAverage"}, {"IB1Z", "glcm_Id"}, {"NDRX", "glcm_Idn"}, {"WF0Z", "glcm_Idm"},
            {"1QCO", "glcm_Idmn"}, {"E8JP", "glcm_InverseVariance"}, {"NI2N", "glcm_Correlation"},
            {"QWB0", "glcm_Autocorrelation"}, {"DG8W", "glcm_ClusterTendency"}, {"7NFM", "glcm_ClusterShade"},
            {"AE86", "glcm_ClusterProminence"}, {"R8DG", "glcm_Imc1"}, {"JN9H", "glcm_Imc2"},
            {"22OV", "glrlm_ShortRunEmphasis"}, {"W4KF", "glrlm_LongRunEmphasis"},
            {"V3SW", "glrlm_LowGrayLevelRunEmphasis"}, {"G3QZ", "glrlm_HighGrayLevelRunEmphasis"},
            {"HTZT", "glrlm_ShortRunLowGrayLevelEmphasis"}, {"GD3A", "glrlm_ShortRunHighGrayLevelEmphasis"},
            {"IVPO", "glrlm_LongRunLowGrayLevelEmphasis"}, {"3KUM", "glrlm_LongRunHighGrayLevelEmphasis"},
            {"R5YN", "glrlm_GrayLevelNonUniformity"}, {"OVBL", "glrlm_GrayLevelNonUniformityNormalized"},
            {"W92Y", "glrlm_RunLengthNonUniformity"}, {"IC23", "glrlm_RunLengthNonUniformityNormalized"},
            {"9ZK5", "glrlm_RunPercentage"}, {"8CE5", "glrlm_GrayLevelVariance"}, {"SXLW", "glrlm_RunVariance"},
            {"HJ9O", "glrlm_RunEntropy"},
            {"5QRC", "glszm_SmallAreaEmphasis"}, {"48P8", "glszm_LargeAreaEmphasis"},
            {"XMSY", "glszm_LowGrayLevelZoneEmphasis"}, {"5GN9", "glszm_HighGrayLevelZoneEmphasis"},
            {"5RAI", "glszm_SmallAreaLowGrayLevelEmphasis"}, {"HW1V", "glszm_SmallAreaHighGrayLevelEmphasis"},
            {"YH51", "glszm_LargeAreaLowGrayLevelEmphasis"}, {"J17V", "glszm_LargeAreaHighGrayLevelEmphasis"},
            {"JNSA", "glszm_GrayLevelNonUniformity"}, {"Y1RO", "glszm_GrayLevelNonUniformityNormalized"},
            {"4JP3", "glszm_SizeZoneNonUniformity"}, {"VB3A", "glszm_SizeZoneNonUniformityNormalized"},
            {"P30P", "glszm_ZonePercentage"}, {"BYLV", "glszm_GrayLevelVariance"}, {"3NSA", "glszm_ZoneVariance"},
            {"GU8N", "glszm_ZoneEntropy"},
            {"QCDE", "ngtdm_Coarseness"}, {"65HE", "ngtdm_Contrast"}, {"NQ30", "ngtdm_Busyness"},
            {"HDEZ", "ngtdm_Complexity"}, {"1X9X", "ngtdm_Strength"},
            {"SODN", "gldm_SmallDependenceEmphasis"}, {"IMOQ", "gldm_LargeDependenceEmphasis"},
            {"TL9H", "gldm_LowGrayLevelEmphasis"}, {"OAE7", "gldm_HighGrayLevelEmphasis"},
            {"EQ3F", "gldm_SmallDependenceLowGrayLevelEmphasis"}, {"JA6D", "gldm_SmallDependenceHighGrayLevelEmphasis"},
            {"NBZI", "gldm_LargeDependenceLowGrayLevelEmphasis"}, {"9QMG", "gldm_LargeDependenceHighGrayLevelEmphasis"},
            {"FP8K", "gldm_GrayLevelNonUniformity"}, {"5SPA", "firstorder_Uniformity"},
            {"Z87G", "gldm_DependenceNonUniformity"}, {"OKJI", "gldm_DependenceNonUniformityNormalized"},
            {"1PFV", "gldm_GrayLevelVariance"}, {"DNX2", "gldm_DependenceVariance"}, {"FCBV", "gldm_DependenceEntropy"},
        };
        for (String[] e : m) {
            MAP.put(e[0], e[1]);
        }
    }

    record Row(String family, String feature, String code, String key, double reference, double tolerance,
            double ours, boolean pass) {
    }

    static List<Row> compare(ExtractionSettings.Compatibility mode) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("binWidth", 1);
        s.put("compatibility", mode.name().toLowerCase(Locale.ROOT));
        Map<org.radstream.radiomics.features.FeatureClass, List<String>> classes = new LinkedHashMap<>();
        for (var c : org.radstream.radiomics.features.FeatureClass.values()) {
            if (c != org.radstream.radiomics.features.FeatureClass.SHAPE2D) {
                classes.put(c, List.of());
            }
        }
        classes.put(org.radstream.radiomics.features.FeatureClass.SHAPE,
                List.of("MeshVolume", "VoxelVolume", "SurfaceArea", "SurfaceVolumeRatio", "Compactness1", "Compactness2",
                        "SphericalDisproportion", "Sphericity", "Maximum3DDiameter", "MajorAxisLength",
                        "MinorAxisLength", "LeastAxisLength", "Elongation", "Flatness"));
        ParameterSet p = new ParameterSet(ExtractionSettings.fromPyRadiomics(s, "test"),
                Map.of(ImageType.ORIGINAL, Map.of()), classes, "ibsi-phantom");
        FeatureVector fv = new RadiomicsExtractor(p).extract(SharedData.phantomImage(), SharedData.phantomMask());
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.refdata("ibsi1/ibsi1_phantom_reference.csv"))) {
            List<String> f = csv(line);
            if (f.get(0).equals("family")) {
                continue;
            }
            String code = f.get(2);
            String agg = f.get(3);
            boolean wanted = agg.equals("3D") || agg.equals("3D, averaged");
            if (!wanted || !MAP.containsKey(code)) {
                continue;
            }
            if ((f.get(0).equals("gldzm")) || (f.get(0).equals("intensity_histogram") && !code.equals("TLU2")
                    && !code.equals("BJ5W"))) {
                continue;
            }
            double ref = Double.parseDouble(f.get(4));
            double tol = Double.parseDouble(f.get(5));
            String key = "original_" + MAP.get(code);
            double ours = fv.get(key);
            boolean pass = tol > 0 ? Math.abs(ours - ref) <= tol : round3(ours) == ref;
            rows.add(new Row(f.get(0), f.get(1), code, key, ref, tol, ours, pass));
        }
        return rows;
    }

    static double round3(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(3)).doubleValue();
    }

    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                q = !q;
            } else if (ch == ',' && !q) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    @Test
    void atLeast95PercentOfComparableFeaturesMatchIbsiInIbsiMode() throws IOException {
        List<Row> ibsi = compare(ExtractionSettings.Compatibility.IBSI);
        List<Row> py = compare(ExtractionSettings.Compatibility.PYRADIOMICS);
        writeTable(ibsi, py);
        long passIbsi = ibsi.stream().filter(Row::pass).count();
        long passPy = py.stream().filter(Row::pass).count();
        String failures = ibsi.stream().filter(r -> !r.pass())
                .map(r -> r.code() + " " + r.key() + " ref " + r.reference() + " ours " + r.ours())
                .reduce("", (a, b) -> a + "\n  " + b);
        System.out.println("IBSI mode: " + passIbsi + "/" + ibsi.size() + ", PyRadiomics mode: " + passPy + "/"
                + py.size() + failures);
        assertTrue(passIbsi >= 0.95 * ibsi.size(), passIbsi + "/" + ibsi.size() + " pass; failing:" + failures);
        assertTrue(passPy >= 0.95 * py.size(), passPy + "/" + py.size() + " pass in PyRadiomics mode");
    }

    private static void writeTable(List<Row> ibsi, List<Row> py) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# IBSI-1 digital phantom: reference vs radstream\n\n");
        sb.append("Generated by `IbsiPhantomTest` (`mvn -pl libs/radiomics test -Dtest=IbsiPhantomTest`); reference ")
                .append("values from ../shared/refdata/ibsi1/ibsi1_phantom_reference.csv (IBSI, 3 significant digits; ")
                .append("tolerance column only for morphology). Aggregation: GLCM/GLRLM \"3D, averaged\", others \"3D\"; ")
                .append("binWidth 1 (no discretisation).\n\n");
        long pi = ibsi.stream().filter(Row::pass).count();
        long pp = py.stream().filter(Row::pass).count();
        sb.append(String.format(Locale.ROOT, "Pass: **%d/%d** with `compatibility: ibsi`, **%d/%d** with PyRadiomics definitions.%n%n",
                pi, ibsi.size(), pp, py.size()));
        sb.append("| family | feature | IBSI code | radstream key | reference | tolerance | ours (ibsi) | pass | ours (pyradiomics) | pass |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < ibsi.size(); i++) {
            Row r = ibsi.get(i);
            Row q = py.get(i);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.6g | %s | %.6g | %s |%n", r.family(),
                    r.feature(), r.code(), r.key(), fmt(r.reference()), fmt(r.tolerance()), r.ours(),
                    r.pass() ? "yes" : "**no**", q.ours(), q.pass() ? "yes" : "**no**"));
        }
        Path out = Path.of("target/ibsi-phantom-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb.toString());
    }

    private static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
