package org.radstream.modeling.report;

import java.util.Locale;

/** SVG 1.1 output of {@link Canvas}. */
final class SvgCanvas implements Canvas {
    private final StringBuilder sb = new StringBuilder();
    private final int width;
    private final int height;

    SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
        rect(0, 0, width, height, "#ffffff");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double w, boolean dashed) {
        sb.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x2))
                .append("\" y2=\"").append(f(y2)).append("\" stroke=\"").append(color).append("\" stroke-width=\"").append(f(w))
                .append(dashed ? "\" stroke-dasharray=\"5,4" : "").append("\"/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, String color, double w, boolean dashed) {
        sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(f(w))
                .append(dashed ? "\" stroke-dasharray=\"5,4" : "").append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            sb.append(f(xs[i])).append(',').append(f(ys[i])).append(' ');
        }
        sb.append("\"/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill) {
        sb.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(w))
                .append("\" height=\"").append(f(h)).append("\" fill=\"").append(fill).append("\"/>\n");
    }

    @Override
    public void circle(double x, double y, double r, String fill) {
        sb.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"").append(f(r))
                .append("\" fill=\"").append(fill).append("\"/>\n");
    }

    @Override
    public void text(double x, double y, String s, double size, Anchor anchor, boolean vertical) {
        String a = switch (anchor) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        sb.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"")
                .append(f(size)).append("\" text-anchor=\"").append(a).append('"');
        if (vertical) {
            sb.append(" transform=\"rotate(-90 ").append(f(x)).append(' ').append(f(y)).append(")\"");
        }
        sb.append('>').append(s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append("</text>\n");
    }

    String document() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\">\n" + sb + "</svg>\n";
    }
}
