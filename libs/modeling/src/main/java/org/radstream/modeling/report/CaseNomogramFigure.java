package org.radstream.modeling.report;

import java.util.Locale;
import org.radstream.modeling.ModelingException;
import org.radstream.modeling.nomogram.Nomogram;

/**
 * The study's nomogram figure ({@link Figures#nomogram}) with one case marked: on each predictor's axis a dot at
 * the case's value with its points, a dashed guide up to the Points scale, and dots on the Total-points and Risk
 * axes at the case's total and probability. Positions use the figure's own layout (points axis from x = 200 px,
 * 620 px for 100 points, predictor rows 50 px apart from y = 120, then Total points, then Risk), so a case
 * value equal to an axis tick sits exactly on that tick.
 */
public final class CaseNomogramFigure {
    /** Figure size, as {@link Figures} draws the nomogram. */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 420;
    static final double X0 = 200;
    static final double AXIS_WIDTH = 620;
    static final double POINTS_Y = 70;
    static final double FIRST_ROW_Y = 120;
    static final double ROW_STEP = 50;
    static final String MARK = "#d62728";

    private CaseNomogramFigure() {
    }

    /**
     * @param values the case's value per nomogram axis, in axis order (binary axes 0 or 1)
     * @return an SVG 1.1 document
     */
    public static String svg(Nomogram nom, double[] values) {
        SvgCanvas c = new SvgCanvas(WIDTH, HEIGHT);
        draw(c, nom, values);
        return c.document();
    }

    /** x pixel of {@code points} on a predictor row (100 points = {@value #AXIS_WIDTH} px). */
    static double pointsX(double points) {
        return X0 + points * AXIS_WIDTH / 100.0;
    }

    /** Right end of the Total-points axis: the largest possible total rounded up to a multiple of 20, as drawn. */
    static double totalAxisMax(Nomogram nom) {
        double maxTotal = 0;
        for (int j = 0; j < nom.axes().size(); j++) {
            double m = 0;
            for (double v : nom.axes().get(j).values()) {
                m = Math.max(m, nom.points(j, v));
            }
            maxTotal += m;
        }
        return Math.ceil(maxTotal / 20) * 20;
    }

    static void draw(Canvas c, Nomogram nom, double[] values) {
        if (values.length != nom.axes().size()) {
            throw new ModelingException("nomogram figure: " + values.length + " case values for " + nom.axes().size() + " axes");
        }
        Figures.nomogram(c, nom);
        double total = 0;
        for (int j = 0; j < values.length; j++) {
            Nomogram.Axis ax = nom.axes().get(j);
            double p = nom.points(j, values[j]);
            total += p;
            double y = FIRST_ROW_Y + ROW_STEP * j;
            double x = clamp(pointsX(p));
            c.line(x, y, x, POINTS_Y, MARK, 1, true);
            c.circle(x, y, 5, MARK);
            String v = CaseReport.formatValue(ax, values[j]);
            c.text(x, y + 18, v + " = " + String.format(Locale.ROOT, "%.1f", p) + " pts" + (x != pointsX(p) ? " (off scale)" : ""),
                    11, Canvas.Anchor.MIDDLE, false);
        }
        double totalMax = totalAxisMax(nom);
        double yTotal = FIRST_ROW_Y + ROW_STEP * values.length;
        double yRisk = yTotal + ROW_STEP;
        double xt = X0 + total * AXIS_WIDTH / totalMax;
        double x = clamp(xt);
        String off = x != xt ? " (off scale)" : "";
        c.line(x, yTotal, x, yRisk, MARK, 1, true);
        c.circle(x, yTotal, 5, MARK);
        c.text(x, yTotal + 18, "total " + String.format(Locale.ROOT, "%.1f", total) + off, 11, Canvas.Anchor.MIDDLE, false);
        c.circle(x, yRisk, 5, MARK);
        c.text(x, yRisk + 18, "risk " + String.format(Locale.ROOT, "%.3f", nom.probabilityForTotal(total)) + off, 11,
                Canvas.Anchor.MIDDLE, false);
    }

    /** Keeps a mark on the canvas; a value beyond an axis end is drawn at the end and labelled off scale. */
    private static double clamp(double x) {
        return Math.max(X0 - 10, Math.min(X0 + AXIS_WIDTH + 10, x));
    }
}
