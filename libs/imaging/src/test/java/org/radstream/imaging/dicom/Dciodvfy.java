package org.radstream.imaging.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dicom3tools' {@code dciodvfy} (an outside DICOM validator) and DCMTK's {@code dcmdump} on written files. */
public final class Dciodvfy {
    private Dciodvfy() {
    }

    /**
     * Whether dciodvfy is on the PATH. In CI ({@code CI=true}) a missing validator is a failure, not a
     * reason to skip: scripts/setup --test-tools installs it there.
     */
    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "dciodvfy"))) {
                return true;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("dciodvfy (Debian dicom3tools) is required in CI; run scripts/setup --test-tools");
        }
        return false;
    }

    /** Whether DCMTK's dcmdump parses the file: exit code 0 and no "E:" (error) line. */
    public static boolean dcmdumpReads(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dcmdump", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 && out.lines().noneMatch(l -> l.startsWith("E:"));
    }

    public static boolean dcmdumpAvailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "dcmdump"))) {
                return true;
            }
        }
        return false;
    }

    public static List<String> errors(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dciodvfy", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out.lines().filter(line -> line.startsWith("Error")).toList();
    }
}
