package dev.beckon.campaign.report;

/** A confidence interval from {@code low} to {@code high}, both included. */
public record Interval(double low, double high) {

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** Whether zero lies outside: the difference is unlikely to be chance alone. */
    public boolean excludesZero() {
        return !contains(0);
    }
}
