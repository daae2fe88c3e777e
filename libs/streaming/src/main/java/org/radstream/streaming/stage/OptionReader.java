package org.radstream.streaming.stage;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.radstream.streaming.config.ConfigException;

/**
 * Reads a stage's extra options as typed values and collects every invalid one, so a stage's factory reports all
 * problems at once, each naming the flag, where its value came from and the reason; {@link #check()} throws them
 * as one {@link ConfigException} ({@link StageMain} turns it into exit code 2). An invalid value reads as a
 * harmless placeholder until then.
 */
public final class OptionReader {
    private final StageSettings settings;
    private final List<ConfigException.Problem> problems = new ArrayList<>();

    OptionReader(StageSettings settings) {
        this.settings = settings;
    }

    /** Records a problem with option {@code name}. */
    public void problem(String name, String reason) {
        StageSettings.Option o = settings.options().get(name);
        if (o == null) {
            throw new IllegalArgumentException("no stage option '" + name + "'");
        }
        problems.add(new ConfigException.Problem(o.flag().flag(), o.source(), reason));
    }

    /** The value; an unset option without default is a problem ("is required"). */
    public String string(String name) {
        String v = settings.optionalOption(name).orElse(null);
        if (v == null || v.isBlank()) {
            StageSettings.Option o = settings.options().get(name);
            problem(name, "is required (set " + (o.flag().secret() ? "" : o.flag().flag() + " or ") + o.envVar() + ")");
            return "";
        }
        return v;
    }

    public boolean bool(String name) {
        String v = settings.option(name).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            problem(name, "'" + v + "' is not true or false");
        }
        return v.equals("true");
    }

    /** An integer in {@code [min, max]}. */
    public int integer(String name, int min, int max) {
        String v = settings.option(name);
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                problem(name, i + " is outside " + min + ".." + max);
            }
            return i;
        } catch (NumberFormatException e) {
            problem(name, "'" + v + "' is not an integer");
            return min;
        }
    }

    /** A finite number. */
    public double number(String name) {
        String v = settings.option(name);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                problem(name, "'" + v + "' is not a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            problem(name, "'" + v + "' is not a number");
            return Double.NaN;
        }
    }

    /** A positive ISO-8601 duration such as {@code PT10S}. */
    public Duration duration(String name) {
        String v = settings.option(name);
        try {
            Duration d = Duration.parse(v);
            if (d.isNegative() || d.isZero()) {
                problem(name, "must be positive");
                return Duration.ofSeconds(1);
            }
            return d;
        } catch (DateTimeParseException e) {
            problem(name, "'" + v + "' is not an ISO-8601 duration such as PT10S");
            return Duration.ofSeconds(1);
        }
    }

    /** A positive whole number of {@code unit} (e.g. {@code --waiting-check-ms 1000}). */
    public Duration positive(String name, java.time.temporal.ChronoUnit unit) {
        String v = settings.option(name);
        try {
            long n = Long.parseLong(v);
            if (n <= 0) {
                problem(name, n + " must be positive");
                return Duration.of(1, unit);
            }
            return Duration.of(n, unit);
        } catch (NumberFormatException e) {
            problem(name, "'" + v + "' is not a whole number");
            return Duration.of(1, unit);
        }
    }

    /** Throws every collected problem; returns normally when there is none. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
