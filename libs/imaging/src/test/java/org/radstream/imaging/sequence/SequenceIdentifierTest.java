package org.radstream.imaging.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.radstream.imaging.dicom.DicomSeries;
import org.radstream.imaging.sequence.SequenceIdentifier.Finding.Kind;
import org.radstream.imaging.synth.ScannerProtocol;

class SequenceIdentifierTest {

    private final SequenceIdentifier id = new SequenceIdentifier(SequenceRules.DEFAULT);

    private static int number = 0;

    static DicomSeries series(String description, String protocol, String contrast, LocalTime time) {
        number++;
        return new DicomSeries("1.2.3", "1.2.3." + number, "1.2.9", "MR", "1.2.840.10008.5.1.4.1.1.4", number, description,
                protocol, contrast, "X", 1.5, time, "1.2.840.10008.1.2.1", List.of());
    }

    @Test
    void vendorProtocolNamesOfGeAndSiemens() {
        for (ScannerProtocol scanner : ScannerProtocol.values()) {
            List<DicomSeries> study = new ArrayList<>();
            for (MrSequence s : MrSequence.STUDY) {
                ScannerProtocol.Protocol p = scanner.protocol(s);
                study.add(series(p.description(), p.protocolName(), s.isContrastPhase() ? "Gd-EOB-DTPA" : "",
                        LocalTime.of(9, 0).plusSeconds(p.startSeconds())));
            }
            study.add(series("ep2d_diff_b50_800_tra", "", "", LocalTime.of(9, 5)));
            SequenceIdentifier.Assignment a = id.identify(study, Map.of());
            assertTrue(a.complete(), scanner + " " + a.findings());
            for (int i = 0; i < 5; i++) {
                assertEquals(study.get(i), a.assigned().get(MrSequence.STUDY.get(i)), scanner + " " + MrSequence.STUDY.get(i));
            }
            assertEquals(study.get(5), a.assigned().get(MrSequence.DWI));
            assertEquals(List.of(), a.findings());
        }
    }

    @Test
    void commonNamesByHand() {
        assertEquals(MrSequence.T2WI, id.classify(series("Ax SSFSE T2", "", "", null)));
        assertEquals(MrSequence.T2WI, id.classify(series("t2_blade_tra_fs", "", "", null)));
        assertEquals(MrSequence.AP, id.classify(series("LAVA Late Art", "", "Gadovist", null)));
        assertEquals(MrSequence.PVP, id.classify(series("t1_vibe_fs_tra_PV", "", "Gadovist", null)));
        assertEquals(MrSequence.DP, id.classify(series("AX LAVA 5MIN", "", "Primovist", null)));
        assertEquals(MrSequence.T1WI, id.classify(series("AX T1 FSPGR IN/OUT", "", "", null)));
        assertEquals(MrSequence.DWI, id.classify(series("DWI b800", "", "", null)));
        assertEquals(MrSequence.UNKNOWN, id.classify(series("3-Plane Loc", "", "", null)));
        // an enhanced T1 without a phase name is not T1WI
        assertEquals(MrSequence.UNKNOWN, id.classify(series("AX T1 POST", "", "Gadovist", null)));
    }

    @Test
    void unnamedContrastPhasesAreOrderedByAcquisitionTime() {
        DicomSeries pre = series("AX T1 FSPGR", "", "", LocalTime.of(10, 0));
        DicomSeries t2 = series("AX T2 FRFSE", "", "", LocalTime.of(9, 55));
        DicomSeries third = series("AX T1 POST", "", "Gd", LocalTime.of(10, 6, 0));
        DicomSeries first = series("AX T1 POST", "", "Gd", LocalTime.of(10, 3, 20));
        DicomSeries second = series("AX T1 POST", "", "Gd", LocalTime.of(10, 4, 10));
        SequenceIdentifier.Assignment a = id.identify(List.of(pre, t2, third, first, second), Map.of());
        assertTrue(a.complete(), a.findings().toString());
        assertEquals(first, a.assigned().get(MrSequence.AP));
        assertEquals(second, a.assigned().get(MrSequence.PVP));
        assertEquals(third, a.assigned().get(MrSequence.DP));
        assertEquals(3, a.findings().stream().filter(f -> f.kind() == Kind.ORDERED_BY_TIME).count());

        // a named arterial phase takes AP; the two unnamed ones fill PVP and DP in time order
        DicomSeries art = series("AX LAVA ARTERIAL", "", "Gd", LocalTime.of(10, 3, 20));
        a = id.identify(List.of(pre, t2, art, third, second), Map.of());
        assertEquals(art, a.assigned().get(MrSequence.AP));
        assertEquals(second, a.assigned().get(MrSequence.PVP));
        assertEquals(third, a.assigned().get(MrSequence.DP));
    }

    @Test
    void missingDuplicateUnknownAreReportedAndOverridesResolve() {
        DicomSeries t2a = series("AX T2 FRFSE", "", "", LocalTime.of(9, 0));
        DicomSeries t2b = series("AX T2 FRFSE FS", "", "", LocalTime.of(9, 2));
        DicomSeries t1 = series("AX T1 DUAL", "", "", LocalTime.of(9, 4));
        DicomSeries loc = series("LOCALIZER", "", "", LocalTime.of(8, 58));
        DicomSeries ap = series("AX LAVA ARTERIAL", "", "Gd", LocalTime.of(9, 8));
        SequenceIdentifier.Assignment a = id.identify(List.of(t2a, t2b, t1, loc, ap), Map.of());
        assertFalse(a.complete());
        assertFalse(a.assigned().containsKey(MrSequence.T2WI));
        assertTrue(a.findings().stream().anyMatch(f -> f.kind() == Kind.DUPLICATE && f.sequence() == MrSequence.T2WI
                && f.seriesInstanceUids().equals(List.of(t2a.seriesInstanceUid(), t2b.seriesInstanceUid()))));
        assertTrue(a.findings().stream().anyMatch(f -> f.kind() == Kind.UNKNOWN && f.seriesInstanceUids().contains(loc.seriesInstanceUid())));
        assertTrue(a.findings().stream().anyMatch(f -> f.kind() == Kind.MISSING && f.sequence() == MrSequence.PVP));
        assertTrue(a.findings().stream().anyMatch(f -> f.kind() == Kind.MISSING && f.sequence() == MrSequence.DP));

        // override: the plain FRFSE is a localiser-like test scan, the FS one is the study's T2
        a = id.identify(List.of(t2a, t2b, t1, loc, ap), Map.of(t2a.seriesInstanceUid(), MrSequence.UNKNOWN));
        assertEquals(t2b, a.assigned().get(MrSequence.T2WI));
        assertFalse(a.assigned().containsKey(MrSequence.UNKNOWN));
        assertTrue(a.findings().stream().anyMatch(f -> f.kind() == Kind.OVERRIDDEN));
    }

    @Test
    void rulesAreConfigurable() {
        SequenceRules custom = SequenceRules.parse(List.of("# site rules", "AP ANY ( hepatic art )", "T2WI ANY ( t2 )"));
        SequenceIdentifier site = new SequenceIdentifier(custom);
        assertEquals(MrSequence.AP, site.classify(series("Hepatic Art", "", "", null)));
        assertEquals(MrSequence.UNKNOWN, site.classify(series("LAVA ARTERIAL", "", "", null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SequenceRules.parse(List.of("XX ANY ( a )")));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
