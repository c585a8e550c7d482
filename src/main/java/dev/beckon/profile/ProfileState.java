package dev.beckon.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beckon.event.EventEnvelope;
import dev.beckon.rules.vocabulary.Profile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A customer's profile while a batch is being applied: loaded once, changed in memory by each of
 * the customer's events in order, written back once at the end of the batch.
 */
public final class ProfileState {

    /** Event types that are purchases: they add to lifetime spend and close the open cart. */
    static final Set<String> PURCHASES = Set.of("order.completed", "pos.sale");

    final String customerId;
    Instant firstSeenAt;
    Instant lastSeenAt;
    long eventCount;
    final Map<String, Long> eventCounts;
    BigDecimal lifetimeSpend;
    int orderCount;
    BigDecimal openCartValue;
    String currency;
    int paymentCount;
    BigDecimal paymentTotal;
    final Set<String> countries;
    /** Segments the customer is in, as stored before the batch: events do not change it, the segment refresher does. */
    Set<String> segments = Set.of();

    ProfileState(String customerId, Instant firstSeenAt, Instant lastSeenAt, long eventCount,
                 Map<String, Long> eventCounts, BigDecimal lifetimeSpend, int orderCount,
                 BigDecimal openCartValue, String currency, int paymentCount, BigDecimal paymentTotal,
                 Set<String> countries) {
        this.customerId = customerId;
        this.firstSeenAt = firstSeenAt;
        this.lastSeenAt = lastSeenAt;
        this.eventCount = eventCount;
        this.eventCounts = new HashMap<>(eventCounts);
        this.lifetimeSpend = lifetimeSpend;
        this.orderCount = orderCount;
        this.openCartValue = openCartValue;
        this.currency = currency;
        this.paymentCount = paymentCount;
        this.paymentTotal = paymentTotal;
        this.countries = new TreeSet<>(countries);
    }

    public static ProfileState empty(String customerId) {
        return new ProfileState(customerId, null, null, 0, Map.of(), BigDecimal.ZERO, 0, BigDecimal.ZERO,
                null, 0, BigDecimal.ZERO, Set.of());
    }

    /** The state of a stored profile, for simulations that start from what Beckon knows. */
    public static ProfileState of(CustomerProfile stored) {
        return new ProfileState(stored.customerId, stored.firstSeenAt, stored.lastSeenAt, stored.eventCount,
                stored.eventCounts == null ? Map.of() : stored.eventCounts, stored.lifetimeSpend, stored.orderCount,
                stored.openCartValue, stored.currency, stored.paymentCount, stored.paymentTotal,
                stored.countries == null ? Set.of() : stored.countries);
    }

    /** A profile an author assumes for trying rules ("a customer with 3 orders and 900 spent"). */
    public static ProfileState assumed(String customerId, BigDecimal lifetimeSpend, int orderCount,
                                       BigDecimal openCartValue, int paymentCount, BigDecimal paymentTotal,
                                       Set<String> countries, Map<String, Long> eventCounts) {
        long events = eventCounts.values().stream().mapToLong(Long::longValue).sum();
        return new ProfileState(customerId, null, null, events, eventCounts, lifetimeSpend, orderCount, openCartValue,
                null, paymentCount, paymentTotal, countries);
    }

    public ProfileState copy() {
        ProfileState copy = new ProfileState(customerId, firstSeenAt, lastSeenAt, eventCount, eventCounts, lifetimeSpend,
                orderCount, openCartValue, currency, paymentCount, paymentTotal, countries);
        copy.segments = segments;
        return copy;
    }

    /** The segments rules see the customer in ({@code Profile.inSegment}). */
    public void inSegments(Set<String> names) {
        segments = Set.copyOf(names);
    }

    public String customerId() {
        return customerId;
    }

    /**
     * Applies one event and returns what rules see: this profile after the event, with the
     * "before" values rules compare against.
     */
    public Profile apply(EventEnvelope event) {
        BigDecimal spendBefore = lifetimeSpend;
        int paymentsBefore = paymentCount;
        double usualPayment = paymentCount == 0 ? Double.NaN
                : paymentTotal.doubleValue() / paymentCount;
        Set<String> countriesBefore = Set.copyOf(countries);

        Instant at = event.occurredAt();
        firstSeenAt = firstSeenAt == null || at.isBefore(firstSeenAt) ? at : firstSeenAt;
        lastSeenAt = lastSeenAt == null || at.isAfter(lastSeenAt) ? at : lastSeenAt;
        eventCount++;
        eventCounts.merge(event.type(), 1L, Long::sum);
        JsonNode data = event.data();
        if (PURCHASES.contains(event.type())) {
            lifetimeSpend = lifetimeSpend.add(amount(data, "total", "amount"));
            orderCount++;
            openCartValue = BigDecimal.ZERO;
        } else if (event.type().equals("cart.updated")) {
            openCartValue = amount(data, "total");
        } else if (event.type().equals("payment.authorized")) {
            paymentCount++;
            paymentTotal = paymentTotal.add(amount(data, "amount", "total"));
            if (data.path("country").isTextual()) {
                countries.add(data.path("country").asText().toUpperCase());
            }
        }
        if (data.path("currency").isTextual()) {
            currency = data.path("currency").asText();
        }
        return new Profile(customerId, firstSeenAt, lastSeenAt, eventCount, eventCounts, lifetimeSpend,
                spendBefore, orderCount, openCartValue, paymentsBefore, usualPayment, countriesBefore, segments);
    }

    /** The first of {@code fields} that holds a number; zero when none does (a purchase without an amount still counts). */
    private static BigDecimal amount(JsonNode data, String... fields) {
        for (String field : fields) {
            JsonNode value = data.path(field);
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isTextual()) {
                try {
                    return new BigDecimal(value.asText());
                } catch (NumberFormatException e) {
                    // not a number: try the next field
                }
            }
        }
        return BigDecimal.ZERO;
    }
}
