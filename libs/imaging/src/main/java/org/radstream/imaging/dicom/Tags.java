package org.radstream.imaging.dicom;

import com.pixelmed.dicom.AttributeTag;

/** DICOM tags that PixelMed's TagFromName lacks (numbers from PS3.6). */
final class Tags {
    private Tags() {
    }

    static final AttributeTag MAGNETIC_FIELD_STRENGTH = new AttributeTag(0x0018, 0x0087);
    static final AttributeTag SCANNING_SEQUENCE = new AttributeTag(0x0018, 0x0020);
    static final AttributeTag SEQUENCE_VARIANT = new AttributeTag(0x0018, 0x0021);
    static final AttributeTag SCAN_OPTIONS = new AttributeTag(0x0018, 0x0022);
    static final AttributeTag FLIP_ANGLE = new AttributeTag(0x0018, 0x1314);
    static final AttributeTag NUMBER_OF_AVERAGES = new AttributeTag(0x0018, 0x0083);
    static final AttributeTag IMAGING_FREQUENCY = new AttributeTag(0x0018, 0x0084);
    static final AttributeTag PERCENT_SAMPLING = new AttributeTag(0x0018, 0x0093);
    static final AttributeTag PERCENT_PHASE_FIELD_OF_VIEW = new AttributeTag(0x0018, 0x0094);
    static final AttributeTag PIXEL_BANDWIDTH = new AttributeTag(0x0018, 0x0095);
    static final AttributeTag ACQUISITION_MATRIX = new AttributeTag(0x0018, 0x1310);
    static final AttributeTag IN_PLANE_PHASE_ENCODING_DIRECTION = new AttributeTag(0x0018, 0x1312);
    static final AttributeTag RECEIVE_COIL_NAME = new AttributeTag(0x0018, 0x1250);
    static final AttributeTag REFERENCED_FRAME_OF_REFERENCE_SEQUENCE = new AttributeTag(0x3006, 0x0010);
    static final AttributeTag STRUCTURE_SET_ROI_SEQUENCE = new AttributeTag(0x3006, 0x0020);
    static final AttributeTag ROI_NUMBER = new AttributeTag(0x3006, 0x0022);
    static final AttributeTag REFERENCED_FRAME_OF_REFERENCE_UID = new AttributeTag(0x3006, 0x0024);
    static final AttributeTag ROI_NAME = new AttributeTag(0x3006, 0x0026);
    static final AttributeTag ROI_CONTOUR_SEQUENCE = new AttributeTag(0x3006, 0x0039);
    static final AttributeTag CONTOUR_SEQUENCE = new AttributeTag(0x3006, 0x0040);
    static final AttributeTag CONTOUR_GEOMETRIC_TYPE = new AttributeTag(0x3006, 0x0042);
    static final AttributeTag CONTOUR_DATA = new AttributeTag(0x3006, 0x0050);
    static final AttributeTag REFERENCED_ROI_NUMBER = new AttributeTag(0x3006, 0x0084);
}
