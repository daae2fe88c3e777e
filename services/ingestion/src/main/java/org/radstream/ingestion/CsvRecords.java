package org.radstream.ingestion;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.radstream.streaming.dlq.ReasonCode;

/**
 * Reads {@code clinical.csv} / {@code outcomes.csv} (RFC 4180, header row, Apache Commons CSV) row by row into
 * {@link RecordResult}s: a bad row (wrong number of columns, a bad value) becomes a rejection with its line
 * number and never stops the rows after it.
 */
public final class CsvRecords {

    private CsvRecords() {
    }

    /** One row's result with its 1-based line number in the file. */
    public record Row<T>(long line, RecordResult<T> result) {
    }

    public static <T> List<Row<T>> read(Reader in, Function<Map<String, String>, RecordResult<T>> convert)
            throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get();
        List<Row<T>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(in, format)) {
            List<String> header = p.getHeaderNames();
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1; // the header is line 1; rows are one line each
                if (!rec.isConsistent()) {
                    rows.add(new Row<>(line, new RecordResult.Rejected<>(null, ReasonCode.INVALID_FIELD,
                            "line " + line + ": " + rec.size() + " columns, the header has " + header.size())));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (String h : header) {
                    fields.put(h, rec.get(h));
                }
                RecordResult<T> r = convert.apply(fields);
                if (r instanceof RecordResult.Rejected<T> rej) {
                    r = new RecordResult.Rejected<>(rej.caseId(), rej.reason(), "line " + line + ": " + rej.message());
                }
                rows.add(new Row<>(line, r));
            }
        }
        return rows;
    }
}
