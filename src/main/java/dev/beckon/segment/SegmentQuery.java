package dev.beckon.segment;

import dev.beckon.segment.SegmentDefinition.Condition;
import dev.beckon.segment.SegmentDefinition.DataCondition;
import java.time.Duration;
import java.time.Instant;

/**
 * A checked definition as one SQL condition over {@code customer_profiles p}: the profile
 * conditions compare columns, each event condition counts the customer's events of its type in
 * its window (by the index on events (customer_id, type, occurred_at)). Windows end at the
 * evaluation's "now", the injected clock's, so a member ages out when the clock moves on.
 */
final class SegmentQuery {

    /** A number written as JSON or as text in the event's data; anything else does not compare. */
    private static final String NUMBER = "'^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$'";

    private SegmentQuery() {
    }

    static Sql matching(SegmentDefinition definition, Instant now) {
        Sql all = null;
        for (Condition condition : definition.conditions()) {
            Sql one = condition.countsEvents() ? events(condition, now) : profile(condition, now);
            all = all == null ? one : all.and(one);
        }
        return all.within("(", ")");
    }

    private static Sql profile(Condition condition, Instant now) {
        ProfileField field = ProfileField.named(condition.profile()).orElseThrow();
        String compare = field.sql + " " + comparison(condition.op()) + " ?";
        return field.needsNow() ? Sql.of(compare, now, condition.value()) : Sql.of(compare, condition.value());
    }

    private static Sql events(Condition condition, Instant now) {
        Instant since = now.minus(Duration.ofDays(condition.withinDays()));
        Sql counted = Sql.of("e.customer_id = p.customer_id AND e.type = ? AND e.occurred_at > ?", condition.event(), since);
        DataCondition where = condition.where();
        if (where != null) {
            String[] path = where.field().split("\\.");
            counted = counted.and(Sql.of("(CASE WHEN (e.data #>> ?) ~ " + NUMBER + " THEN (e.data #>> ?)::numeric END) "
                    + comparison(where.op()) + " ?", path, path, where.value()));
        }
        return counted.within("(SELECT count(*) FROM events e WHERE ", ") " + comparison(condition.op()) + " ?")
                .with(condition.count());
    }

    private static String comparison(String op) {
        return Comparison.of(op).orElseThrow().sql;
    }
}
