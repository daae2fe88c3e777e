package org.radstream.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radstream.events.ChildPugh;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.Outcome;
import org.radstream.events.Sex;
import org.radstream.streaming.dlq.ReasonCode;

class ClinicalRecordsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    final Pseudonymiser pseudo = new Pseudonymiser(PseudonymiserTest.KEY);
    final ClinicalRecords records = new ClinicalRecords(pseudo, ClinicalRules.DEFAULTS, CLOCK);

    // the header and first row of the synthetic cohort's clinical.csv, then bad rows
    static final String CLINICAL = """
            caseId,age,sex,alb,afp,alt,ast,tbil,hbsag,child_pugh,cirrhosis,tumor_number,tumor_size_cm,tumor_location
            RS-0001,63,M,36.7,9.8,30.0,24.1,6.8,1,A,1,1,2.2,left
            RS-0002,46,F,,1.5,60.0,26.4,12.6,1,A,1,1,1.2,left
            RS-0003,65,M,3.43,103.9,57.2,16.5,13.7,1,A,1,1,1.5,right
            RS-0004,53,M,41.7,7.2,47.7,51.2,20.9,1,A,1,2
            RS-0005,53,X,41.7,7.2,47.7,51.2,20.9,1,A,1,2,2.5,right
            RS-0006,53,M,41.7,7.2,47.7,51.2,20.9,1,D,1,1.5,2.5,right
            RS-0007,,,40,,,,,,,,,,
            """;

    @Test
    void csvRowsBecomeRecordsOrRejectionsWithLineFieldAndReason() throws Exception {
        List<CsvRecords.Row<ClinicalRecord>> rows = CsvRecords.read(new StringReader(CLINICAL), records::clinical);
        assertEquals(7, rows.size());

        ClinicalRecord r = ((RecordResult.Accepted<ClinicalRecord>) rows.get(0).result()).event();
        assertEquals(pseudo.caseId("RS-0001"), r.getCaseId());
        assertEquals(63.0, r.getAgeYears());
        assertEquals(Sex.MALE, r.getSex());
        assertEquals(36.7, r.getAlbGPerL());
        assertEquals(9.8, r.getAfpNgPerMl());
        assertEquals(30.0, r.getAltUPerL());
        assertEquals(24.1, r.getAstUPerL());
        assertEquals(6.8, r.getTbilUmolPerL());
        assertTrue(r.getHbsagPositive());
        assertEquals(ChildPugh.A, r.getChildPugh());
        assertTrue(r.getCirrhosis());
        assertEquals(1, r.getTumorNumber());
        assertEquals(22.0, r.getTumorSizeMm(), 1e-9);
        assertEquals("left", r.getTumorLocation());
        assertEquals(CLOCK.instant(), r.getRecordedAt());

        assertRejected(rows.get(1), 3, ReasonCode.ALB_MISSING, "alb");
        assertRejected(rows.get(2), 4, ReasonCode.ALB_OUT_OF_RANGE, "alb: 3.43 g/L is outside the plausible range [10, 70]");
        assertRejected(rows.get(3), 5, ReasonCode.INVALID_FIELD, "12 columns, the header has 14");
        assertRejected(rows.get(4), 6, ReasonCode.INVALID_FIELD, "sex: 'X' is not M or F");
        assertRejected(rows.get(5), 7, ReasonCode.INVALID_FIELD, "child_pugh: 'D'");

        // optional values left empty are "not recorded"
        ClinicalRecord sparse = ((RecordResult.Accepted<ClinicalRecord>) rows.get(6).result()).event();
        assertNull(sparse.getAgeYears());
        assertNull(sparse.getTumorNumber());
        assertEquals(40.0, sparse.getAlbGPerL());
    }

    @Test
    void outcomes() throws Exception {
        String csv = """
                caseId,early_recurrence,followup_months
                RS-0001,0,27.2
                RS-0003,1,12.9
                RS-0004,maybe,22.8
                RS-0005,1,
                """;
        List<CsvRecords.Row<Outcome>> rows = CsvRecords.read(new StringReader(csv), records::outcome);
        Outcome o = ((RecordResult.Accepted<Outcome>) rows.get(1).result()).event();
        assertEquals(pseudo.caseId("RS-0003"), o.getCaseId());
        assertTrue(o.getEarlyRecurrence());
        assertEquals(12.9, o.getFollowupMonths());
        assertFalse(((RecordResult.Accepted<Outcome>) rows.get(0).result()).event().getEarlyRecurrence());
        assertRejected(rows.get(2), 4, ReasonCode.INVALID_FIELD, "early_recurrence: 'maybe'");
        assertRejected(rows.get(3), 5, ReasonCode.INVALID_FIELD, "followup_months: required");
    }

    @Test
    void rejectionsNeverQuoteThePatientId() throws Exception {
        for (var row : CsvRecords.read(new StringReader(CLINICAL), records::clinical)) {
            if (row.result() instanceof RecordResult.Rejected<ClinicalRecord> rej) {
                assertFalse(rej.message().contains("RS-000"), rej.message());
                assertTrue(rej.caseId() == null || rej.caseId().matches("c[0-9a-f]{32}"));
            }
        }
        var noId = records.clinical(java.util.Map.of("alb", "40"));
        assertInstanceOf(RecordResult.Rejected.class, noId);
        assertNull(noId.caseId());
    }

    private static void assertRejected(CsvRecords.Row<?> row, long line, ReasonCode reason, String messagePart) {
        RecordResult.Rejected<?> r = assertInstanceOf(RecordResult.Rejected.class, row.result());
        assertEquals(line, row.line());
        assertEquals(reason, r.reason(), r.message());
        assertTrue(r.message().startsWith("line " + line + ": "), r.message());
        assertTrue(r.message().contains(messagePart), r.message());
    }
}
