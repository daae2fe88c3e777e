package org.radstream.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaParser;
import org.junit.jupiter.api.Test;

/**
 * Keeps the event contract: every current schema (src/main/avro) stays BACKWARD compatible with every
 * released version (released/vN), every field carries a doc, and released files are never edited.
 *
 * <p>BACKWARD, as a schema registry defines it: consumers using the new schema can read data written with
 * an old one, i.e. Avro schema resolution with the <em>new schema as reader</em> and the <em>released schema
 * as writer</em> succeeds (Avro specification, "Schema Resolution"; checked by
 * {@link SchemaCompatibility#checkReaderWriterCompatibility}). Checking against every release, not only the
 * latest, is what registries call BACKWARD_TRANSITIVE.
 */
class SchemaContractTest {

    static final Path CURRENT = Path.of("src", "main", "avro");
    static final Path RELEASED = Path.of("released");

    @Test
    void everyCurrentSchemaReadsEveryReleasedVersion() throws IOException {
        Map<String, Schema> current = loadDirectory(CURRENT);
        List<Path> releases = releases();
        assertFalse(releases.isEmpty(), "no released versions under " + RELEASED.toAbsolutePath());
        List<String> problems = new ArrayList<>();
        for (Path release : releases) {
            for (Map.Entry<String, Schema> old : loadDirectory(release).entrySet()) {
                Schema now = current.get(old.getKey());
                if (now == null) {
                    problems.add(release + ": " + old.getKey() + " was released but no longer exists in " + CURRENT);
                    continue;
                }
                backwardIncompatibilities(now, old.getValue())
                        .forEach(p -> problems.add(release + " -> current " + old.getKey() + ": " + p));
            }
        }
        assertTrue(problems.isEmpty(), "BACKWARD incompatible changes:\n  " + String.join("\n  ", problems));
    }

