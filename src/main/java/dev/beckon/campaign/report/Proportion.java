package dev.beckon.campaign.report;

/**
 * How many of a group did something: {@code successes} of {@code trials}, e.g. converted customers
 * of the customers a campaign decided for. Pure arithmetic, so the report's numbers can be checked
 * without a database.
 */
public record Proportion(long successes, long trials) {

    /** The normal quantile for a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;

    public Proportion {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("a proportion needs 0 <= successes <= trials, not " + successes + "/" + trials);
        }
    }

    /** No trials: there is no rate to speak of. */
    public boolean isEmpty() {
        return trials == 0;
    }

    public double rate() {
        if (isEmpty()) {
            throw new IllegalStateException("an empty group has no rate");
        }
        return (double) successes / trials;
    }

    /**
     * The Wilson score 95% interval. Unlike the textbook p ± 1.96·√(p(1−p)/n), it stays inside
     * [0, 1] and does not shrink to nothing when no one (or everyone) converted.
     */
    public Interval wilson() {
        double n = trials;
        double p = rate();
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At no successes the lower bound is exactly 0, at all of them the upper exactly 1; said outright,
        // since the subtraction leaves rounding dust (2.8e-17) that would read as "above zero".
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == trials ? 1 : Math.min(1, centre + half);
        return new Interval(low, high);
    }
}
