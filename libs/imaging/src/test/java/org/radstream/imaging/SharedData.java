package org.radstream.imaging;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (reference data) for tests: system property radstream.shared.dir, else ../shared of the repository root. */
public final class SharedData {
    private SharedData() {
    }

    public static Path dir() {
        String prop = System.getProperty("radstream.shared.dir");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("libs")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p.resolveSibling("shared");
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot locate the shared reference data directory; set -Dradstream.shared.dir");
    }

    public static Path resolve(String relative) {
        return dir().resolve(relative);
    }
}
