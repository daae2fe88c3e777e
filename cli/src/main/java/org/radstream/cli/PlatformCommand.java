package org.radstream.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.radstream.streaming.embedded.EmbeddedPlatform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radstream platform up}: the embedded KRaft broker and schema registry, until interrupted. */
@Command(name = "platform", description = "Run the local embedded platform (Kafka broker + schema registry).",
        subcommands = PlatformCommand.Up.class, mixinStandardHelpOptions = true)
final class PlatformCommand {

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Start a single-node KRaft broker and a schema registry on loopback ports, print",
                "  READY bootstrap=127.0.0.1:PORT registry=http://127.0.0.1:PORT/apis/ccompat/v7",
                "and run until interrupted (Ctrl-C / SIGTERM stop both cleanly)."})
    static final class Up implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--data-dir", defaultValue = "data/platform",
                description = "Broker logs and registry log go here (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--fresh", description = "Delete the data directory first (topics and offsets are lost).")
        boolean fresh;

        @Override
        public Integer call() throws Exception {
            if (fresh) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir);
            EmbeddedPlatform platform = EmbeddedPlatform.start(dataDir);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                platform.close();
                stopped.countDown();
            }, "radstream-platform-shutdown"));
            System.out.println("READY bootstrap=" + platform.bootstrapServers() + " registry=" + platform.registryUrl());
            System.out.flush();
            stopped.await();
            return 0;
        }

        private static void deleteRecursively(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
