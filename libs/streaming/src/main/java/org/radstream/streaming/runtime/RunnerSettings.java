package org.radstream.streaming.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ServiceRunner} runs a service.
 *
 * @param healthHost      bind address of the health endpoint (default {@code 0.0.0.0}, for probes from outside
 *                        the container)
 * @param healthPort      its port (default 8080; 0 = any free port)
 * @param shutdownTimeout how long work in progress may take to finish on SIGTERM (default 20 s: below the
 *                        30 s Kubernetes waits before SIGKILL, so the stop finishes in time)
 */
public record RunnerSettings(String healthHost, int healthPort, Duration shutdownTimeout) {

    public static final RunnerSettings DEFAULTS = new RunnerSettings("0.0.0.0", 8080, Duration.ofSeconds(20));

    public RunnerSettings {
        Objects.requireNonNull(healthHost, "healthHost");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (healthPort < 0 || healthPort > 65535) {
            throw new IllegalArgumentException("healthPort must be 0..65535, got " + healthPort);
        }
        if (shutdownTimeout.isNegative() || shutdownTimeout.isZero()) {
            throw new IllegalArgumentException("shutdownTimeout must be positive, got " + shutdownTimeout);
        }
    }

    public RunnerSettings withHealthPort(int port) {
        return new RunnerSettings(healthHost, port, shutdownTimeout);
    }

    public RunnerSettings withHealthHost(String host) {
        return new RunnerSettings(host, healthPort, shutdownTimeout);
    }

    public RunnerSettings withShutdownTimeout(Duration timeout) {
        return new RunnerSettings(healthHost, healthPort, timeout);
    }
}
