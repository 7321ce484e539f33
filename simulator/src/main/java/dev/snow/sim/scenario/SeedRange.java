package dev.snow.sim.scenario;

/** Seeds {@code first..last}, both included ({@code 7} alone is {@code 7..7}). */
public record SeedRange(long first, long last) {

    public SeedRange {
        if (last < first) {
            throw new IllegalArgumentException("seed range " + first + ".." + last + " is empty");
        }
    }

    public static SeedRange parse(String text) {
        String[] r = Units.range(text);
        try {
            return new SeedRange(Long.parseLong(r[0]), Long.parseLong(r[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected seeds as N or FIRST..LAST (e.g. 1..1000), found \"" + text + "\"");
        }
    }

    public long count() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first == last ? Long.toString(first) : first + ".." + last;
    }
}
