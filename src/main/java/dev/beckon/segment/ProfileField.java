package dev.beckon.segment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The profile values a segment may compare, each with the SQL that reads it from
 * {@code customer_profiles p}. Only these expressions ever reach the SQL text: a field a definition
 * names is looked up here, never written into the query.
 */
enum ProfileField {

    LIFETIME_SPEND("lifetime_spend", "p.lifetime_spend"),
    ORDER_COUNT("order_count", "p.order_count"),
    OPEN_CART_VALUE("open_cart_value", "p.open_cart_value"),
    EVENT_COUNT("event_count", "p.event_count"),
    PAYMENT_COUNT("payment_count", "p.payment_count"),
    PAYMENT_TOTAL("payment_total", "p.payment_total"),
    /** Whole days since the customer's first event, as of the evaluation (the parameter). */
    DAYS_SINCE_FIRST_SEEN("days_since_first_seen", "floor(extract(epoch FROM (?::timestamptz - p.first_seen_at)) / 86400)"),
    /** Whole days since the customer's latest event: "not seen for 30 days or more" is {@code >= 30}. */
    DAYS_SINCE_LAST_SEEN("days_since_last_seen", "floor(extract(epoch FROM (?::timestamptz - p.last_seen_at)) / 86400)");

    final String field;
    final String sql;

    ProfileField(String field, String sql) {
        this.field = field;
        this.sql = sql;
    }

    /** Whether the SQL takes the evaluation's "now" as its one parameter. */
    boolean needsNow() {
        return sql.contains("?");
    }

    static Optional<ProfileField> named(String field) {
        return Arrays.stream(values()).filter(f -> f.field.equals(field)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(f -> f.field).toList();
    }
}
