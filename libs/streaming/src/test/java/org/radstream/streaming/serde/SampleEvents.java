package org.radstream.streaming.serde;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.radstream.events.CaseFeatures;
import org.radstream.events.ChildPugh;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.DeadLetter;
import org.radstream.events.FeatureIcc;
import org.radstream.events.FeatureValues;
import org.radstream.events.FeatureVector;
import org.radstream.events.ModelPublished;
import org.radstream.events.Outcome;
import org.radstream.events.PredictorPoints;
import org.radstream.events.PreprocessedRoi;
import org.radstream.events.Reader;
import org.radstream.events.ReportKind;
import org.radstream.events.ReportReady;
import org.radstream.events.RiskBand;
import org.radstream.events.RiskScore;
import org.radstream.events.RoiFormat;
import org.radstream.events.RoiRef;
import org.radstream.events.Sequence;
import org.radstream.events.SeriesRef;
import org.radstream.events.Sex;
import org.radstream.events.StableFeatureSet;
import org.radstream.events.StudyReceived;

/** One realistic instance of every event type of DESIGN §2 (pseudonymous ids, study-like values). */
final class SampleEvents {
    static final String CASE = "c-7f3a9e2b41d0";
    static final String SETTINGS_HASH = "9b1d0c6e2f4a8b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c";
    static final Instant T0 = Instant.ofEpochMilli(1_785_000_000_000L);

    private SampleEvents() {
    }

    /** All eleven, in pipeline order. */
    static List<SpecificRecord> all() {
        return List.of(studyReceived(), clinicalRecord(), outcome(), preprocessedRoi(), featureVector(),
                stableFeatureSet(), caseFeatures(), modelPublished(), riskScore(), reportReady(), deadLetter());
    }

    static StudyReceived studyReceived() {
        SeriesRef dp = SeriesRef.newBuilder().setSequence(Sequence.DP)
                .setSeriesUri("file:///blobs/" + CASE + "/s-41aa/").setSeriesRef("s-41aa")
                .setSeriesDescription("LAVA DELAY 3min").setInstances(72).setRows(512).setColumns(512)
                .setPixelSpacingMm(List.of(0.78125, 0.78125)).setSliceThicknessMm(2.5)
                .setMagneticFieldStrengthT(3.0).setManufacturer("GE MEDICAL SYSTEMS")
                .setAcquisitionTime(T0.minusSeconds(600)).build();
        SeriesRef t2 = SeriesRef.newBuilder().setSequence(Sequence.T2WI)
                .setSeriesUri("file:///blobs/" + CASE + "/s-0b17/").setSeriesRef("s-0b17")
                .setSeriesDescription(null).setInstances(24).setRows(384).setColumns(384)
                .setPixelSpacingMm(List.of(1.0416, 1.0416)).setSliceThicknessMm(null).setMagneticFieldStrengthT(null)
                .setManufacturer(null).setAcquisitionTime(null).build();
        RoiRef roi = RoiRef.newBuilder().setReader(Reader.A).setDrawnOn(Sequence.DP).setFormat(RoiFormat.NIFTI)
                .setUri("file:///blobs/" + CASE + "/roi-A-DP.nii.gz").setLabel(1).build();
        return StudyReceived.newBuilder().setCaseId(CASE).setStudyRef("st-92c4e0").setSource("folder")
                .setReceivedAt(T0).setSeries(List.of(dp, t2)).setRois(List.of(roi)).build();
    }

    static ClinicalRecord clinicalRecord() {
        return ClinicalRecord.newBuilder().setCaseId(CASE).setAgeYears(59.0).setSex(Sex.MALE).setAlbGPerL(38.2)
                .setAfpNgPerMl(112.4).setAltUPerL(41.0).setAstUPerL(47.0).setTbilUmolPerL(15.3)
                .setHbsagPositive(true).setChildPugh(ChildPugh.A).setCirrhosis(true).setTumorNumber(2)
                .setTumorSizeMm(19.8).setTumorLocation(null).setRecordedAt(T0).build();
    }

    static Outcome outcome() {
        return Outcome.newBuilder().setCaseId(CASE).setEarlyRecurrence(true).setFollowupMonths(14.5)
                .setRecordedAt(T0.plusSeconds(86_400L * 440)).build();
    }

