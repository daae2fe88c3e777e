package org.radstream.streaming.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.ReasonCode;

class StageMetricsTest {

    @Test
    void endpointAnswersPrometheusTextWithStageDlqAndJvmSeries() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PrometheusTextParser.available(), "python3 prometheus_client not installed");
        DeadLetterCounts dlq = new DeadLetterCounts();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        try (StageMetrics m = new StageMetrics("ingestion", dlq)) {
            server.createContext(MetricsHttpHandler.PATH, new MetricsHttpHandler(m));
            server.start();
            m.recordsIn(3);
            m.recordsOut(2);
            m.recordProcessing(Duration.ofMillis(40));
            m.recordProcessing(Duration.ofSeconds(2));
            dlq.increment("ingestion", ReasonCode.CORRUPT_DICOM);
            m.modelVersion("nomogram", 2);
            m.modelVersion("nomogram", 3);

            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals(MetricsHttpHandler.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElse(""));

            List<String> parsed = PrometheusTextParser.parse(r.body());
            assertTrue(parsed.contains("# family radstream_stage_records_in counter"), () -> String.join("\n", parsed));
            assertTrue(parsed.contains("radstream_stage_records_in_total{stage=ingestion} 3.0"));
            assertTrue(parsed.contains("radstream_stage_records_out_total{stage=ingestion} 2.0"));
            assertTrue(parsed.contains("# family radstream_stage_processing_seconds histogram"));
            assertTrue(parsed.contains("radstream_stage_processing_seconds_count{stage=ingestion} 2.0"));
            assertTrue(parsed.stream().anyMatch(l -> l.startsWith("radstream_stage_processing_seconds_sum{stage=ingestion} 2.04")));
            // cumulative buckets: 40 ms is above 0.025 s and within 0.05 s; 2 s within 2.5 s; both within +Inf
            assertTrue(parsed.contains("radstream_stage_processing_seconds_bucket{le=0.025,stage=ingestion} 0.0"), () -> String.join("\n", parsed));
            assertTrue(parsed.contains("radstream_stage_processing_seconds_bucket{le=0.05,stage=ingestion} 1.0"));
            assertTrue(parsed.contains("radstream_stage_processing_seconds_bucket{le=1.0,stage=ingestion} 1.0"));
            assertTrue(parsed.contains("radstream_stage_processing_seconds_bucket{le=2.5,stage=ingestion} 2.0"));
            assertTrue(parsed.contains("radstream_stage_processing_seconds_bucket{le=+Inf,stage=ingestion} 2.0"));
            assertEquals(StageMetrics.BUCKETS.size() + 1,
                    parsed.stream().filter(l -> l.startsWith("radstream_stage_processing_seconds_bucket{")).count());
            assertTrue(parsed.contains("radstream_dlq_records_total{reason=CORRUPT_DICOM,stage=ingestion} 1.0"));
            assertTrue(parsed.contains("radstream_stage_processing_seconds_max{stage=ingestion} 2.0"), () -> String.join("\n", parsed));
            assertTrue(parsed.stream().anyMatch(l -> l.startsWith("process_uptime_seconds{")));
            assertTrue(parsed.stream().anyMatch(l -> l.startsWith("jvm_classes_loaded_classes{")));
            assertTrue(parsed.contains("# family radstream_model_version gauge"), () -> String.join("\n", parsed));
            assertTrue(parsed.contains("radstream_model_version{model=nomogram,stage=ingestion} 3.0"));
            assertTrue(parsed.stream().anyMatch(l -> l.startsWith("jvm_memory_used_bytes{")));
            assertTrue(parsed.stream().anyMatch(l -> l.startsWith("jvm_gc_")), "GC binder");
            assertTrue(parsed.stream().anyMatch(l -> l.startsWith("jvm_threads_live_threads{")));

            // the counter follows later dead letters, and a new reason appears as a new series
            dlq.increment("ingestion", ReasonCode.CORRUPT_DICOM);
            dlq.increment("ingestion", ReasonCode.ALB_OUT_OF_RANGE);
            List<String> again = PrometheusTextParser.parse(m.scrape());
            assertTrue(again.contains("radstream_dlq_records_total{reason=CORRUPT_DICOM,stage=ingestion} 2.0"));
            assertTrue(again.contains("radstream_dlq_records_total{reason=ALB_OUT_OF_RANGE,stage=ingestion} 1.0"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void postIsRefused() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        try (StageMetrics m = new StageMetrics("x", new DeadLetterCounts())) {
            server.createContext(MetricsHttpHandler.PATH, new MetricsHttpHandler(m));
            server.start();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, r.statusCode());
        } finally {
            server.stop(0);
        }
    }
}
