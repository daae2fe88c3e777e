package org.radstream.streaming.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/configuration.md and README.md must show the table generated from {@link ConfigKey}: docs cannot drift from code. */
class ConfigDocsTest {

    @Test
    void docsContainTheGeneratedTable() throws Exception {
        Path doc = repositoryRoot().resolve("docs/configuration.md");
        String text = Files.readString(doc);
        assertTrue(text.contains(ConfigDocs.markdownTable()),
                doc + " is out of date; replace its table with:\n" + ConfigDocs.markdownTable());
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/configuration.md"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("docs/configuration.md not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    @Test
    void readmeContainsTheGeneratedTable() throws Exception {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/configuration.md"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("docs/configuration.md not found above " + Path.of("").toAbsolutePath());
        }
        Path readme = p.resolve("README.md");
        assertTrue(Files.readString(readme).contains(ConfigDocs.markdownTable()),
                readme + " is out of date; replace its table with:\n" + ConfigDocs.markdownTable());
    }
}