    @Test
    void everyFieldAndTypeIsDocumented() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (Schema schema : loadDirectory(CURRENT).values()) {
            collectUndocumented(schema, new java.util.HashSet<>(), undocumented);
        }
        assertTrue(undocumented.isEmpty(), "missing or empty doc:\n  " + String.join("\n  ", undocumented));
    }

    @Test
    void releasedFilesAreUnchanged() throws IOException {
        for (Path release : releases()) {
            Path sums = release.resolve("SHA256SUMS");
            assertTrue(Files.isRegularFile(sums), "release " + release + " has no SHA256SUMS");
            Map<String, String> expected = new TreeMap<>();
            for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    String[] parts = line.trim().split("\\s+", 2);
                    expected.put(normalise(parts[1]), parts[0]);
                }
            }
            Map<String, String> actual = new TreeMap<>();
            try (Stream<Path> files = Files.walk(release)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".avsc")).toList()) {
                    actual.put(normalise(release.relativize(f).toString()), sha256(f));
                }
            }
            assertEquals(expected, actual, "released schemas in " + release
                    + " differ from its SHA256SUMS: released versions are immutable (see schemas/README.md)");
        }
    }

    @Test
    void theLatestReleaseCoversEveryEvent() throws IOException {
        // guards the release procedure itself: a release copies every schema, so none escapes the check above
        List<Path> releases = releases();
        Map<String, Schema> latest = loadDirectory(releases.get(releases.size() - 1));
        assertTrue(latest.keySet().containsAll(List.of(
                "org.radstream.events.StudyReceived", "org.radstream.events.ClinicalRecord",
                "org.radstream.events.Outcome", "org.radstream.events.PreprocessedRoi",
                "org.radstream.events.FeatureVector", "org.radstream.events.StableFeatureSet",
                "org.radstream.events.CaseFeatures", "org.radstream.events.ModelPublished",
                "org.radstream.events.RiskScore", "org.radstream.events.ReportReady",
                "org.radstream.events.DeadLetter")), latest.keySet().toString());
    }

    // --- the checker must be able to fail: known incompatible and compatible changes ------------------

    @Test
    void checkerRejectsANewFieldWithoutDefault() throws IOException {
        Schema released = loadDirectory(CURRENT).get("org.radstream.events.Outcome");
        Schema changed = withExtraField(released, "{\"name\":\"relapseSite\",\"type\":\"string\",\"doc\":\"x\"}");
        List<String> problems = backwardIncompatibilities(changed, released);
        assertFalse(problems.isEmpty(), "a required field without default must be BACKWARD incompatible");
        assertTrue(problems.get(0).contains("relapseSite"), problems.toString());
    }

    @Test
    void checkerRejectsAChangedFieldType() {
        Schema old = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"size\",\"type\":\"double\"}]}");
        Schema changed = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"size\",\"type\":\"string\"}]}");
        assertFalse(backwardIncompatibilities(changed, old).isEmpty());
    }

    @Test
    void checkerRejectsARemovedEnumSymbol() {
        Schema old = new Schema.Parser().parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}");
        Schema changed = new Schema.Parser().parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}");
        assertFalse(backwardIncompatibilities(changed, old).isEmpty());
    }

    @Test
    void checkerAcceptsAnOptionalFieldWithDefault() throws IOException {
        Schema released = loadDirectory(CURRENT).get("org.radstream.events.Outcome");
        Schema changed = withExtraField(released,
                "{\"name\":\"relapseSite\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"x\"}");
        assertEquals(List.of(), backwardIncompatibilities(changed, released));
    }

    @Test
    void docCheckFindsAnUndocumentedField() {
        Schema s = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"doc\":\"r\","
                + "\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"doc\":\" \"}]}");
        List<String> undocumented = new ArrayList<>();
        collectUndocumented(s, new java.util.HashSet<>(), undocumented);
        assertEquals(List.of("R.a"), undocumented);
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** The reasons the reader cannot read data written with the writer; empty when compatible. */
    static List<String> backwardIncompatibilities(Schema reader, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .toList();
    }

    /** Every top-level named schema of the .avsc files under {@code dir}, by full name. */
    static Map<String, Schema> loadDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
        // one parser for the directory: files may name types defined in other files (common/)
        SchemaParser parser = new SchemaParser();
        List<SchemaParser.ParseResult> results = new ArrayList<>();
        for (Path f : files) {
            results.add(parser.parse(f));
        }
        Map<String, Schema> byName = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Schema s = parser.resolve(results.get(i));
            byName.put(s.getFullName(), s);
        }
        return byName;
    }

    static List<Path> releases() throws IOException {
        try (Stream<Path> dirs = Files.list(RELEASED)) {
            return dirs.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().matches("v\\d+"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b)))
                    .toList();
        }
    }

    private static int version(Path release) {
        return Integer.parseInt(release.getFileName().toString().substring(1));
    }

    private static void collectUndocumented(Schema s, java.util.Set<String> seen, List<String> out) {
        switch (s.getType()) {
            case RECORD -> {
                if (!seen.add(s.getFullName())) {
                    return;
                }
                if (blank(s.getDoc())) {
                    out.add(s.getFullName() + " (record)");
                }
                for (Schema.Field f : s.getFields()) {
                    if (blank(f.doc())) {
                        out.add(s.getName() + "." + f.name());
                    }
                    collectUndocumented(f.schema(), seen, out);
                }
            }
            case ENUM -> {
                if (seen.add(s.getFullName()) && blank(s.getDoc())) {
                    out.add(s.getFullName() + " (enum)");
                }
            }
            case ARRAY -> collectUndocumented(s.getElementType(), seen, out);
            case MAP -> collectUndocumented(s.getValueType(), seen, out);
            case UNION -> s.getTypes().forEach(t -> collectUndocumented(t, seen, out));
            default -> { }
        }
    }

    private static boolean blank(String doc) {
        return doc == null || doc.isBlank();
    }

    private static Schema withExtraField(Schema record, String fieldJson) {
        String json = record.toString();
        String patched = json.substring(0, json.lastIndexOf(']')) + "," + fieldJson + "]}";
        if (!patched.contains(fieldJson)) {
            fail("could not patch " + record.getFullName());
        }
        return new Schema.Parser().parse(patched);
    }

    private static String normalise(String relative) {
        return relative.replace('\\', '/').replaceFirst("^\\./", "");
    }

    private static String sha256(Path f) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
