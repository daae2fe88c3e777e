package org.radstream.radiomics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the Python literals PyRadiomics writes into its diagnostics ({@code {'binWidth': 25, 'x': None, ...}}). */
final class PythonLiteral {
    private final String s;
    private int i;

    private PythonLiteral(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        PythonLiteral p = new PythonLiteral(text);
        Object o = p.value();
        p.ws();
        if (p.i != p.s.length()) {
            throw new IllegalArgumentException("trailing text at " + p.i + " in " + text);
        }
        return o;
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private Object value() {
        ws();
        char c = s.charAt(i);
        if (c == '{') {
            i++;
            Map<String, Object> m = new LinkedHashMap<>();
            ws();
            if (s.charAt(i) == '}') {
                i++;
                return m;
            }
            while (true) {
                Object k = value();
                ws();
                expect(':');
                m.put(String.valueOf(k), value());
                ws();
                if (s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                expect('}');
                return m;
            }
        }
        if (c == '[' || c == '(') {
            char close = c == '[' ? ']' : ')';
            i++;
            List<Object> l = new ArrayList<>();
            ws();
            if (s.charAt(i) == close) {
                i++;
                return l;
            }
            while (true) {
                l.add(value());
                ws();
                if (s.charAt(i) == ',') {
                    i++;
                    ws();
                    if (s.charAt(i) == close) {
                        i++;
                        return l;
                    }
                    continue;
                }
                expect(close);
                return l;
            }
        }
        if (c == '\'' || c == '"') {
            int end = s.indexOf(c, i + 1);
            String str = s.substring(i + 1, end);
            i = end + 1;
            return str;
        }
        int start = i;
        while (i < s.length() && ",:}])".indexOf(s.charAt(i)) < 0 && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        String tok = s.substring(start, i);
        return switch (tok) {
            case "None" -> null;
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            default -> tok.contains(".") || tok.contains("e") ? (Object) Double.parseDouble(tok) : (Object) Long.parseLong(tok);
        };
    }

    private void expect(char c) {
        if (s.charAt(i) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + i + " in " + s);
        }
        i++;
    }
}
