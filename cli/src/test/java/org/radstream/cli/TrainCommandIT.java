package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.CaseFeatures;
import org.radstream.events.ChildPugh;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.FeatureValues;
import org.radstream.events.ModelPublished;
import org.radstream.events.Outcome;
import org.radstream.events.Sex;
import org.radstream.modeling.study.ClinicalTable;
import org.radstream.modeling.study.FeatureTable;
import org.radstream.modeling.study.OutcomeTable;
import org.radstream.modeling.study.Sequence;
import org.radstream.modeling.study.SyntheticStudy;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.embedded.EmbeddedPlatform;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ClientProperties;
import org.radstream.streaming.serde.ConfluentAvroDeserializer;
import org.radstream.streaming.serde.ConfluentAvroSerializer;
import org.radstream.streaming.serde.RecordPart;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.topics.Topics;

/**
 * {@code radstream train} against the embedded platform: with no labelled case it exits 1 saying why; with the
 * synthetic study's 90 labelled cases on the topics it publishes v1 and prints the AUCs; asked for more cases than
 * there are it exits 1; run again it publishes v2 (on demand, no fingerprint check).
 */
class TrainCommandIT {

    @Test
    void trainsOnDemandPrintsVersionAndAucsAndFailsClearly(@TempDir Path dir) throws Exception {
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(dir.resolve("platform"))) {
            String[] conn = {"--bootstrap", platform.bootstrapServers(), "--registry", platform.registryUrl(),
                    "--blob-dir", dir.resolve("blobs").toString()};
            CliRun empty = CliRun.of(args("train", conn));
            assertEquals(1, empty.exitCode(), empty.out() + empty.err());
            assertTrue(empty.err().contains("cannot train: 0 usable labelled cases"), empty.err());

            RadstreamConfig config = RadstreamConfig.local(platform.bootstrapServers(), platform.registryUrl());
            SchemaRegistryClient registry = new SchemaRegistryClient(RegistrySettings.of(platform.registryUrl()));
            produceSyntheticStudy(config, registry, dir.resolve("study"));

            CliRun run = CliRun.of(args("train", conn));
            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("published model nomogram v1: 63 training + 27 validation cases"), run.out());
            for (String m : List.of("T1WI", "T2WI", "AP", "PVP", "DP", "CE-MRI", "mpMRI", "clinical", "nomogram")) {
                assertTrue(run.out().lines().anyMatch(l -> l.startsWith(m + " ") && l.matches(".* 0\\.\\d{3} \\(0\\.\\d{3}-[01]\\.\\d{3}\\) *$")),
                        m + " AUCs in\n" + run.out());
            }
            assertTrue(Files.isRegularFile(dir.resolve("blobs/models/nomogram/v1/analysis.json")));

            CliRun tooFew = CliRun.of(args("train", conn, "--min-labelled-cases", "91"));
            assertEquals(1, tooFew.exitCode());
            assertTrue(tooFew.err().contains("cannot train: 90 usable labelled cases, fewer than the 91 asked for"), tooFew.err());

            CliRun again = CliRun.of(args("train", conn, "--seed", "8"));
            assertEquals(0, again.exitCode(), again.out() + again.err());
            assertTrue(again.out().contains("published model nomogram v2"), again.out());

            List<ModelPublished> models = read(config, registry);
            assertEquals(List.of(1, 2), models.stream().map(ModelPublished::getVersion).toList());
            assertEquals(models.get(0).getTrainingDataFingerprint(), models.get(1).getTrainingDataFingerprint(), "same data");
        }
    }

    static String[] args(String cmd, String[] conn, String... more) {
        List<String> a = new ArrayList<>(List.of(cmd));
        a.addAll(List.of(conn));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** The modeling library's synthetic study as CaseFeatures + ClinicalRecord + Outcome events. */
    static void produceSyntheticStudy(RadstreamConfig config, SchemaRegistryClient registry, Path dir) throws Exception {
        SyntheticStudy.Files4 f = SyntheticStudy.write(dir, 11);
        FeatureTable features = FeatureTable.read(f.featuresA());
        ClinicalTable clinical = ClinicalTable.read(f.clinical());
        OutcomeTable outcomes = OutcomeTable.read(f.outcomes());
        try (KafkaProducer<String, SpecificRecord> p = new KafkaProducer<>(ClientProperties.producer(config, "it"),
                new StringSerializer(), new ConfluentAvroSerializer<>(registry, RecordPart.VALUE, SchemaRegistration.AUTO_REGISTER))) {
            for (String id : outcomes.earlyRecurrence().keySet()) {
                List<FeatureValues> seqs = new ArrayList<>();
                for (Sequence s : Sequence.values()) {
                    FeatureTable.SequenceFeatures sf = features.sequences().get(s);
                    List<Double> v = new ArrayList<>();
                    for (double d : sf.cases().get(id)) {
                        v.add(d);
                    }
                    seqs.add(new FeatureValues(org.radstream.events.Sequence.valueOf(s.name()), sf.names(), v, "settings-1"));
                }
                p.send(new ProducerRecord<>(Topics.FEATURES_CASE.name(), id, CaseFeatures.newBuilder().setCaseId(id).setSequences(seqs)
                        .setStableSetVersions(Map.of()).setAssembledAt(Instant.EPOCH).build()));
                Map<String, Double> c = clinical.cases().get(id);
                p.send(new ProducerRecord<>(Topics.CLINICAL.name(), id, ClinicalRecord.newBuilder().setCaseId(id)
                        .setAgeYears(c.get("age")).setAlbGPerL(c.get("alb")).setAfpNgPerMl(c.get("afp")).setAltUPerL(c.get("alt"))
                        .setAstUPerL(c.get("ast")).setTbilUmolPerL(c.get("tbil")).setTumorSizeMm(c.get("tumor_size_cm") * 10)
                        .setSex(c.get("sex_male") == 1 ? Sex.MALE : Sex.FEMALE).setHbsagPositive(c.get("hbsag_positive") == 1)
                        .setChildPugh(c.get("child_pugh_b") == 1 ? ChildPugh.B : ChildPugh.A).setCirrhosis(c.get("cirrhosis") == 1)
                        .setTumorNumber(c.get("tumor_multiple") == 1 ? 2 : 1).setTumorLocation(clinical.location().get(id))
                        .setRecordedAt(Instant.EPOCH).build()));
                p.send(new ProducerRecord<>(Topics.OUTCOMES.name(), id, Outcome.newBuilder().setCaseId(id)
                        .setEarlyRecurrence(outcomes.earlyRecurrence().get(id) == 1).setFollowupMonths(outcomes.followupMonths().get(id))
                        .setRecordedAt(Instant.EPOCH).build()));
            }
            p.flush();
        }
    }

    static List<ModelPublished> read(RadstreamConfig config, SchemaRegistryClient registry) {
        Properties p = ClientProperties.consumer(config, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ModelPublished> out = new ArrayList<>();
        try (KafkaConsumer<String, ModelPublished> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ConfluentAvroDeserializer<>(registry, ModelPublished.class, RecordPart.VALUE))) {
            c.subscribe(List.of(Topics.MODELS.name()));
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < end && out.size() < 2) {
                for (ConsumerRecord<String, ModelPublished> r : c.poll(Duration.ofMillis(500))) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }
}
