package org.radstream.modeling.report;

/**
 * The few drawing primitives the figures need, so one drawing routine writes both SVG and PNG.
 * Coordinates in pixels, origin top-left.
 */
interface Canvas {
    /** Text anchoring. */
    enum Anchor { START, MIDDLE, END }

    void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed);

    void polyline(double[] xs, double[] ys, String color, double width, boolean dashed);

    void rect(double x, double y, double w, double h, String fill);

    void circle(double x, double y, double r, String fill);

    void text(double x, double y, String s, double size, Anchor anchor, boolean vertical);
}
