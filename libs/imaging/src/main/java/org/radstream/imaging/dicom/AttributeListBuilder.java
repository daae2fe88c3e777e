package org.radstream.imaging.dicom;

import java.util.Locale;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;

/** Terse construction of PixelMed attribute lists for the writers (package-private). */
final class AttributeListBuilder {
    private final AttributeList list = new AttributeList();

    AttributeList build() {
        return list;
    }

    /** Sets a string-valued attribute; no values = an empty (type 2) attribute. */
    AttributeListBuilder put(AttributeTag tag, String... values) {
        try {
            Attribute a = AttributeFactory.newAttribute(tag);
            for (String v : values) {
                a.addValue(v);
            }
            list.put(a);
            return this;
        } catch (DicomException e) {
            throw new IllegalStateException("cannot build " + tag, e);
        }
    }

    /** An attribute present with no value (DICOM type 2). */
    AttributeListBuilder empty(AttributeTag tag) {
        return put(tag, new String[0]);
    }

    AttributeListBuilder put(AttributeTag tag, int... values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = Integer.toString(values[i]);
        }
        return put(tag, s);
    }

    /** Decimal strings, at most 16 characters each as DS requires. */
    AttributeListBuilder putDecimal(AttributeTag tag, double... values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = ds(values[i]);
        }
        return put(tag, s);
    }

    AttributeListBuilder put(Attribute a) {
        list.put(a);
        return this;
    }

    AttributeListBuilder sequence(AttributeTag tag, AttributeList... items) {
        SequenceAttribute s = new SequenceAttribute(tag);
        for (AttributeList item : items) {
            s.addItem(item);
        }
        list.put(s);
        return this;
    }

    static AttributeListBuilder item() {
        return new AttributeListBuilder();
    }

    /** A DICOM DS value: plain decimal, ≤ 16 characters, no exponent for ordinary magnitudes. */
    static String ds(double v) {
        if (v == 0) {
            return "0";
        }
        for (int decimals = 10; decimals >= 0; decimals--) {
            String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
            if (s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            if (s.length() <= 16) {
                return s.equals("-0") ? "0" : s;
            }
        }
        throw new IllegalArgumentException("value " + v + " does not fit a DS");
    }
}
