package org.radstream.modeling.report;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The few HTML pieces the reports share. Every piece of text from data goes through {@link #text}: the five
 * characters with meaning in HTML text and attribute values ({@code & < > " '}) become character references
 * (HTML Living Standard §13.1.4, the OWASP rule for element content and quoted attributes).
 */
final class Html {
    /** Page style, inline: a report needs no external resource. */
    static final String STYLE = """
            body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:980px;margin:24px auto;padding:0 16px;color:#222}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #bbb;padding:4px 8px;text-align:left}
            th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .notice{border:2px solid #b35900;background:#fff4e5;padding:8px 12px}
            .risk{font-size:1.3em}.band-HIGH{color:#b30000;font-weight:bold}.band-INTERMEDIATE{color:#b35900;font-weight:bold}
            .band-LOW{color:#1a6600;font-weight:bold}figure{margin:12px 0}svg,img{max-width:100%;height:auto}
            """;

    private Html() {
    }

    /** Text escaped for element content and quoted attribute values. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A number with {@code digits} decimals (Locale.ROOT), or "n/a" when not finite. */
    static String num(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "n/a";
    }

    static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + text(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n";
    }

    static String tail() {
        return "</body>\n</html>\n";
    }

    /** A two-column table of facts: the first cell of each row as its header cell, both escaped. */
    static String facts(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<table>\n");
        for (List<String> r : rows) {
            sb.append("<tr><th scope=\"row\">").append(text(r.get(0))).append("</th><td>").append(text(r.get(1))).append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    /** A table; cells are escaped, cells of {@code numeric} columns right-aligned. */
    static String table(List<String> header, List<List<String>> rows, boolean[] numeric) {
        StringBuilder sb = new StringBuilder("<table>\n<tr>");
        header.forEach(h -> sb.append("<th>").append(text(h)).append("</th>"));
        sb.append("</tr>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                boolean n = numeric != null && i < numeric.length && numeric[i];
                sb.append(n ? "<td class=\"num\">" : "<td>").append(text(r.get(i))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    /**
     * An SVG document as an {@code <img>} with a data: URI. Used for SVG files read from elsewhere: an image
     * element never runs scripts or loads external resources, whatever the file contains.
     */
    static String svgImage(String svg, String alt) {
        return "<img alt=\"" + text(alt) + "\" src=\"data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\">";
    }

    /** Our own SVG (text already escaped by {@link SvgCanvas}) for inline use: without its XML declaration. */
    static String inlineSvg(String svgDocument) {
        String s = svgDocument;
        if (s.startsWith("<?xml")) {
            s = s.substring(s.indexOf("?>") + 2).stripLeading();
        }
        return s;
    }
}
