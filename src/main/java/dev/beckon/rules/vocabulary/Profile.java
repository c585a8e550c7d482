package dev.beckon.rules.vocabulary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What Beckon knows about the customer, as of the event being evaluated (the event itself is
 * already counted). Values that rules compare against "usual" behaviour — {@link
 * #getUsualPaymentAmount()}, {@link #getCountries()}, {@link #getLifetimeSpendBefore()} — are
 * taken from before the event, so a payment is never compared with itself.
 */
public final class Profile {

    private final String customerId;
    private final Instant firstSeenAt;
    private final Instant lastSeenAt;
    private final long eventCount;
    private final Map<String, Long> eventCounts;
    private final double lifetimeSpend;
    private final double lifetimeSpendBefore;
    private final int orderCount;
    private final double openCartValue;
    private final int paymentCountBefore;
    private final double usualPaymentAmount;
    private final Set<String> countries;
    private final Set<String> segments;

    public Profile(String customerId, Instant firstSeenAt, Instant lastSeenAt, long eventCount,
                   Map<String, Long> eventCounts, BigDecimal lifetimeSpend, BigDecimal lifetimeSpendBefore,
                   int orderCount, BigDecimal openCartValue, int paymentCountBefore,
                   double usualPaymentAmount, Set<String> countries, Set<String> segments) {
        this.customerId = customerId;
        this.firstSeenAt = firstSeenAt;
        this.lastSeenAt = lastSeenAt;
        this.eventCount = eventCount;
        this.eventCounts = Map.copyOf(eventCounts);
        this.lifetimeSpend = lifetimeSpend.doubleValue();
        this.lifetimeSpendBefore = lifetimeSpendBefore.doubleValue();
        this.orderCount = orderCount;
        this.openCartValue = openCartValue.doubleValue();
        this.paymentCountBefore = paymentCountBefore;
        this.usualPaymentAmount = usualPaymentAmount;
        this.countries = Set.copyOf(countries);
        this.segments = Set.copyOf(segments);
    }

    public String getCustomerId() {
        return customerId;
    }

    public Instant getFirstSeenAt() {
        return firstSeenAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    /** Events seen for this customer, this one included. */
    public long getEventCount() {
        return eventCount;
    }

    /** How many events of {@code type} this customer has had, this one included. */
    public long count(String type) {
        return eventCounts.getOrDefault(type, 0L);
    }

    /** Sum of completed orders, this event included. */
    public double getLifetimeSpend() {
        return lifetimeSpend;
    }

    /** Sum of completed orders before this event: with {@link #getLifetimeSpend()} it shows a threshold crossed. */
    public double getLifetimeSpendBefore() {
        return lifetimeSpendBefore;
    }

    public int getOrderCount() {
        return orderCount;
    }

    /** Value of the customer's cart since the last cart update, 0 after an order. */
    public double getOpenCartValue() {
        return openCartValue;
    }

    /** Authorised payments before this event. */
    public int getPaymentCount() {
        return paymentCountBefore;
    }

    /** Mean authorised payment before this event, {@code NaN} for a customer with no earlier payment. */
    public double getUsualPaymentAmount() {
        return usualPaymentAmount;
    }

    /** Countries seen on this customer's earlier payments (ISO codes, upper case). */
    public Set<String> getCountries() {
        return countries;
    }

    /** True when the customer paid before, but never from {@code country}. */
    public boolean isNewCountry(String country) {
        return country != null && !countries.isEmpty() && !countries.contains(country.toUpperCase());
    }

    /**
     * Whether the customer is a member of the segment {@code name} (docs/segments.md), as of the
     * segment's last refresh, before this event: membership follows events seconds later, not at once.
     */
    public boolean inSegment(String name) {
        return segments.contains(name);
    }

    /** The segments the customer is a member of, as {@link #inSegment} sees them. */
    public Set<String> getSegments() {
        return segments;
    }

    @Override
    public String toString() {
        return "Profile[" + customerId + "]";
    }
}
