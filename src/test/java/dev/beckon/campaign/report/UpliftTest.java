package dev.beckon.campaign.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The uplift and its interval, checked against published values and against simulated campaigns. */
class UpliftTest {

    private static final double Z = 1.959963984540054;

    @Test
    void fivePointsOfUpliftHaveTheIntervalTheFormulaGivesByHand() {
        Uplift uplift = Uplift.of(new Proportion(300, 2000), new Proportion(50, 500)).orElseThrow();

        assertThat(uplift.difference()).isCloseTo(0.05, within(1e-12));
        assertThat(uplift.relative()).isCloseTo(0.5, within(1e-12));
        // Wilson for 300/2000 and 50/500, then Newcombe's square-and-add, written out:
        double[] t = wilson(0.15, 2000);
        double[] h = wilson(0.10, 500);
        double low = 0.05 - Math.sqrt(Math.pow(0.15 - t[0], 2) + Math.pow(h[1] - 0.10, 2));
        double high = 0.05 + Math.sqrt(Math.pow(t[1] - 0.15, 2) + Math.pow(0.10 - h[0], 2));
        assertThat(uplift.interval().low()).isCloseTo(low, within(1e-12)).isCloseTo(0.016985, within(1e-6));
        assertThat(uplift.interval().high()).isCloseTo(high, within(1e-12)).isCloseTo(0.078465, within(1e-6));
        assertThat(uplift.significant()).isTrue();
    }

    /** Newcombe (1998), table II, method 10: the examples a correct implementation must reproduce. */
    @Test
    void reproducesNewcombesPublishedIntervals() {
        assertInterval(56, 70, 48, 80, 0.0524, 0.3339);
        assertInterval(9, 10, 3, 10, 0.1705, 0.8090);
        assertInterval(5, 56, 0, 29, -0.0381, 0.1926);
        assertInterval(0, 10, 0, 20, -0.1611, 0.2775);
        assertInterval(0, 10, 0, 10, -0.2775, 0.2775);
        assertInterval(10, 10, 0, 20, 0.6791, 1.0000);
        assertInterval(10, 10, 0, 10, 0.6075, 1.0000);
    }

    @Test
    void noConversionsAnywhereGiveAnIntervalAroundZeroAndNoRelativeUplift() {
        Uplift uplift = Uplift.of(new Proportion(0, 400), new Proportion(0, 100)).orElseThrow();

        assertThat(uplift.difference()).isZero();
        assertThat(uplift.interval().low()).isNegative().isFinite();
        assertThat(uplift.interval().high()).isPositive().isFinite();
        assertThat(uplift.relative()).isNull();
        assertThat(uplift.significant()).isFalse();
    }

    @Test
    void everyoneConvertingStaysWithinTheLimitsOfARate() {
        Uplift uplift = Uplift.of(new Proportion(50, 50), new Proportion(0, 5)).orElseThrow();

        assertThat(uplift.difference()).isEqualTo(1.0);
        assertThat(uplift.interval().high()).isEqualTo(1.0);
        assertThat(uplift.interval().low()).isBetween(0.0, 1.0);
        assertThat(new Proportion(7, 7).wilson().high()).isEqualTo(1.0);
        assertThat(new Proportion(0, 7).wilson().low()).isEqualTo(0.0);
    }

    @Test
    void anEmptyGroupHasNoUplift() {
        assertThat(Uplift.of(new Proportion(0, 0), new Proportion(3, 10))).isEmpty();
        assertThat(Uplift.of(new Proportion(3, 10), new Proportion(0, 0))).isEmpty();
    }

    /**
     * Simulated campaigns with a known true uplift of 3 points (12% against 9%): the interval should
     * hold the truth about 95 times in 100. A wrong quantile or a swapped term misses this band.
     */
    @Test
    void theIntervalHoldsTheTrueUpliftInAbout95PercentOfSimulatedCampaigns() {
        Random random = new Random(20_260_601L);
        int runs = 4000;
        int covered = 0;
        for (int run = 0; run < runs; run++) {
            Proportion treatment = new Proportion(conversions(random, 900, 0.12), 900);
            Proportion holdout = new Proportion(conversions(random, 100, 0.09), 100);
            if (Uplift.of(treatment, holdout).orElseThrow().interval().contains(0.03)) {
                covered++;
            }
        }
        assertThat(covered / (double) runs).isBetween(0.935, 0.965);
    }

    private static long conversions(Random random, int customers, double rate) {
        long converted = 0;
        for (int i = 0; i < customers; i++) {
            if (random.nextDouble() < rate) {
                converted++;
            }
        }
        return converted;
    }

    private static void assertInterval(int x1, int n1, int x2, int n2, double low, double high) {
        Interval interval = Uplift.of(new Proportion(x1, n1), new Proportion(x2, n2)).orElseThrow().interval();
        assertThat(interval.low()).as("low of %d/%d - %d/%d", x1, n1, x2, n2).isCloseTo(low, within(0.00005));
        assertThat(interval.high()).as("high of %d/%d - %d/%d", x1, n1, x2, n2).isCloseTo(high, within(0.00005));
    }

    /** The Wilson score interval, {low, high}, straight from its formula. */
    private static double[] wilson(double p, int n) {
        double centre = (p + Z * Z / (2.0 * n)) / (1 + Z * Z / n);
        double half = Z / (1 + Z * Z / n) * Math.sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n));
        return new double[] {centre - half, centre + half};
    }
}
