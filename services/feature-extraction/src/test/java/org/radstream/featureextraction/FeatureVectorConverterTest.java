package org.radstream.featureextraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.radstream.events.FeatureVector;
import org.radstream.events.PreprocessedRoi;
import org.radstream.events.Reader;
import org.radstream.events.Sequence;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.imaging.sequence.MrSequence;
import org.radstream.preprocessing.EventConverter;
import org.radstream.preprocessing.RoiOutput;

class FeatureVectorConverterTest {

    @Test
    void namesValuesInOrderNaNKeptHashesOfTheBytes() {
        Geometry g = Geometry.of(2, 1, 1, 1, 1, 1);
        PreprocessedRoi roi = EventConverter.toEvent(new RoiOutput("c9", MrSequence.T1WI, "B", "s", URI.create("file:///m"),
                new org.radstream.imaging.preprocess.PreprocessedRoi(new Volume(g, new float[] {1, 2}),
                        new LabelMap(g, new int[] {0, 1}), List.of(), "x", "h"), 0), Instant.EPOCH);
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("original_shape_Sphericity", 0.5);
        f.put("original_glcm_Imc2", Double.NaN);
        f.put("original_firstorder_Mean", -1.25);
        var lib = new org.radstream.radiomics.FeatureVector(f, Map.of(), Map.of("original_glcm_Imc2", "HXY2 = HXY"));
        FeatureVector e = FeatureVectorConverter.toEvent(roi, lib, "v1", "hash", Instant.ofEpochMilli(7));
        assertEquals("c9", e.getCaseId());
        assertEquals(Reader.B, e.getReader());
        assertEquals(Sequence.T1WI, e.getFeatures().getSequence());
        assertEquals(List.of("original_shape_Sphericity", "original_glcm_Imc2", "original_firstorder_Mean"),
                e.getFeatures().getNames());
        assertEquals(0.5, e.getFeatures().getValues().get(0));
        assertTrue(Double.isNaN(e.getFeatures().getValues().get(1)));
        assertEquals(-1.25, e.getFeatures().getValues().get(2));
        assertEquals("hash", e.getFeatures().getSettingsHash());
        assertEquals("v1", e.getExtractorVersion());
        assertEquals(Instant.ofEpochMilli(7), e.getExtractedAt());
        // SHA-256 of the 8 image bytes 00 00 80 3F 00 00 00 40 (1.0f, 2.0f little-endian), from `sha256sum`:
        // printf '\x00\x00\x80\x3f\x00\x00\x00\x40' | sha256sum
        assertEquals(SHA_IMAGE, e.getImageHash());
        // printf '\x00\x01' | sha256sum
        assertEquals(SHA_MASK, e.getMaskHash());
        assertEquals(SHA_MASK, FeatureVectorConverter.sha256(ByteBuffer.wrap(new byte[] {0, 1})));
    }

    static final String SHA_IMAGE = "b9c80b5adeca450753a16950c3cc655d271f7bef7a485bc83f112b72fef21d37";
    static final String SHA_MASK = "b413f47d13ee2fe6c845b2ee141af81de858df4ec549a58b7970bb96645bc8d2";
}
