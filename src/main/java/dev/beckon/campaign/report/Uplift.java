package dev.beckon.campaign.report;

import java.util.Optional;

/**
 * What a campaign added to the conversion rate: the treatment group's rate minus the holdout's,
 * with a 95% confidence interval by Newcombe's hybrid score method (method 10 in Newcombe,
 * "Interval estimation for the difference between independent proportions", Statistics in
 * Medicine 17, 1998). It combines the two groups' Wilson intervals, so it behaves where the Wald
 * interval does not: with no conversions in a group, with small groups, and near 0% or 100%.
 *
 * @param difference treatment rate − holdout rate, from −1 to 1
 * @param interval its 95% confidence interval
 * @param relative the difference as a share of the holdout's rate; null when the holdout's rate is 0
 */
public record Uplift(double difference, Interval interval, Double relative) {

    /** The uplift of {@code treatment} over {@code holdout}; empty when either group has no one in it. */
    public static Optional<Uplift> of(Proportion treatment, Proportion holdout) {
        if (treatment.isEmpty() || holdout.isEmpty()) {
            return Optional.empty();
        }
        double p1 = treatment.rate();
        double p2 = holdout.rate();
        Interval w1 = treatment.wilson();
        Interval w2 = holdout.wilson();
        double difference = p1 - p2;
        double low = difference - Math.sqrt(square(p1 - w1.low()) + square(w2.high() - p2));
        double high = difference + Math.sqrt(square(w1.high() - p1) + square(p2 - w2.low()));
        Double relative = p2 == 0 ? null : difference / p2;
        return Optional.of(new Uplift(difference, new Interval(Math.max(-1, low), Math.min(1, high)), relative));
    }

    /** Whether the interval leaves out zero: at 95% confidence, the campaign changed the rate. */
    public boolean significant() {
        return interval.excludesZero();
    }

    private static double square(double x) {
        return x * x;
    }
}
