package org.radstream.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.radstream.streaming.dlq.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small REST endpoint (JDK {@code HttpServer}) for systems that push clinical data and follow-up outcomes:
 * <pre>
 *   POST /clinical   body: one JSON object, or an array of them, with the fields of clinical.csv
 *   POST /outcomes   body: the same with the fields of outcomes.csv
 * </pre>
 * Field values may be JSON strings, numbers or booleans. Every item is emitted or dead-lettered like a CSV row.
 * The answer is {@code {"accepted":N,"rejected":[{"index":i,"reason":...,"message":...}]}}: 200 when all were
 * accepted, 422 when any was rejected (the others are emitted all the same), 400 when the body is not JSON
 * objects (also dead-lettered), 405/404 otherwise. Request bodies above 1 MiB are refused (413).
 */
public final class RecordsEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordsEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;

    public RecordsEndpoint(String host, int port, Ingestion ingestion) {
        Objects.requireNonNull(ingestion, "ingestion");
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 32);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the records endpoint on " + host + ":" + port, e);
        }
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "records-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/clinical", x -> handle(x, "clinical", ingestion::clinical, ingestion));
        server.createContext("/outcomes", x -> handle(x, "outcomes", ingestion::outcome, ingestion));
        server.start();
        LOG.info("records endpoint on {}:{} (POST /clinical, POST /outcomes)", host, port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange x, String kind,
            BiFunction<Map<String, String>, String, RecordResult<?>> convert, Ingestion ingestion) throws IOException {
        try (x) {
            if (!x.getRequestURI().getPath().equals("/" + kind)) {
                send(x, 404, Map.of("error", "no such resource"));
                return;
            }
            if (!"POST".equals(x.getRequestMethod())) {
                x.getResponseHeaders().set("Allow", "POST");
                send(x, 405, Map.of("error", "use POST with a JSON body"));
                return;
            }
            byte[] body;
            try (InputStream in = x.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                send(x, 413, Map.of("error", "body larger than " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            List<Map<String, String>> items;
            try {
                items = items(JSON.readTree(body));
            } catch (IOException | IllegalArgumentException e) {
                String msg = "POST /" + kind + ": body is not a JSON object or array of objects with scalar fields";
                ingestion.reject(null, ReasonCode.INVALID_FIELD, msg, "urn:radstream:rest:/" + kind);
                send(x, 400, Map.of("error", msg));
                return;
            }
            int accepted = 0;
            List<Map<String, Object>> rejected = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                RecordResult<?> r = convert.apply(items.get(i), "urn:radstream:rest:/" + kind + "#item=" + i);
                if (r instanceof RecordResult.Rejected<?> rej) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("index", i);
                    m.put("caseId", rej.caseId());
                    m.put("reason", rej.reason().name());
                    m.put("message", rej.message());
                    rejected.add(m);
                } else {
                    accepted++;
                }
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("accepted", accepted);
            answer.put("rejected", rejected);
            send(x, rejected.isEmpty() ? 200 : 422, answer);
        } catch (RuntimeException e) {
            // the sink failed (cluster unreachable): the client must retry
            LOG.error("records endpoint: {}", e.toString());
            send(x, 503, Map.of("error", "cannot deliver records now; retry later"));
        }
    }

    static List<Map<String, String>> items(JsonNode root) {
        List<JsonNode> nodes = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(nodes::add);
        } else if (root != null) {
            nodes.add(root);
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no items");
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode n : nodes) {
            if (!n.isObject()) {
                throw new IllegalArgumentException("item is not an object");
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (var e : n.properties()) {
                JsonNode v = e.getValue();
                if (v.isContainerNode()) {
                    throw new IllegalArgumentException("field " + e.getKey() + " is not a scalar");
                }
                m.put(e.getKey(), v.isNull() ? "" : v.isBoolean() ? (v.booleanValue() ? "1" : "0") : v.asText());
            }
            out.add(m);
        }
        return out;
    }

    private static void send(HttpExchange x, int status, Object body) throws IOException {
        byte[] b = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
