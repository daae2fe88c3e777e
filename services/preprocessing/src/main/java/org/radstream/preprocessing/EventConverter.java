package org.radstream.preprocessing;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.radstream.events.PreprocessedRoi;
import org.radstream.events.Reader;
import org.radstream.events.RoiRef;
import org.radstream.events.SeriesRef;
import org.radstream.events.Sequence;
import org.radstream.events.StudyReceived;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.imaging.sequence.MrSequence;
import org.radstream.streaming.dlq.ReasonCode;

/**
 * The only place the Avro events of this stage meet the imaging library's types:
 * {@link StudyReceived} → {@link StudyInput}; {@link RoiOutput} → {@link PreprocessedRoi} event; and back,
 * the event's voxels → {@link Volume} and {@link LabelMap} (for feature extraction).
 *
 * <p>Voxel encoding (the event's contract): x fastest, then y, then z; image as float32 little-endian, mask as
 * one byte per voxel (1 inside, 0 outside). Geometry as ITK: origin = centre of the first voxel (LPS mm),
 * direction row-major with the axes' directions as columns.
 */
public final class EventConverter {

    /** Version written to {@code preprocessorVersion}. */
    public static final String PREPROCESSOR_VERSION = "radstream-preprocessing 0.1.0";

    private EventConverter() {
    }

    /**
     * @throws PreprocessingRejected (MISSING_SEQUENCE / DUPLICATE_SEQUENCE / BLOB_NOT_FOUND) for an event naming a
     *                               sequence twice or holding a URI that is not one
     */
    public static StudyInput toInput(StudyReceived e) throws PreprocessingRejected {
        Map<MrSequence, StudyInput.Series> series = new EnumMap<>(MrSequence.class);
        for (SeriesRef s : e.getSeries()) {
            MrSequence seq = sequence(s.getSequence());
            if (series.put(seq, new StudyInput.Series(uri(s.getSeriesUri(), "series[" + seq + "].seriesUri"),
                    s.getSeriesRef())) != null) {
                throw new PreprocessingRejected(ReasonCode.DUPLICATE_SEQUENCE, "StudyReceived.series lists " + seq
                        + " twice", null);
            }
        }
        List<StudyInput.Roi> rois = new ArrayList<>();
        for (RoiRef r : e.getRois()) {
            rois.add(new StudyInput.Roi(r.getReader().name(), sequence(r.getDrawnOn()),
                    uri(r.getUri(), "rois[" + r.getReader() + "/" + r.getDrawnOn() + "].uri"), r.getLabel()));
        }
        return new StudyInput(e.getCaseId(), series, rois);
    }

    /** The event for one preprocessed ROI. */
    public static PreprocessedRoi toEvent(RoiOutput o, Instant createdAt) {
        Geometry g = o.roi().geometry();
        return PreprocessedRoi.newBuilder()
                .setCaseId(o.caseId())
                .setSequence(Sequence.valueOf(o.sequence().name()))
                .setReader(Reader.valueOf(o.reader()))
                .setSizeX(g.nx())
                .setSizeY(g.ny())
                .setSizeZ(g.nz())
                .setSpacingMm(list(g.spacing()))
                .setOriginMm(list(g.origin()))
                .setDirection(list(g.direction()))
                .setImage(ByteBuffer.wrap(imageBytes(o.roi().image())))
                .setMask(ByteBuffer.wrap(maskBytes(o.roi().mask())))
                .setRoiSlice(o.roiSlice())
                .setSourceSeriesRef(o.seriesRef())
                .setSourceRoiUri(o.roiUri().toString())
                .setSettingsHash(o.roi().settingsHash())
                .setPreprocessorVersion(PREPROCESSOR_VERSION)
                .setCreatedAt(createdAt)
                .build();
    }

    /** The event's grid. @throws InvalidRoiEventException naming the field when it is not a valid grid */
    public static Geometry geometry(PreprocessedRoi e) {
        try {
            return new Geometry(e.getSizeX(), e.getSizeY(), e.getSizeZ(), array(e.getSpacingMm(), 3, "spacingMm"),
                    array(e.getOriginMm(), 3, "originMm"), array(e.getDirection(), 9, "direction"));
        } catch (IllegalArgumentException x) {
            throw new InvalidRoiEventException("PreprocessedRoi geometry: " + x.getMessage());
        }
    }

    /** The event's image. @throws InvalidRoiEventException when the byte count does not match the grid */
    public static Volume image(PreprocessedRoi e) {
        Geometry g = geometry(e);
        ByteBuffer b = e.getImage().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() != 4L * g.voxelCount()) {
            throw new InvalidRoiEventException("PreprocessedRoi.image has " + b.remaining() + " bytes, the "
                    + g.nx() + "x" + g.ny() + "x" + g.nz() + " grid needs " + 4L * g.voxelCount());
        }
        float[] v = new float[g.voxelCount()];
        b.asFloatBuffer().get(v);
        return new Volume(g, v);
    }

    /** The event's mask. @throws InvalidRoiEventException when the byte count does not match or a byte is not 0/1 */
    public static LabelMap mask(PreprocessedRoi e) {
        Geometry g = geometry(e);
        ByteBuffer b = e.getMask().duplicate();
        if (b.remaining() != g.voxelCount()) {
            throw new InvalidRoiEventException("PreprocessedRoi.mask has " + b.remaining() + " bytes, the "
                    + g.nx() + "x" + g.ny() + "x" + g.nz() + " grid needs " + g.voxelCount());
        }
        int[] l = new int[g.voxelCount()];
        for (int i = 0; i < l.length; i++) {
            byte x = b.get();
            if (x != 0 && x != 1) {
                throw new InvalidRoiEventException("PreprocessedRoi.mask byte " + i + " is " + x + ", expected 0 or 1");
            }
            l[i] = x;
        }
        return new LabelMap(g, l);
    }

    /** Float32 little-endian voxels, x fastest. */
    public static byte[] imageBytes(Volume v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.voxels().length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v.voxels());
        return b.array();
    }

    /** One byte per voxel, 1 where the label map is non-zero. */
    public static byte[] maskBytes(LabelMap m) {
        int[] l = m.labels();
        byte[] out = new byte[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = (byte) (l[i] != 0 ? 1 : 0);
        }
        return out;
    }

    private static MrSequence sequence(Sequence s) {
        return MrSequence.valueOf(s.name());
    }

    private static URI uri(String s, String field) throws PreprocessingRejected {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw new PreprocessingRejected(ReasonCode.BLOB_NOT_FOUND, "StudyReceived." + field + " is not a URI: "
                    + e.getMessage(), e);
        }
    }

    private static List<Double> list(double[] a) {
        List<Double> l = new ArrayList<>(a.length);
        for (double d : a) {
            l.add(d);
        }
        return l;
    }

    private static double[] array(List<Double> l, int n, String field) {
        if (l.size() != n) {
            throw new IllegalArgumentException(field + " has " + l.size() + " values, expected " + n);
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    /** A PreprocessedRoi event whose voxels or grid are inconsistent. */
    public static final class InvalidRoiEventException extends IllegalArgumentException
            implements org.radstream.streaming.dlq.HasReasonCode {
        private static final long serialVersionUID = 1L;

        public InvalidRoiEventException(String message) {
            super(message);
        }

        @Override
        public ReasonCode reasonCode() {
            return ReasonCode.GEOMETRY_MISMATCH;
        }
    }
}
