package org.radstream.imaging.synth;

import java.util.Map;

import org.radstream.imaging.sequence.MrSequence;

/**
 * The two simulated scanners and their liver protocols: series names as the vendors write them,
 * matrix (columns × rows), field of view and timing. In-plane spacing = FOV / matrix, so it varies
 * with the scanner and sequence; slices are 5 mm everywhere.
 */
public enum ScannerProtocol {
    GE_15T("GE MEDICAL SYSTEMS", "Signa HDxt", 1.5, Map.of(
            MrSequence.T1WI, new Protocol("AX T1 DUAL FSPGR", "T1 DUAL IN-OUT", 320, 224, 380, "GR", "SP", 180, 4.4, 80, 0),
            MrSequence.T2WI, new Protocol("AX T2 FRFSE FS", "T2 FRFSE FS RTr", 320, 224, 380, "SE", "SK", 4000, 85, 90, 180),
            MrSequence.AP, new Protocol("AX LAVA ARTERIAL", "LAVA DYN", 288, 192, 380, "GR", "SK\\SS", 3.9, 1.8, 12, 480),
            MrSequence.PVP, new Protocol("AX LAVA PORTAL", "LAVA DYN", 288, 192, 380, "GR", "SK\\SS", 3.9, 1.8, 12, 530),
            MrSequence.DP, new Protocol("AX LAVA DELAY 3MIN", "LAVA DYN", 288, 192, 380, "GR", "SK\\SS", 3.9, 1.8, 12, 640))),
    SIEMENS_3T("SIEMENS", "MAGNETOM Skyra", 3.0, Map.of(
            MrSequence.T1WI, new Protocol("t1_vibe_dixon_tra_opp", "t1_vibe_dixon_tra", 288, 192, 360, "GR", "SP", 4.0, 1.3, 9, 0),
            MrSequence.T2WI, new Protocol("t2_haste_fs_tra_mbh", "t2_haste_fs_tra", 320, 224, 360, "SE", "SK", 1400, 92, 160, 150),
            MrSequence.AP, new Protocol("t1_vibe_fs_tra_art", "t1_vibe_fs_tra_dyn", 288, 192, 360, "GR", "SP", 3.9, 1.4, 9, 420),
            MrSequence.PVP, new Protocol("t1_vibe_fs_tra_pv", "t1_vibe_fs_tra_dyn", 288, 192, 360, "GR", "SP", 3.9, 1.4, 9, 470),
            MrSequence.DP, new Protocol("t1_vibe_fs_tra_delay", "t1_vibe_fs_tra_dyn", 288, 192, 360, "GR", "SP", 3.9, 1.4, 9, 580)));

    /**
     * @param description   SeriesDescription
     * @param protocolName  ProtocolName
     * @param columns       matrix columns (left–right)
     * @param rows          matrix rows (anterior–posterior)
     * @param fovMm         left–right field of view; pixels are square
     * @param scanning      ScanningSequence
     * @param variant       SequenceVariant
     * @param trMs          RepetitionTime
     * @param teMs          EchoTime
     * @param flipDeg       FlipAngle
     * @param startSeconds  acquisition start after the first series
     */
    public record Protocol(String description, String protocolName, int columns, int rows, double fovMm, String scanning,
            String variant, double trMs, double teMs, double flipDeg, int startSeconds) {
        public double pixelMm() {
            return fovMm / columns;
        }
    }

    private final String manufacturer;
    private final String model;
    private final double tesla;
    private final Map<MrSequence, Protocol> protocols;

    ScannerProtocol(String manufacturer, String model, double tesla, Map<MrSequence, Protocol> protocols) {
        this.manufacturer = manufacturer;
        this.model = model;
        this.tesla = tesla;
        this.protocols = protocols;
    }

    public String manufacturer() {
        return manufacturer;
    }

    public String model() {
        return model;
    }

    public double tesla() {
        return tesla;
    }

    public Protocol protocol(MrSequence s) {
        return protocols.get(s);
    }
}
