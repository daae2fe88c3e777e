package org.radstream.streaming.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The client's HTTP behaviour (retries, error mapping, headers, basic auth, TLS) against a loopback JDK HTTP
 * server that answers with the documented Confluent / Apicurio response shapes; the real-registry behaviour is
 * in {@code ConfluentAvroSerdeIT}.
 */
class SchemaRegistryClientHttpIT {

    /** A scripted answer: status and JSON body. */
    record Answer(int status, String body) {
    }

    /** What the server saw. */
    record Seen(String method, String path, String contentType, String authorization, String body) {
    }

    private HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(80),
            Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String start(Answer... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    private void answer(HttpExchange ex) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(),
                ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("Authorization"), body));
        Answer a;
        synchronized (script) {
            a = script.size() > 1 ? script.poll() : script.peek();
        }
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        ex.sendResponseHeaders(a.status(), bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private SchemaRegistryClient client(String url) {
        return new SchemaRegistryClient(RegistrySettings.of(url).withRetry(FAST));
    }

    @Test
    void registerPostsTheSchemaWithTheRegistryContentType() throws IOException {
        SchemaRegistryClient c = client(start(new Answer(200, "{\"id\":17}")));
        assertEquals(17, c.register("t-value", "\"string\""));
        Seen s = seen.get(0);
        assertEquals("POST", s.method());
        assertEquals("/api/subjects/t-value/versions", s.path());
        assertEquals(SchemaRegistryClient.CONTENT_TYPE, s.contentType());
        assertEquals("{\"schema\":\"\\\"string\\\"\"}", s.body());
        assertEquals(17, c.register("t-value", "\"string\""));
        assertEquals(1, seen.size(), "second register of the same schema is cached");
    }

    @Test
    void a409FromAConcurrentCreateIsAskedAgain() throws IOException {
        SchemaRegistryClient c = client(start(
                new Answer(409, "{\"error_code\":409,\"message\":\"An artifact with ID 't-value' already exists.\"}"),
                new Answer(200, "{\"id\":8}")));
        assertEquals(8, c.register("t-value", "\"int\""));
        assertEquals(List.of("POST /api/subjects/t-value/versions", "POST /api/subjects/t-value/versions"),
                seen.stream().map(s -> s.method() + " " + s.path()).toList());
    }

    @Test
    void concurrentRegistrationsOfOneSchemaShareOneRequest() throws Exception {
        SchemaRegistryClient c = client(start(new Answer(200, "{\"id\":5}")));
        server.stop(0);
        // a slow registry: every answer takes 300 ms, so the threads overlap
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", ex -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex);
        });
        server.start();
        SchemaRegistryClient slow = client("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(pool.submit(() -> slow.register("t-value", "\"int\"")));
            }
            for (java.util.concurrent.Future<Integer> id : ids) {
                assertEquals(5, id.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, seen.size(), "one HTTP request for six concurrent registrations");
        assertEquals(0, c.requestCount());
    }

    @Test
    void retriesServerErrorsThenSucceeds() throws IOException {
        SchemaRegistryClient c = client(start(new Answer(503, "{}"), new Answer(429, "{}"), new Answer(408, ""),
                new Answer(200, "{\"schema\":\"\\\"long\\\"\"}")));
        assertEquals("\"long\"", c.schemaById(5).schema());
        assertEquals(4, seen.size());
        assertEquals(4, c.requestCount());
        c.schemaById(5);
        assertEquals(4, c.requestCount(), "schemas by id are cached");
    }

    @Test
    void givesUpOnPersistentServerErrorsSayingHowLongItTried() throws IOException {
        String url = start(new Answer(503, "{\"error_code\":50003,\"message\":\"store down\"}"));
        RegistryUnreachableException e = assertThrows(RegistryUnreachableException.class,
                () -> client(url).latestVersion("t-value"));
        assertEquals(4, e.attempts());
        assertEquals(4, seen.size());
        assertTrue(e.getMessage().contains(url) && e.getMessage().contains("4 time(s) over")
                && e.getMessage().contains("HTTP 503"), e.getMessage());
    }

    @Test
    void clientErrorsAreNotRetried() throws IOException {
        String url = start(new Answer(400, "{\"error_code\":400,\"message\":\"bad\"}"));
        UnexpectedRegistryResponseException e = assertThrows(UnexpectedRegistryResponseException.class,
                () -> client(url).subjects());
        assertEquals(400, e.status());
        assertEquals(1, seen.size());
    }

    @Test
    void errorCodesMapToSpecificExceptions() throws IOException {
        String url = start(new Answer(200, "{}"));
        SchemaRegistryClient c = client(url);
        script.clear();
        script.add(new Answer(409, "{\"error_code\":0,\"message\":\"Incompatible artifact\"}")); // Apicurio
        IncompatibleSchemaException apicurio = assertThrows(IncompatibleSchemaException.class,
                () -> c.register("a-value", "\"int\""));
        assertTrue(apicurio.getMessage().contains("a-value") && apicurio.getMessage().contains("Incompatible artifact"));
        script.clear();
        script.add(new Answer(409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}"));
        assertThrows(IncompatibleSchemaException.class, () -> c.register("b-value", "\"int\""));
        script.clear();
        script.add(new Answer(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}"));
        assertThrows(InvalidSchemaException.class, () -> c.register("c-value", "{"));
        script.clear();
        script.add(new Answer(404, "{\"error_code\":40401,\"message\":\"Subject not found\"}"));
        assertEquals("d-value", assertThrows(UnknownSubjectException.class, () -> c.latestVersion("d-value")).subject());
        assertThrows(SchemaNotRegisteredException.class, () -> c.lookup("d-value", "\"int\""));
        script.clear();
        script.add(new Answer(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}"));
        assertEquals(12, assertThrows(UnknownSchemaIdException.class, () -> c.schemaById(12)).schemaId());
        script.clear();
        script.add(new Answer(404, "<html>Not Found</html>"));
        assertThrows(WrongRegistryUrlException.class, () -> c.schemaById(13));
        script.clear();
        script.add(new Answer(403, "{\"error_code\":40301,\"message\":\"forbidden\"}"));
        assertEquals(403, assertThrows(RegistryUnauthorizedException.class, () -> c.subjects()).status());
        script.clear();
        script.add(new Answer(200, "not json"));
        assertThrows(UnexpectedRegistryResponseException.class, () -> c.subjects());
    }

    @Test
    void parsesEveryDocumentedAnswer() throws IOException {
        SchemaRegistryClient c = client(start(new Answer(200, "{}")));
        script.clear();
        script.add(new Answer(200, "{\"subject\":\"s\",\"id\":3,\"version\":2,\"schema\":\"\\\"int\\\"\"}"));
        assertEquals(new SchemaVersion("s", 2, 3, "AVRO", "\"int\""), c.latestVersion("s"));
        script.clear();
        script.add(new Answer(200, "{\"is_compatible\":false,\"messages\":[\"READER_FIELD_MISSING_DEFAULT_VALUE\"]}"));
        assertEquals(new CompatibilityCheck(false, List.of("READER_FIELD_MISSING_DEFAULT_VALUE")),
                c.testCompatibility("s", "\"int\""));
        script.clear();
        script.add(new Answer(200, "{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}"));
        assertEquals(CompatibilityLevel.FULL_TRANSITIVE, c.compatibility("s"));
        script.clear();
        script.add(new Answer(200, "{\"compatibility\":\"BACKWARD\"}"));
        assertEquals(CompatibilityLevel.BACKWARD, c.setCompatibility("s", CompatibilityLevel.BACKWARD));
        script.clear();
        script.add(new Answer(200, "[\"a-value\",\"b-key\"]"));
        assertEquals(List.of("a-value", "b-key"), c.subjects());
        List<String> paths = seen.stream().map(s -> s.method() + " " + s.path()).toList();
        assertEquals(List.of("GET /api/subjects/s/versions/latest",
                "POST /api/compatibility/subjects/s/versions/latest?verbose=true",
                "GET /api/config/s?defaultToGlobal=true", "PUT /api/config/s", "GET /api/subjects"), paths);
        assertEquals("{\"compatibility\":\"BACKWARD\"}", seen.get(3).body());
    }

    @Test
    void sendsBasicAuthFromSettingsOrUrl() throws IOException {
        String url = start(new Answer(200, "[]"));
        new SchemaRegistryClient(RegistrySettings.of(url).withBasicAuth("svc:pa:ss")).subjects();
        assertEquals("Basic " + Base64.getEncoder().encodeToString("svc:pa:ss".getBytes(StandardCharsets.UTF_8)),
                seen.get(0).authorization());
        new SchemaRegistryClient(RegistrySettings.of(url.replace("http://", "http://u:p@"))).subjects();
        assertEquals("Basic dTpw", seen.get(1).authorization());
        new SchemaRegistryClient(RegistrySettings.of(url)).subjects();
        assertEquals(null, seen.get(2).authorization());
    }

    @Test
    void tlsWithTruststoreWorksAndWithoutItFailsClearly(@TempDir Path dir) throws Exception {
        // a self-signed server certificate for 127.0.0.1, made with the JDK's keytool
        Path serverStore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.crt");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", serverStore.toString(), "-storepass", "serverpw", "-keypass", "serverpw");
        keytool("-exportcert", "-alias", "registry", "-keystore", serverStore.toString(), "-storepass", "serverpw",
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "registry", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", "trustpw");

        SSLContext serverContext = SSLContext.getInstance("TLS");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(new TlsSettings.KeyStoreFile(serverStore, "serverpw", "PKCS12").load(), "serverpw".toCharArray());
        serverContext.init(kmf.getKeyManagers(), null, null);
        script.add(new Answer(200, "[\"secure-value\"]"));
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        https.createContext("/", this::answer);
        https.start();
        server = https;
        String url = "https://127.0.0.1:" + https.getAddress().getPort();

        SchemaRegistryClient trusting = new SchemaRegistryClient(RegistrySettings.of(url)
                .withTls(TlsSettings.trusting(trustStore, "trustpw", "PKCS12")).withRetry(FAST));
        assertEquals(List.of("secure-value"), trusting.subjects());

        SchemaRegistryClient jdkDefaults = new SchemaRegistryClient(RegistrySettings.of(url).withRetry(FAST));
        RegistryUnreachableException e = assertThrows(RegistryUnreachableException.class, jdkDefaults::subjects);
        assertEquals(1, e.attempts(), "a TLS failure is not retried");
        assertTrue(e.getMessage().contains("TLS") && e.getMessage().contains(url), e.getMessage());
        assertInstanceOf(javax.net.ssl.SSLException.class, e.getCause());

        IllegalArgumentException wrongPassword = assertThrows(IllegalArgumentException.class,
                () -> new SchemaRegistryClient(RegistrySettings.of(url)
                        .withTls(TlsSettings.trusting(trustStore, "wrong", "PKCS12"))));
        assertTrue(wrongPassword.getMessage().contains(trustStore.toString()), wrongPassword.getMessage());
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool hung");
        assertEquals(0, p.exitValue(), "keytool " + String.join(" ", args) + ":\n" + out);
    }
}
