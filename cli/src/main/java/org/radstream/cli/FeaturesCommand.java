package org.radstream.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.imaging.dicom.DicomSeriesReader;
import org.radstream.imaging.dicom.SeriesVolume;
import org.radstream.imaging.io.NiftiReader;
import org.radstream.imaging.io.NrrdReader;
import org.radstream.imaging.roi.RoiLoader;
import org.radstream.radiomics.ExtractionSettings;
import org.radstream.radiomics.FeatureVector;
import org.radstream.radiomics.ParameterSet;
import org.radstream.radiomics.RadiomicsExtractor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radstream features}: PyRadiomics-compatible feature extraction for one image/mask pair or a batch.
 * Images: NIfTI ({@code .nii}, {@code .nii.gz}), NRRD ({@code .nrrd}) or a DICOM MR series directory; masks:
 * NIfTI or NRRD label maps, and with a DICOM series also DICOM SEG or RT Structure Set. Parameters: a PyRadiomics YAML file, {@code paper-1316} for the bundled study
 * profile, or PyRadiomics' defaults when omitted.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Extract PyRadiomics-compatible radiomics features (docs/radiomics.md).",
            "Single case: --image IMG --mask MASK -> JSON {features, diagnostics} or CSV.",
            "Batch: --batch cases.csv --out features.csv, columns caseId,image,mask[,label]; other columns (e.g. sequence) are copied to the output",
            "(PyRadiomics' ID,Image,Mask,Label also accepted; paths relative to the CSV).",
            "A failing case gets status=error in its row and does not stop the others;",
            "the exit code is then 1."})
