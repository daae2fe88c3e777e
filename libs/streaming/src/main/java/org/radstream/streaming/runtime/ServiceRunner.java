package org.radstream.streaming.runtime;

import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link ManagedService} the same way in every radstream service: health endpoint up, service
 * started, and on SIGTERM (JVM shutdown hook) a graceful stop bounded by
 * {@link RunnerSettings#shutdownTimeout()}. A service's {@code main} is:
 *
 * <pre>{@code
 * System.exit(ServiceRunner.run(new StreamsService("quality-gate", topology, props), RunnerSettings.DEFAULTS));
 * }</pre>
 */
public final class ServiceRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {
    }

    /**
     * Starts the service and blocks until it stops: after SIGTERM/SIGINT (graceful stop) or because it
     * failed.
     *
     * @return the process exit code: 0 after a requested stop, 1 when the service failed
     */
    public static int run(ManagedService service, RunnerSettings settings) {
        return run(service, settings, java.util.Map.of());
    }

    /** As {@link #run(ManagedService, RunnerSettings)}, with extra routes (e.g. {@code /metrics}) on the health port. */
    public static int run(ManagedService service, RunnerSettings settings,
            java.util.Map<String, com.sun.net.httpserver.HttpHandler> extraRoutes) {
        Running running = start(service, settings, extraRoutes);
        Thread hook = new Thread(running::close, "shutdown-" + service.name());
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            running.awaitTermination();
            return 0;
        } catch (RuntimeException failed) {
            LOG.error("service {} failed: {}", service.name(), failed.getMessage(), failed);
            return 1;
        } finally {
            running.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already running the hook: nothing to remove
            }
        }
    }

    /** Starts the health endpoint and the service; the caller stops both with {@link Running#close()}. */
    public static Running start(ManagedService service, RunnerSettings settings) {
        return start(service, settings, java.util.Map.of());
    }

    /** As {@link #start(ManagedService, RunnerSettings)}, with extra routes (e.g. {@code /metrics}) on the health port. */
    public static Running start(ManagedService service, RunnerSettings settings,
            java.util.Map<String, com.sun.net.httpserver.HttpHandler> extraRoutes) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(settings, "settings");
        HealthServer health = HealthServer.start(settings.healthHost(), settings.healthPort(), service.name(),
                service::health, extraRoutes);
        try {
            service.start();
        } catch (RuntimeException e) {
            health.close();
            throw e;
        }
        LOG.info("service {} started; health on port {}", service.name(), health.port());
        return new Running(service, health, settings);
    }

    /** A started service with its health endpoint. */
    public static final class Running implements AutoCloseable {
        private final ManagedService service;
        private final HealthServer health;
        private final RunnerSettings settings;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Running(ManagedService service, HealthServer health, RunnerSettings settings) {
            this.service = service;
            this.health = health;
            this.settings = settings;
        }

        public int healthPort() {
            return health.port();
        }

        public ManagedService service() {
            return service;
        }

        /**
         * Blocks until the service stops.
         *
         * @throws IllegalStateException when it stopped because it failed (the cause attached)
         */
        public void awaitTermination() {
            try {
                service.termination().get();
            } catch (ExecutionException | CompletionException e) {
                throw new IllegalStateException("service " + service.name() + " stopped with an error: "
                        + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + service.name(), e);
            }
        }

        /** Stops the service (bounded by the shutdown timeout) and then the health endpoint. Idempotent. */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                LOG.info("stopping service {} (timeout {})", service.name(), settings.shutdownTimeout());
                try {
                    service.stop(settings.shutdownTimeout());
                } finally {
                    health.close();
                }
                LOG.info("service {} stopped", service.name());
            }
        }
    }
}