    static PreprocessedRoi preprocessedRoi() {
        int nx = 6, ny = 5, nz = 3, n = nx * ny * nz;
        ByteBuffer image = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        byte[] mask = new byte[n];
        for (int i = 0; i < n; i++) {
            image.putFloat((float) Math.sin(i * 0.37) * 1.8f);
            mask[i] = (byte) (i % 7 < 3 ? 1 : 0);
        }
        image.flip();
        return PreprocessedRoi.newBuilder().setCaseId(CASE).setSequence(Sequence.AP).setReader(Reader.B)
                .setSizeX(nx).setSizeY(ny).setSizeZ(nz).setSpacingMm(List.of(1.0, 1.0, 1.0))
                .setOriginMm(List.of(-112.5, 48.25, -301.0)).setDirection(List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0))
                .setImage(image).setMask(ByteBuffer.wrap(mask)).setRoiSlice(1).setSourceSeriesRef("s-7c21")
                .setSourceRoiUri("file:///blobs/" + CASE + "/roi-B-AP.seg.dcm").setSettingsHash(SETTINGS_HASH)
                .setPreprocessorVersion("0.1.0").setCreatedAt(T0.plusSeconds(30)).build();
    }

    static FeatureValues featureValues(Sequence sequence) {
        return FeatureValues.newBuilder().setSequence(sequence)
                .setNames(List.of("original_firstorder_Mean", "original_shape_Maximum2DDiameterSlice",
                        "original_glcm_Contrast", "wavelet-LLH_glszm_ZoneEntropy"))
                .setValues(List.of(0.4182, 21.63, 3.07, Double.NaN)).setSettingsHash(SETTINGS_HASH).build();
    }

    static FeatureVector featureVector() {
        return FeatureVector.newBuilder().setCaseId(CASE).setReader(Reader.A).setFeatures(featureValues(Sequence.PVP))
                .setExtractorVersion("0.1.0").setImageHash("a1".repeat(32)).setMaskHash("b2".repeat(32))
                .setExtractedAt(T0.plusSeconds(45)).build();
    }

    static StableFeatureSet stableFeatureSet() {
        return StableFeatureSet.newBuilder().setSequence(Sequence.T2WI).setVersion(3).setIccForm("ICC(2,1)")
                .setThreshold(0.75).setPairs(15).setSettingsHash(SETTINGS_HASH)
                .setFeatures(List.of(
                        FeatureIcc.newBuilder().setName("original_glcm_Contrast").setIcc(0.91).setCiLow(0.77)
                                .setCiHigh(0.97).setKept(true).build(),
                        FeatureIcc.newBuilder().setName("original_shape_Flatness").setIcc(Double.NaN)
                                .setCiLow(Double.NaN).setCiHigh(Double.NaN).setKept(false).build()))
                .setComputedAt(T0.plusSeconds(3600)).build();
    }

    static CaseFeatures caseFeatures() {
        return CaseFeatures.newBuilder().setCaseId(CASE)
                .setSequences(List.of(featureValues(Sequence.T1WI), featureValues(Sequence.DP)))
                .setStableSetVersions(Map.of("T1WI", 2L, "DP", 5L)).setAssembledAt(T0.plusSeconds(60)).build();
    }

    static ModelPublished modelPublished() {
        return ModelPublished.newBuilder().setModelName("nomogram").setVersion(4).setArtifactFormatVersion(1)
                .setArtifactJson("{\"intercept\":-0.42,\"coefficients\":{\"ALB\":-0.11}}")
                .setArtifactSha256("c3".repeat(32)).setTrainingDataFingerprint("d4".repeat(32))
                .setFeatureSettingsHash(SETTINGS_HASH).setTrainingCases(63).setValidationCases(27)
                .setMetrics(Map.of("auc_train", 0.869, "auc_validation", 0.812)).setCreatedAt(T0.plusSeconds(7200))
                .build();
    }

    static RiskScore riskScore() {
        return RiskScore.newBuilder().setCaseId(CASE).setModelName("nomogram").setModelVersion(4).setRadScore(-1.0)
                .setPoints(List.of(
                        PredictorPoints.newBuilder().setPredictor("ALB").setValue(33.0).setPoints(62.5).build(),
                        PredictorPoints.newBuilder().setPredictor("tumor_number").setValue(0.0).setPoints(0.0).build(),
                        PredictorPoints.newBuilder().setPredictor("rad_score").setValue(-1.0).setPoints(47.5).build()))
                .setTotalPoints(110.0).setProbability(0.84).setRiskBand(RiskBand.HIGH)
                .setStageTimes(Map.of("ingestion", T0, "inference", T0.plusMillis(4321)))
                .setScoredAt(T0.plusMillis(4321)).build();
    }

    static ReportReady reportReady() {
        return ReportReady.newBuilder().setCaseId(CASE).setKind(ReportKind.CASE)
                .setUris(List.of("file:///blobs/reports/" + CASE + "/report.html",
                        "file:///blobs/reports/" + CASE + "/nomogram.png"))
                .setModelName("nomogram").setModelVersion(4).setCreatedAt(T0.plusSeconds(5)).build();
    }

    static DeadLetter deadLetter() {
        return DeadLetter.newBuilder().setCaseId(CASE).setStage("preprocessing").setReasonCode("EMPTY_MASK")
                .setMessage("mask file:///blobs/" + CASE + "/roi-A-DP.nii.gz has no voxel with label 1")
                .setExceptionClass("org.radstream.imaging.ImageInputException")
                .setSourceTopic("radstream.studies.received.v1").setSourcePartition(3).setSourceOffset(1187L)
                .setSourceUri(null).setOriginalValue(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 1, 2, 3}))
                .setFailedAt(T0.plusSeconds(12)).build();
    }
}
