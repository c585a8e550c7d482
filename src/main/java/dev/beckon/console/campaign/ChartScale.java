package dev.beckon.console.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart's value axis: from 0 to a round maximum in round steps (1, 2 or 5 times a power of ten),
 * so the gridlines read 0, 50, 100, 150 rather than 0, 34.25, 68.5.
 *
 * @param max the top of the axis, at least the largest value shown
 * @param step the distance between gridlines
 */
record ChartScale(double max, double step) {

    /** Roughly this many gridlines above zero. */
    static final int STEPS = 4;

    /** An axis for values up to {@code highest}; steps are at least {@code smallestStep} (1 for counts). */
    static ChartScale upTo(double highest, double smallestStep) {
        double step = Math.max(smallestStep, roundStep(highest / STEPS));
        double max = Math.max(step, Math.ceil(highest / step - 1e-9) * step);
        return new ChartScale(max, step);
    }

    /** The gridline values, 0 first. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long n = Math.round(max / step);
        for (long i = 0; i <= n; i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    /** How far up the axis {@code value} lies, 0 at the bottom to 1 at the top. */
    double fraction(double value) {
        return Math.max(0, Math.min(1, value / max));
    }

    /** A coordinate to a tenth of a pixel: finer is invisible, and short numbers keep the SVG small. */
    static double px(double coordinate) {
        return Math.round(coordinate * 10) / 10.0;
    }

    private static double roundStep(double rough) {
        if (rough <= 0) {
            return 0;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double leading = rough / power;
        double nice = leading <= 1 ? 1 : leading <= 2 ? 2 : leading <= 5 ? 5 : 10;
        return nice * power;
    }
}
