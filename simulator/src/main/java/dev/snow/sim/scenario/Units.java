package dev.snow.sim.scenario;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The units of scenario files. Each parser throws {@link IllegalArgumentException} with a
 * message saying what was expected; the loader adds file, line and field.
 * <ul>
 *   <li>duration: a number and a unit, {@code ns us ms s m h} ({@code 250ms}, {@code 1.5s},
 *       {@code 2m}); {@code 0} alone is allowed;</li>
 *   <li>rate (loss, probability): {@code 1%} or a fraction {@code 0.01}, within 0..1;</li>
 *   <li>bandwidth: {@code 10Mbit/s}, {@code 512kbit/s}, {@code 1Gbit/s}, {@code 2MB/s},
 *       {@code 800B/s}, or {@code unlimited};</li>
 *   <li>range: {@code low..high} of one of the above (both ends included).</li>
 * </ul>
 */
public final class Units {
    public static final long NS = 1;
    public static final long US = 1_000;
    public static final long MS = 1_000_000;
    public static final long S = 1_000_000_000;

    private Units() {
    }

    public static long duration(String text) {
        String t = text.trim();
        if (t.equals("0")) {
            return 0;
        }
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        if (i == 0 || i == t.length()) {
            throw new IllegalArgumentException("expected a duration such as 250ms, 1.5s or 2m (units ns, us, ms, s, m, h), found \""
                    + text + "\"");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(t.substring(0, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a duration such as 250ms, found \"" + text + "\"");
        }
        long unit;
        switch (t.substring(i).trim()) {
            case "ns":
                unit = NS;
                break;
            case "us":
            case "µs":
                unit = US;
                break;
            case "ms":
                unit = MS;
                break;
            case "s":
                unit = S;
                break;
            case "m":
            case "min":
                unit = 60 * S;
                break;
            case "h":
                unit = 3600 * S;
                break;
            default:
                throw new IllegalArgumentException("unknown duration unit \"" + t.substring(i).trim() + "\" in \"" + text
                        + "\" (units: ns, us, ms, s, m, h)");
        }
        BigDecimal nanos = number.multiply(BigDecimal.valueOf(unit));
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0) {
            throw new IllegalArgumentException("duration \"" + text + "\" is too long");
        }
        return nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    public static double rate(String text) {
        String t = text.trim();
        double v;
        try {
            if (t.endsWith("%")) {
                v = Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100.0;
            } else {
                v = Double.parseDouble(t);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a rate such as 1% or 0.01, found \"" + text + "\"");
        }
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("a rate must be within 0..1 (0%..100%), found \"" + text + "\"");
        }
        return v;
    }

    /** Bits per second; 0 for unlimited. */
    public static long bandwidth(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("unlimited")) {
            return 0;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        String[][] units = {
            {"gbit/s", "1000000000"}, {"mbit/s", "1000000"}, {"kbit/s", "1000"}, {"bit/s", "1"},
            {"gb/s", "8000000000"}, {"mb/s", "8000000"}, {"kb/s", "8000"}, {"b/s", "8"},
        };
        for (String[] u : units) {
            if (lower.endsWith(u[0])) {
                boolean bytes = !u[0].contains("bit");
                boolean upperB = t.charAt(t.length() - 3) == 'B';
                if (bytes != upperB) {
                    continue;
                }
                String num = t.substring(0, t.length() - u[0].length()).trim();
                try {
                    long bps = new BigDecimal(num).multiply(new BigDecimal(u[1])).longValueExact();
                    if (bps <= 0) {
                        throw new IllegalArgumentException("bandwidth must be positive, found \"" + text + "\"");
                    }
                    return bps;
                } catch (NumberFormatException | ArithmeticException e) {
                    break;
                }
            }
        }
        throw new IllegalArgumentException("expected a bandwidth such as 10Mbit/s, 512kbit/s, 2MB/s or unlimited, found \""
                + text + "\"");
    }

    /** Splits {@code low..high}; a single value gives {@code [v, v]}. */
    public static String[] range(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            return new String[] {text.trim(), text.trim()};
        }
        return new String[] {text.substring(0, dots).trim(), text.substring(dots + 2).trim()};
    }

    /** A readable duration for messages: {@code 1.5s}, {@code 250ms}. */
    public static String format(long nanos) {
        if (nanos % S == 0) {
            return nanos / S + "s";
        }
        if (nanos % MS == 0) {
            return nanos / MS + "ms";
        }
        if (nanos % US == 0) {
            return nanos / US + "us";
        }
        if (nanos > MS) {
            return BigDecimal.valueOf(nanos).movePointLeft(9).stripTrailingZeros().toPlainString() + "s";
        }
        return nanos + "ns";
    }
}
