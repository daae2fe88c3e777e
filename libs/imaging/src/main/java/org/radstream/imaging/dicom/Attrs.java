package org.radstream.imaging.dicom;

import java.time.LocalTime;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;

/** Null-safe attribute access on PixelMed lists; the only place that touches PixelMed value APIs. */
final class Attrs {
    private Attrs() {
    }

    static String string(AttributeList l, AttributeTag t) {
        return l == null ? "" : Attribute.getSingleStringValueOrEmptyString(l, t).trim();
    }

    static int integer(AttributeList l, AttributeTag t, int dflt) {
        return l == null ? dflt : Attribute.getSingleIntegerValueOrDefault(l, t, dflt);
    }

    /** All numeric values, or null when absent or empty. */
    static double[] doubles(AttributeList l, AttributeTag t) {
        if (l == null) {
            return null;
        }
        Attribute a = l.get(t);
        if (a == null || a.getVM() == 0) {
            return null;
        }
        try {
            return a.getDoubleValues();
        } catch (DicomException | NumberFormatException e) {
            return null;
        }
    }

    static double scalar(AttributeList l, AttributeTag t, double dflt) {
        double[] v = doubles(l, t);
        return v == null || v.length == 0 ? dflt : v[0];
    }

    /** First item's list of a sequence, or null. */
    static AttributeList item(AttributeList l, AttributeTag seq) {
        return item(l, seq, 0);
    }

    static AttributeList item(AttributeList l, AttributeTag seq, int index) {
        if (l == null) {
            return null;
        }
        Attribute a = l.get(seq);
        if (a instanceof SequenceAttribute s && s.getNumberOfItems() > index) {
            return s.getItem(index).getAttributeList();
        }
        return null;
    }

    static int items(AttributeList l, AttributeTag seq) {
        Attribute a = l == null ? null : l.get(seq);
        return a instanceof SequenceAttribute s ? s.getNumberOfItems() : 0;
    }

    /** DICOM TM (HHMMSS.FFFFFF, also HH, HHMM) or the time part of a DT; null when absent or malformed. */
    static LocalTime time(String tm) {
        if (tm == null) {
            return null;
        }
        String s = tm.trim();
        if (s.length() >= 14 && s.chars().limit(8).allMatch(Character::isDigit)) {
            s = s.substring(8); // DT: YYYYMMDDHHMMSS...
        }
        int plus = Math.max(s.indexOf('+'), s.indexOf('-'));
        if (plus > 0) {
            s = s.substring(0, plus);
        }
        try {
            if (s.length() < 2) {
                return null;
            }
            int h = Integer.parseInt(s.substring(0, 2));
            int m = s.length() >= 4 ? Integer.parseInt(s.substring(2, 4)) : 0;
            int sec = s.length() >= 6 ? Integer.parseInt(s.substring(4, 6)) : 0;
            int nanos = 0;
            if (s.length() > 7 && s.charAt(6) == '.') {
                String f = (s.substring(7) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(f);
            }
            return LocalTime.of(h, m, sec, nanos);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }
}
