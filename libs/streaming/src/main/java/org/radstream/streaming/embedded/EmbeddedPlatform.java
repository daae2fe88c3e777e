package org.radstream.streaming.embedded;

import java.nio.file.Path;

/**
 * The local default platform: an in-process KRaft broker and a child-process schema registry, both on
 * loopback. Closing it stops both (registry first, so no child process outlives the broker).
 */
public final class EmbeddedPlatform implements AutoCloseable {
    private final EmbeddedKafkaBroker broker;
    private final EmbeddedSchemaRegistry registry;

    private EmbeddedPlatform(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /** Starts broker and registry in parallel under {@code dataDir}; returns when both answer. */
    public static EmbeddedPlatform start(Path dataDir) {
        // The registry JVM takes longer to boot than the broker; start it first, in the background.
        java.util.concurrent.CompletableFuture<EmbeddedSchemaRegistry> registry =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> EmbeddedSchemaRegistry.start(dataDir));
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(dataDir);
        } catch (RuntimeException e) {
            registry.thenAccept(EmbeddedSchemaRegistry::close);
            throw e;
        }
        try {
            return new EmbeddedPlatform(broker, registry.join());
        } catch (java.util.concurrent.CompletionException e) {
            broker.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public EmbeddedSchemaRegistry registry() {
        return registry;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }
}
