package org.radstream.streaming.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parses Prometheus text with the outside reference parser: the official Python client's
 * {@code prometheus_client.parser.text_string_to_metric_families} (Debian {@code python3-prometheus-client}),
 * run as {@code /usr/bin/python3}. Returns one line per sample, {@code name{labels} value}, with the family
 * type lines {@code # family NAME TYPE}; throws when the parser rejects the text. For tests of every stage's
 * {@code /metrics} (it lives here, beside the embedded platform's kind of test support, so the service modules'
 * tests can use it); nothing in a running stage calls it.
 */
public final class PrometheusTextParser {

    static final String SCRIPT = String.join("\n",
            "import sys",
            "from prometheus_client.parser import text_string_to_metric_families",
            "text = open(sys.argv[1], encoding='utf-8').read()",
            "for f in text_string_to_metric_families(text):",
            "    print('# family', f.name, f.type)",
            "    for s in f.samples:",
            "        labels = ','.join(k + '=' + v for k, v in sorted(s.labels.items()))",
            "        print(s.name + '{' + labels + '}', s.value)");

    private PrometheusTextParser() {
    }

    /**
     * Whether the parser can run. In CI ({@code CI=true}) its absence is a failure, not a reason to skip:
     * scripts/setup --test-tools installs it there.
     */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import prometheus_client.parser")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return true;
            }
        } catch (IOException e) {
            // no python3
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("python3-prometheus-client (Debian) is required in CI; run scripts/setup --test-tools");
        }
        return false;
    }

    public static List<String> parse(String exposition) throws IOException, InterruptedException {
        Path in = Files.createTempFile("metrics", ".txt");
        Path script = Files.createTempFile("parse", ".py");
        try {
            Files.writeString(in, exposition, StandardCharsets.UTF_8);
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), in.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("prometheus_client rejected the exposition:\n" + out);
            }
            return new ArrayList<>(out.lines().toList());
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(script);
        }
    }
}
