package org.radstream.streaming.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Liveness and readiness over HTTP (JDK {@code com.sun.net.httpserver}), for Kubernetes probes:
 * {@code GET /health/live} and {@code GET /health/ready} answer 200 when true, 503 when false, with a JSON
 * body {@code {"service":…,"status":"UP"|"DOWN","state":…,"details":{…}}}.
 */
public final class HealthServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param host   bind address ({@code 0.0.0.0} in a container, {@code 127.0.0.1} in tests)
     * @param port   TCP port; 0 = any free port (see {@link #port()})
     * @param name   service name for the body
     * @param health where the answers come from
     */
    public static HealthServer start(String host, int port, String name, Supplier<Health> health) {
        return start(host, port, name, health, Map.of());
    }

    /**
     * As {@link #start(String, int, String, Supplier)}, with more routes on the same port (e.g. {@code /metrics}
     * for Prometheus), so probes and scraping share one port.
     *
     * @param extraRoutes path → handler; handlers run on the server's single thread and must be quick
     */
    public static HealthServer start(String host, int port, String name, Supplier<Health> health,
            Map<String, com.sun.net.httpserver.HttpHandler> extraRoutes) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 16);
            ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "health-" + name);
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(ex);
            s.createContext("/health/live", x -> answer(x, name, health.get(), true));
            s.createContext("/health/ready", x -> answer(x, name, health.get(), false));
            extraRoutes.forEach(s::createContext);
            s.start();
            return new HealthServer(s, ex);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the health endpoint on " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange x, String name, Health h, boolean liveness) throws IOException {
        try (x) {
            if (!"GET".equals(x.getRequestMethod()) && !"HEAD".equals(x.getRequestMethod())) {
                x.sendResponseHeaders(405, -1);
                return;
            }
            boolean up = liveness ? h.live() : h.ready();
            byte[] body = body(name, h, up);
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(up ? 200 : 503, "HEAD".equals(x.getRequestMethod()) ? -1 : body.length);
            if (!"HEAD".equals(x.getRequestMethod())) {
                try (OutputStream out = x.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    static byte[] body(String name, Health h, boolean up) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", name);
        m.put("status", up ? "UP" : "DOWN");
        m.put("state", h.state());
        m.put("details", h.details());
        try {
            return JSON.writeValueAsString(m).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            return ("{\"service\":\"" + name + "\",\"status\":\"" + (up ? "UP" : "DOWN") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
