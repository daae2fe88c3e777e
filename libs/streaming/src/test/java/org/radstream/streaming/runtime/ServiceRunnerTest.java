package org.radstream.streaming.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ServiceRunnerTest {

    /** A service whose health and termination the test drives. */
    static final class FakeService implements ManagedService {
        volatile boolean ready;
        volatile boolean live = true;
        volatile Duration stoppedWith;
        final CompletableFuture<Void> termination = new CompletableFuture<>();

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public void start() {
        }

        @Override
        public Health health() {
            return new Health(live, ready, ready ? "RUNNING" : "STARTING", Map.of("processed", 3));
        }

        @Override
        public void stop(Duration timeout) {
            stoppedWith = timeout;
            termination.complete(null);
        }

        @Override
        public CompletableFuture<Void> termination() {
            return termination;
        }
    }

    private static final RunnerSettings LOCAL = RunnerSettings.DEFAULTS.withHealthHost("127.0.0.1").withHealthPort(0)
            .withShutdownTimeout(Duration.ofSeconds(7));

    @Test
    void healthEndpointsAnswerWithStatusCodeAndJson() throws Exception {
        FakeService svc = new FakeService();
        try (ServiceRunner.Running running = ServiceRunner.start(svc, LOCAL)) {
            HttpResponse<String> live = get(running.healthPort(), "/health/live");
            assertEquals(200, live.statusCode());
            assertEquals("application/json", live.headers().firstValue("Content-Type").orElseThrow());
            JsonNode body = new ObjectMapper().readTree(live.body());
            assertEquals("fake", body.get("service").asText());
            assertEquals("UP", body.get("status").asText());
            assertEquals(3, body.get("details").get("processed").asInt());

            HttpResponse<String> notReady = get(running.healthPort(), "/health/ready");
            assertEquals(503, notReady.statusCode());
            assertEquals("DOWN", new ObjectMapper().readTree(notReady.body()).get("status").asText());
            svc.ready = true;
            assertEquals(200, get(running.healthPort(), "/health/ready").statusCode());
            svc.live = false;
            assertEquals(503, get(running.healthPort(), "/health/live").statusCode());
        }
        assertEquals(Duration.ofSeconds(7), svc.stoppedWith, "close() stops the service with the shutdown timeout");
    }

    @Test
    void awaitTerminationReportsAFailedService() {
        FakeService svc = new FakeService();
        try (ServiceRunner.Running running = ServiceRunner.start(svc, LOCAL)) {
            svc.termination.completeExceptionally(new IllegalStateException("stream thread died"));
            var e = assertThrows(IllegalStateException.class, running::awaitTermination);
            assertTrue(e.getMessage().contains("stream thread died"), e.getMessage());
        }
    }

    @Test
    void runReturnsOneWhenTheServiceFails() {
        FakeService svc = new FakeService();
        svc.termination.completeExceptionally(new IllegalStateException("boom"));
        assertEquals(1, ServiceRunner.run(svc, LOCAL));
        FakeService ok = new FakeService();
        ok.termination.complete(null);
        assertEquals(0, ServiceRunner.run(ok, LOCAL));
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
