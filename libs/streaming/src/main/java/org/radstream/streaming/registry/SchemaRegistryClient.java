package org.radstream.streaming.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small client for the Confluent Schema Registry REST API (API v1, content type
 * {@value #CONTENT_TYPE}), using only calls that Confluent, Apicurio's {@code /apis/ccompat/v7}, Karapace and
 * Redpanda all document:
 * <pre>
 * POST /subjects/{subject}/versions                        register        -&gt; {"id": n}
 * POST /subjects/{subject}                                 lookup          -&gt; {"subject","id","version","schema"}
 * GET  /schemas/ids/{id}                                   schema by id    -&gt; {"schema", "schemaType"?}
 * GET  /subjects/{subject}/versions/latest                 latest version
 * POST /compatibility/subjects/{subject}/versions/latest   compatibility   -&gt; {"is_compatible", "messages"?}
 * GET  /config/{subject}?defaultToGlobal=true              level           -&gt; {"compatibilityLevel"}
 * PUT  /config/{subject}                                   set level       -&gt; {"compatibility"}
 * GET  /subjects                                           subjects        -&gt; ["…"]
 * </pre>
 * Errors are answered as {@code {"error_code": n, "message": "…"}} and mapped to the subclasses of
 * {@link RegistryException}. Schemas are sent without {@code schemaType}, which means Avro.
 *
 * <p>Caching: schemas by id forever (ids are immutable); ids of registered or looked-up (subject, schema text)
 * pairs for the life of the client (a registry returns the same id for the same schema under the same
 * subject). Latest version, compatibility and subjects are never cached. Thread-safe.
 */
public final class SchemaRegistryClient {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryClient.class);


    /** Request content type of the Confluent API v1. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int BODY_EXCERPT = 300;

    private final RegistrySettings settings;
    private final HttpClient http;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentMap<Integer, RegisteredSchema> schemasById = new ConcurrentHashMap<>();
    private final ConcurrentMap<SubjectSchema, Integer> registeredIds = new ConcurrentHashMap<>();
    private final ConcurrentMap<SubjectSchema, SchemaVersion> lookups = new ConcurrentHashMap<>();
    private final ConcurrentMap<SubjectSchema, CompletableFuture<Integer>> registrations = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    private record SubjectSchema(String subject, String schema) {
    }

    /** What a call is, for messages and for mapping error codes to exceptions. */
    private enum Operation { REGISTER, LOOKUP, SCHEMA_BY_ID, LATEST_VERSION, COMPATIBILITY_TEST, GET_CONFIG,
        SET_CONFIG, SUBJECTS }

    private record Call(Operation op, String method, String path, String body, String subject, Integer id) {
    }

    public SchemaRegistryClient(RegistrySettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout());
        settings.tls().ifPresent(t -> builder.sslContext(t.sslContext()));
        this.http = builder.build();
        this.authorization = settings.basicAuthUserInfo()
                .map(u -> "Basic " + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
    }

    public RegistrySettings settings() {
        return settings;
    }

    /** HTTP requests sent so far, retries included (for metrics, and to check that caches work). */
    public long requestCount() {
        return requests.get();
    }

    /**
     * Registers {@code schema} (Avro schema text) under {@code subject}, or finds it if already registered.
     * Concurrent calls for the same subject and schema share one request.
     *
     * @return the global schema id
     * @throws IncompatibleSchemaException if the subject's compatibility level rejects it
     * @throws InvalidSchemaException      if the registry cannot parse it
     */
    public int register(String subject, String schema) {
        SubjectSchema key = new SubjectSchema(requireSubject(subject), schema);
        Integer cached = registeredIds.get(key);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<Integer> mine = new CompletableFuture<>();
        CompletableFuture<Integer> running = registrations.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            int id = registerRemotely(subject, schema);
            registeredIds.put(key, id);
            mine.complete(id);
            return id;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            registrations.remove(key, mine);
        }
    }

    /**
     * POST /subjects/{subject}/versions. Apicurio also answers 409 ("artifact already exists") when another
     * client created the subject at the same moment; the same request then succeeds a moment later, so a 409 is
     * asked again twice (after the retry policy's first two pauses) before it counts as incompatible.
     */
    private int registerRemotely(String subject, String schema) {
        String path = "/subjects/" + encode(subject) + "/versions";
        for (int attempt = 1; ; attempt++) {
            try {
                JsonNode answer = send(new Call(Operation.REGISTER, "POST", path, schemaBody(schema), subject, null));
                return requiredInt(answer, "id", "POST " + path);
            } catch (IncompatibleSchemaException conflict) {
                if (attempt >= 3) {
                    throw conflict;
                }
                pause(settings.retry().backoffAfter(attempt), "POST " + settings.url() + path);
            }
        }
    }

    private static void pause(Duration d, String where) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnreachableException(where, 0, "interrupted while waiting to retry " + where, e);
        }
    }

    /**
     * Finds the version of {@code subject} that holds {@code schema}, without registering. Tries the exact text
     * first, then asks the registry to normalise both sides ({@code ?normalize=true}), because Apicurio compares
     * texts while Confluent compares parsed schemas.
     *
     * @throws SchemaNotRegisteredException if the subject has no such version (or does not exist)
     */
    public SchemaVersion lookup(String subject, String schema) {
        SubjectSchema key = new SubjectSchema(requireSubject(subject), schema);
        SchemaVersion cached = lookups.get(key);
        if (cached != null) {
            return cached;
        }
        String path = "/subjects/" + encode(subject);
        JsonNode answer;
        try {
            answer = send(new Call(Operation.LOOKUP, "POST", path, schemaBody(schema), subject, null));
        } catch (SchemaNotRegisteredException exactTextNotFound) {
            answer = send(new Call(Operation.LOOKUP, "POST", path + "?normalize=true", schemaBody(schema), subject,
                    null));
        }
        SchemaVersion version = schemaVersion(answer, subject, "POST " + path);
        lookups.put(key, version);
        registeredIds.putIfAbsent(key, version.id());
        return version;
    }

    /**
     * The schema with global id {@code id}, cached forever.
     *
     * @throws UnknownSchemaIdException if no schema has this id
     */
    public RegisteredSchema schemaById(int id) {
        RegisteredSchema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send(new Call(Operation.SCHEMA_BY_ID, "GET", "/schemas/ids/" + id, null, null, id));
        RegisteredSchema schema = new RegisteredSchema(id, schemaType(answer),
                requiredText(answer, "schema", "GET /schemas/ids/" + id));
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    /**
     * The latest version of {@code subject} (not cached).
     *
     * @throws UnknownSubjectException if the subject does not exist or has no versions
     */
    public SchemaVersion latestVersion(String subject) {
        String path = "/subjects/" + encode(requireSubject(subject)) + "/versions/latest";
        return schemaVersion(send(new Call(Operation.LATEST_VERSION, "GET", path, null, subject, null)),
                subject, "GET " + path);
    }

    /**
     * Whether {@code schema} could be registered under {@code subject} given its compatibility level, checked
     * against the latest version; nothing is registered.
     *
     * @throws UnknownSubjectException if the subject has no version to compare with
     */
    public CompatibilityCheck testCompatibility(String subject, String schema) {
        String path = "/compatibility/subjects/" + encode(requireSubject(subject)) + "/versions/latest?verbose=true";
        JsonNode answer = send(new Call(Operation.COMPATIBILITY_TEST, "POST", path, schemaBody(schema), subject, null));
        JsonNode flag = answer.get("is_compatible");
        if (flag == null || !flag.isBoolean()) {
            throw unexpectedBody("POST " + path, answer, "no boolean is_compatible");
        }
        List<String> messages = new ArrayList<>();
        JsonNode list = answer.get("messages");
        if (list != null && list.isArray()) {
            list.forEach(m -> messages.add(m.asText()));
        }
        JsonNode reason = answer.get("reason");
        if (reason != null && reason.isTextual()) {
            messages.add(reason.asText());
        }
        return new CompatibilityCheck(flag.asBoolean(), messages);
    }

    /**
     * The compatibility level that applies to {@code subject} (its own, else the registry's global one).
     *
     * @throws UnknownSubjectException where the registry does not know the subject (Apicurio)
     */
    public CompatibilityLevel compatibility(String subject) {
        String path = "/config/" + encode(requireSubject(subject)) + "?defaultToGlobal=true";
        JsonNode answer = send(new Call(Operation.GET_CONFIG, "GET", path, null, subject, null));
        return level(answer, "GET " + path);
    }

    /** Sets the compatibility level of {@code subject} (also before its first version is registered). */
    public CompatibilityLevel setCompatibility(String subject, CompatibilityLevel level) {
        String path = "/config/" + encode(requireSubject(subject));
        ObjectNode body = json.createObjectNode().put("compatibility", level.name());
        JsonNode answer = send(new Call(Operation.SET_CONFIG, "PUT", path, body.toString(), subject, null));
        return level(answer, "PUT " + path);
    }

    /** All subject names. */
    public List<String> subjects() {
        JsonNode answer = send(new Call(Operation.SUBJECTS, "GET", "/subjects", null, null, null));
        if (!answer.isArray()) {
            throw unexpectedBody("GET /subjects", answer, "not a JSON array");
        }
        List<String> names = new ArrayList<>();
        answer.forEach(n -> names.add(n.asText()));
        return List.copyOf(names);
    }

    // --- HTTP with retries -------------------------------------------------------------------------------

    private JsonNode send(Call call) {
        URI uri = URI.create(settings.url() + call.path());
        String where = call.method() + " " + uri;
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT);
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        HttpRequest request = call.body() == null ? rb.method(call.method(), HttpRequest.BodyPublishers.noBody()).build()
                : rb.header("Content-Type", CONTENT_TYPE)
                        .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8))
                        .build();
        RetryPolicy retry = settings.retry();
        long start = System.nanoTime();
        long deadline = start + retry.maxTotalWait().toNanos();
        String lastFailure;
        Throwable lastCause = null;
        int attempt = 0;
        while (true) {
            attempt++;
            requests.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return parse(where, status, response.body());
                }
                if (!retryable(status)) {
                    throw failure(call, where, status, response.body());
                }
                lastFailure = "HTTP " + status + " " + excerpt(response.body());
                lastCause = null;
            } catch (SSLException e) {
                throw new RegistryUnreachableException(where, attempt, "TLS connection to the schema registry failed ("
                        + where + "): " + e.getMessage() + "; check schema.registry.ssl.truststore/keystore settings", e);
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                lastCause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnreachableException(where, attempt, "interrupted while calling the schema registry ("
                        + where + ")", e);
            }
            Duration pause = retry.backoffAfter(attempt);
            if (attempt >= retry.maxAttempts() || System.nanoTime() + pause.toNanos() > deadline) {
                double seconds = (System.nanoTime() - start) / 1e9;
                throw new RegistryUnreachableException(where, attempt, String.format(Locale.ROOT,
                        "schema registry at %s unreachable: %s failed %d time(s) over %.1f s (retry budget %d attempts, "
                                + "%d ms); last error: %s", settings.url(), where, attempt, seconds, retry.maxAttempts(),
                        retry.maxTotalWait().toMillis(), lastFailure), lastCause);
            }
            if (attempt == 1 || Integer.bitCount(attempt) == 1) {
                // the first failure and then at attempts 2, 4, 8, ...: an operator sees an outage without a flood
                LOG.warn("schema registry at {} not answering ({}): attempt {} failed ({}); retrying for up to {} s more",
                        settings.url(), where, attempt, lastFailure, (deadline - System.nanoTime()) / 1_000_000_000L);
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnreachableException(where, attempt, "interrupted while waiting to retry " + where, e);
            }
        }
    }

    /** Connection problems, server errors, request timeout and rate limiting may pass; other 4xx do not. */
    static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private RegistryException failure(Call call, String where, int status, String body) {
        JsonNode error = tryParse(body);
        int code = error != null && error.path("error_code").canConvertToInt() ? error.path("error_code").asInt() : -1;
        String message = error != null && error.path("message").isTextual() ? error.path("message").asText() : excerpt(body);
        String answer = "HTTP " + status + (code >= 0 ? ", error_code " + code : "") + ": " + message;
        String subject = call.subject() == null ? "" : " subject '" + call.subject() + "'";
        if (status == 401 || status == 403) {
            return new RegistryUnauthorizedException(where, status, "schema registry refused " + where + " (" + answer
                    + "); check basic.auth.user.info / credentials");
        }
        if (status == 409) {
            return new IncompatibleSchemaException(where, call.subject(), "schema is incompatible with" + subject
                    + " under its compatibility level (" + where + ", " + answer + ")");
        }
        if (status == 422 && (code == 42201 || code == 422 || code < 0)) {
            return new InvalidSchemaException(where, call.subject(), "schema registry rejected the schema for" + subject
                    + " as invalid (" + where + ", " + answer + ")");
        }
        if (status == 404) {
            boolean registryCode = code == 40401 || code == 40402 || code == 40403;
            if (!registryCode) {
                return new WrongRegistryUrlException(where, "HTTP 404 without a schema-registry error code from " + where
                        + " (" + answer + "): is " + settings.url() + " the base URL of a Confluent-compatible registry "
                        + "API? (Apicurio: http://host:port/apis/ccompat/v7)");
            }
            switch (call.op()) {
                case SCHEMA_BY_ID:
                    return new UnknownSchemaIdException(where, call.id(), "schema id " + call.id()
                            + " is unknown to the schema registry at " + settings.url() + " (" + answer + ")");
                case LOOKUP:
                    return new SchemaNotRegisteredException(where, call.subject(), "schema is not registered under"
                            + subject + " at " + settings.url() + " (" + where + ", " + answer + ")", null);
                default:
                    return new UnknownSubjectException(where, call.subject(), "unknown" + subject + " (or it has no "
                            + "versions) at " + settings.url() + " (" + where + ", " + answer + ")");
            }
        }
        return new UnexpectedRegistryResponseException(where, status, "unexpected answer from the schema registry to "
                + where + (subject.isEmpty() ? "" : " for" + subject) + ": " + answer, null);
    }

    // --- JSON ----------------------------------------------------------------------------------------------

    private String schemaBody(String schema) {
        if (schema == null || schema.isBlank()) {
            throw new IllegalArgumentException("schema text is required");
        }
        return json.createObjectNode().put("schema", schema).toString();
    }

    private JsonNode parse(String where, int status, String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnexpectedRegistryResponseException(where, status, "schema registry answered " + where
                    + " with HTTP " + status + " but a body that is not JSON: " + excerpt(body), e);
        }
    }

    private JsonNode tryParse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private SchemaVersion schemaVersion(JsonNode n, String subject, String where) {
        return new SchemaVersion(n.hasNonNull("subject") ? n.get("subject").asText() : subject,
                requiredInt(n, "version", where), requiredInt(n, "id", where), schemaType(n),
                requiredText(n, "schema", where));
    }

    private CompatibilityLevel level(JsonNode n, String where) {
        JsonNode v = n.hasNonNull("compatibilityLevel") ? n.get("compatibilityLevel") : n.get("compatibility");
        if (v == null || !v.isTextual()) {
            throw unexpectedBody(where, n, "no compatibilityLevel");
        }
        try {
            return CompatibilityLevel.valueOf(v.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw unexpectedBody(where, n, "unknown compatibility level '" + v.asText() + "'");
        }
    }

    private static String schemaType(JsonNode n) {
        return n.hasNonNull("schemaType") ? n.get("schemaType").asText() : "AVRO";
    }

    private int requiredInt(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw unexpectedBody(where, n, "no integer '" + field + "'");
        }
        return v.asInt();
    }

    private String requiredText(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw unexpectedBody(where, n, "no text '" + field + "'");
        }
        return v.asText();
    }

    private UnexpectedRegistryResponseException unexpectedBody(String where, JsonNode body, String what) {
        return new UnexpectedRegistryResponseException(where.replaceFirst(" ", " " + java.util.regex.Matcher.quoteReplacement(settings.url().toString())), 200,
                "schema registry answered "
                + where + " at " + settings.url() + " with " + what + ": " + excerpt(body.toString()), null);
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= BODY_EXCERPT ? oneLine : oneLine.substring(0, BODY_EXCERPT) + "…";
    }

    private static String requireSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject is required");
        }
        return subject;
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
