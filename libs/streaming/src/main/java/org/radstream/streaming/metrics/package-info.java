/**
 * Prometheus metrics of a stage process (Micrometer): {@link org.radstream.streaming.metrics.StageMetrics} holds
 * the registry with the stage series ({@code radstream_stage_records_in_total}, {@code _records_out_total},
 * {@code radstream_stage_processing_seconds} histogram, {@code radstream_dlq_records_total{stage,reason}}), Kafka
 * client and Streams metrics and JVM metrics; {@link org.radstream.streaming.metrics.ConsumerGroupLagMetrics}
 * adds the group's committed lag per partition; {@link org.radstream.streaming.metrics.MetricsHttpHandler} serves
 * {@code GET /metrics} (text format 0.0.4) on the health port via
 * {@code ServiceRunner.run(service, settings, Map.of("/metrics", handler))}.
 */
package org.radstream.streaming.metrics;
