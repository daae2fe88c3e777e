package org.radstream.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.lag.LagReport;
import org.radstream.streaming.lag.LagSampler;
import org.radstream.streaming.lag.LagWindow;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radstream lag}: consumer-group lag per partition in records and in time, totals per group, and a
 * status per group (OK, WARN, ERR, STOPPED) evaluated over a sliding window of samples.
 */
@Command(name = "lag", mixinStandardHelpOptions = true,
        description = {"Consumer-group lag in records and in time, with a status per group.",
            "Per group, topic and partition: committed offset, end offset, lag in records and in time (age of",
            "the oldest unconsumed record); totals per group; and a status over a window of samples:",
            "  OK       keeping up",
            "  WARN     consuming, but the lag grew over the whole window",
            "  ERR      members present, lag > 0, committed offset not moving over the window",
            "  STOPPED  no active member",
            "Without --watch, takes --samples samples --interval seconds apart and prints once. ERR needs the",
            "window to span more than the group's commit interval (auto-commit: 5 s)."})
final class LagCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--group", paramLabel = "G", description = "Only this consumer group (default: all).")
    String group;

    @Option(names = "--watch", paramLabel = "SECONDS",
            description = "Print a refreshed report every SECONDS seconds until interrupted.")
    Integer watchSeconds;

    @Option(names = "--json", description = "Print JSON (with --watch: one document per line).")
    boolean json;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "3",
            description = "Samples taken without --watch (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "Seconds between samples without --watch (default ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--window", paramLabel = "N", defaultValue = "10",
            description = "Samples per group in the sliding window with --watch (default ${DEFAULT-VALUE}).")
    int window;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        RadstreamConfig config = connection.load();
        PrintWriter out = spec.commandLine().getOut();
        try (Admin admin = Admin.create(ConnectionOptions.adminProperties(config));
             LagSampler sampler = new LagSampler(admin, config.toKafkaProperties(), Clock.systemUTC(),
                     ConnectionOptions.ADMIN_TIMEOUT_MS)) {
            Optional<String> only = Optional.ofNullable(group);
            if (watchSeconds == null) {
                LagWindow w = new LagWindow(samples);
                for (int i = 0; i < samples; i++) {
                    if (i > 0) {
                        Thread.sleep((long) (intervalSeconds * 1000));
                    }
                    w.add(sampler.sample(only));
                }
                print(out, LagReport.of(w, Clock.systemUTC().instant()));
                return 0;
            }
            LagWindow w = new LagWindow(window);
            boolean terminal = System.console() != null && !json;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    w.add(sampler.sample(only));
                    LagReport r = LagReport.of(w, Clock.systemUTC().instant());
                    if (terminal) {
                        out.print("\033[H\033[2J"); // refresh in place on a terminal
                    }
                    if (!json) {
                        out.println("--- " + r.sampledAt() + "  (window: last " + window + " samples, every "
                                + watchSeconds + " s)");
                    }
                    print(out, r);
                    TimeUnit.SECONDS.sleep(watchSeconds);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt(); // Ctrl-C ends the JVM anyway; an interrupted caller ends the watch
            }
            return 0;
        }
    }

    private void print(PrintWriter out, LagReport r) {
        if (json) {
            out.println(r.toJson());
        } else {
            out.print(r.toText());
        }
        out.flush();
    }

    private void validate() {
        if (watchSeconds != null && watchSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--watch must be >= 1 second, got " + watchSeconds);
        }
        if (samples < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--samples must be >= 1, got " + samples);
        }
        if (!(intervalSeconds >= 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--interval must be >= 0, got " + intervalSeconds);
        }
        if (window < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--window must be >= 1, got " + window);
        }
    }
}
