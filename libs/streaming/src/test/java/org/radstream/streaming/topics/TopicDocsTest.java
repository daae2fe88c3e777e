package org.radstream.streaming.topics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/topics.md and README.md must show the table generated from {@link Topics}: docs cannot drift from the catalogue. */
class TopicDocsTest {

    @Test
    void docsContainTheGeneratedTable() throws Exception {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/topics.md"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("docs/topics.md not found above " + Path.of("").toAbsolutePath());
        }
        Path doc = p.resolve("docs/topics.md");
        assertTrue(Files.readString(doc).contains(TopicDocs.markdownTable()),
                doc + " is out of date; replace its table with:\n" + TopicDocs.markdownTable());
    }

    @Test
    void readmeContainsTheGeneratedTable() throws Exception {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/topics.md"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("docs/topics.md not found above " + Path.of("").toAbsolutePath());
        }
        Path readme = p.resolve("README.md");
        assertTrue(Files.readString(readme).contains(TopicDocs.markdownTable()),
                readme + " is out of date; replace its table with:\n" + TopicDocs.markdownTable());
    }
}