public final class FeaturesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @ArgGroup(exclusive = false)
        Single single;

        @Option(names = "--batch", required = true, paramLabel = "CSV", description = "Cases file: caseId,image,mask[,label].")
        Path batch;
    }

    static final class Single {
        @Option(names = "--image", required = true, paramLabel = "PATH", description = "NIfTI/NRRD file or DICOM series directory.")
        Path image;

        @Option(names = "--mask", required = true, paramLabel = "PATH", description = "NIfTI/NRRD label map; with a DICOM series also DICOM SEG or RT Structure Set.")
        Path mask;
    }

    @Option(names = "--params", paramLabel = "FILE", description = "PyRadiomics parameter YAML, or a bundled profile: 'paper-1316' (images already z-scored and at 1 mm) or 'paper-1316-dicom' (raw images: z-score + 1 mm resampling first) (default: PyRadiomics defaults).")
    String params;

    @Option(names = "--label", paramLabel = "N", description = "Label value of the ROI (overrides the parameter file).")
    Integer label;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|csv", description = "Single-case output format (default: ${DEFAULT-VALUE}); batch output is always CSV.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Threads: batch cases, or a single case's image types, in parallel (default: number of cores).")
    Integer jobs;

    @Override
    public Integer call() throws Exception {
        ParameterSet p = parameters(params, label);
        if (input.batch != null) {
            return batch(p);
        }
        if (!format.equals("json") && !format.equals("csv")) {
            throw new IllegalArgumentException("--format must be json or csv, got '" + format + "'");
        }
        // one case: its image types run in parallel over the cores (--jobs)
        int threads = jobs != null ? Math.max(1, jobs) : Runtime.getRuntime().availableProcessors();
        FeatureVector fv;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        try {
            fv = extract(p, input.single.image, input.single.mask, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        StringBuilder text = new StringBuilder();
        if (format.equals("json")) {
            text.append(json(fv)).append('\n');
        } else {
            List<String> cols = new ArrayList<>(List.of("image", "mask"));
            cols.addAll(fv.features().keySet());
            text.append(String.join(",", cols)).append('\n');
            List<String> row = new ArrayList<>(List.of(csv(input.single.image.toString()), csv(input.single.mask.toString())));
            fv.features().values().forEach(v -> row.add(num(v)));
            text.append(String.join(",", row)).append('\n');
        }
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
        return 0;
    }

    static ParameterSet parameters(String params, Integer label) throws IOException {
        ParameterSet p;
        if (params == null) {
            p = ParameterSet.defaults();
        } else if (params.equals("paper-1316")) {
            p = ParameterSet.paper1316();
        } else if (params.equals("paper-1316-dicom")) {
            p = ParameterSet.paper1316Dicom();
        } else {
            Path file = Path.of(params);
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": no such parameter file (give a PyRadiomics YAML file, 'paper-1316' or 'paper-1316-dicom')");
            }
            p = ParameterSet.load(file);
        }
        return label == null ? p : withLabel(p, label);
    }

    private static ParameterSet withLabel(ParameterSet p, int label) {
        ExtractionSettings s = p.settings().with(Map.of("label", label), "--label");
        return new ParameterSet(s, p.imageTypes(), p.featureClasses(), p.source());
    }

    /**
     * Reads and extracts one case. With a DICOM series directory the ROI (NIfTI, NRRD, DICOM SEG or RT Structure
     * Set) is mapped onto the series grid by patient coordinates (libs/imaging {@code RoiLoader}: the segment,
     * structure or label value {@code label} becomes a 0/1 mask); otherwise image and mask are files whose grids
     * must agree within {@code geometryTolerance}.
     */
    static FeatureVector extract(ParameterSet p, Path image, Path mask, ExecutorService pool) throws IOException {
        if (Files.isDirectory(image)) {
            SeriesVolume series = DicomSeriesReader.readSingleSeries(image);
            if (!Files.exists(mask)) {
                throw new IOException(mask + ": mask: no such file");
            }
            LabelMap m = RoiLoader.load(mask, series, p.settings().label());
            ParameterSet one = p.settings().label() == 1 ? p : withLabel(p, 1);
            return new RadiomicsExtractor(one).extract(series.volume(), m, pool);
        }
        Volume v = readImage(image);
        LabelMap m = readMask(mask);
        return new RadiomicsExtractor(p).extract(v, m, pool);
    }

    static Volume readImage(Path p) throws IOException {
        if (!Files.exists(p)) {
            throw new IOException(p + ": image: no such file or directory");
        }
        if (Files.isDirectory(p)) {
            return DicomSeriesReader.readSingleSeries(p).volume();
        }
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".nrrd") || n.endsWith(".nhdr")) {
            return NrrdReader.readVolume(p);
        }
        if (n.endsWith(".nii") || n.endsWith(".nii.gz")) {
            return NiftiReader.readVolume(p);
        }
        throw new IOException(p + ": unsupported image format (expected .nii, .nii.gz, .nrrd or a DICOM series directory)");
    }

    static LabelMap readMask(Path p) throws IOException {
        if (!Files.exists(p)) {
            throw new IOException(p + ": mask: no such file");
        }
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".nrrd") || n.endsWith(".nhdr")) {
            return NrrdReader.readLabelMap(p);
        }
        if (n.endsWith(".nii") || n.endsWith(".nii.gz")) {
            return NiftiReader.readLabelMap(p);
        }
        throw new IOException(p + ": unsupported mask format (expected .nii, .nii.gz or .nrrd; DICOM SEG and RT"
                + " Structure Set ROIs need the image as a DICOM series directory)");
    }

    static String json(FeatureVector fv) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> f = new LinkedHashMap<>();
        fv.features().forEach((k, v) -> f.put(k, Double.isFinite(v) ? v : null));
        root.put("features", f);
        root.put("diagnostics", fv.diagnostics());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** One batch row; {@code extra} holds the input's other columns (e.g. sequence, reader), copied to the output. */
    record Case(String id, Path image, Path mask, Integer label, Map<String, String> extra) {
    }

    record Outcome(Case c, FeatureVector fv, String error) {
    }

    private int batch(ParameterSet p) throws Exception {
        if (out == null) {
            throw new IllegalArgumentException("--batch needs --out FILE");
        }
        List<Case> cases = readCases(input.batch);
        int threads = jobs != null ? Math.max(1, jobs) : Runtime.getRuntime().availableProcessors();
        boolean progress = System.console() != null;
        AtomicInteger done = new AtomicInteger();
        PrintWriter err = spec.commandLine().getErr();
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Outcome>> fs = new ArrayList<>();
            for (Case c : cases) {
                fs.add(pool.submit(() -> {
                    Outcome o;
                    try {
                        ParameterSet cp = c.label() == null ? p : withLabel(p, c.label());
                        o = new Outcome(c, extract(cp, c.image(), c.mask(), null), null);
                    } catch (Exception | OutOfMemoryError e) {
                        o = new Outcome(c, null, String.valueOf(e.getMessage()));
                    }
                    int n = done.incrementAndGet();
                    if (progress) {
                        int width = 30;
                        int filled = n * width / cases.size();
                        synchronized (err) {
                            err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + n + "/" + cases.size());
                            err.flush();
                        }
                    }
                    return o;
                }));
            }
            for (Future<Outcome> f : fs) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (progress) {
            err.println();
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Outcome o : outcomes) {
            if (o.fv() != null) {
                names.addAll(o.fv().features().keySet());
            }
        }
        int failed = 0;
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            List<String> extraColumns = cases.isEmpty() ? List.of() : new ArrayList<>(cases.get(0).extra().keySet());
            List<String> header = new ArrayList<>(List.of("caseId"));
            header.addAll(extraColumns);
            header.addAll(List.of("image", "mask", "label", "status", "error"));
            header.addAll(names);
            w.write(String.join(",", header) + "\n");
            for (Outcome o : outcomes) {
                List<String> row = new ArrayList<>();
                row.add(csv(o.c().id()));
                for (String column : extraColumns) {
                    row.add(csv(o.c().extra().getOrDefault(column, "")));
                }
                row.add(csv(o.c().image().toString()));
                row.add(csv(o.c().mask().toString()));
                row.add(o.c().label() == null ? "" : o.c().label().toString());
                row.add(o.fv() == null ? "error" : "ok");
                row.add(o.error() == null ? "" : csv(o.error()));
                for (String n : names) {
                    row.add(o.fv() == null ? "" : num(o.fv().features().getOrDefault(n, Double.NaN)));
                }
                w.write(String.join(",", row) + "\n");
                if (o.fv() == null) {
                    failed++;
                    err.println("radstream features: case " + o.c().id() + ": " + o.error());
                }
            }
        }
        err.println("radstream features: " + (outcomes.size() - failed) + "/" + outcomes.size() + " cases extracted, "
                + names.size() + " features each, written to " + out);
        return failed == 0 ? 0 : 1;
    }

    static List<Case> readCases(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty cases file");
        }
        List<String> header = split(lines.get(0));
        int id = indexOf(header, "caseid", "id");
        int im = indexOf(header, "image");
        int ma = indexOf(header, "mask");
        int la = indexOf(header, "label");
        if (im < 0 || ma < 0) {
            throw new IOException(file + ": header needs columns image and mask (caseId, label optional), got " + header);
        }
        Path base = file.toAbsolutePath().getParent();
        List<Case> out = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            if (lines.get(r).isBlank()) {
                continue;
            }
            List<String> f = split(lines.get(r));
            String caseId = id >= 0 && id < f.size() ? f.get(id) : "row" + r;
            Path image = base.resolve(f.get(im));
            Path mask = base.resolve(f.get(ma));
            Integer label = null;
            if (la >= 0 && la < f.size() && !f.get(la).isBlank()) {
                try {
                    label = Integer.parseInt(f.get(la).trim());
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": line " + (r + 1) + ": label is not an integer: '" + f.get(la) + "'");
                }
            }
            Map<String, String> extra = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (c != id && c != im && c != ma && c != la) {
                    extra.put(header.get(c).trim(), c < f.size() ? f.get(c) : "");
                }
            }
            out.add(new Case(caseId, image, mask, label, extra));
        }
        return out;
    }

    private static int indexOf(List<String> header, String... names) {
        for (int i = 0; i < header.size(); i++) {
            for (String n : names) {
                if (header.get(i).trim().equalsIgnoreCase(n)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (q && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    q = !q;
                }
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
}
