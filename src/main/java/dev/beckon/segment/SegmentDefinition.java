package dev.beckon.segment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * Who belongs to a segment: conditions that must all hold. Each condition is about the customer's
 * profile ({@code {"profile": "open_cart_value", "op": ">", "value": 100}}) or counts their recent
 * events of one type ({@code {"event": "order.completed", "op": ">=", "count": 2, "withinDays": 30}}),
 * optionally only those whose data has a number that compares ({@code "where": {"field": "total",
 * "op": ">", "value": 50}}). Checked by {@link DefinitionCheck}, turned into SQL by {@link SegmentQuery}.
 */
public record SegmentDefinition(List<Condition> conditions) {

    /** The profile fields a condition may compare, for forms. */
    public static List<String> profileFields() {
        return ProfileField.names();
    }

    /** The comparisons a condition may use, for forms. */
    public static List<String> ops() {
        return Comparison.ops();
    }

    /** One condition; either {@code profile} or {@code event} is set, and the other fields follow from which. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String profile, String event, String op, BigDecimal value, Long count, Integer withinDays,
                            DataCondition where) {

        /** Not a property: stored and sent definitions hold only what their author wrote. */
        @JsonIgnore
        public boolean countsEvents() {
            return event != null;
        }
    }

    /** A number in the event's data ({@code total}, or a path like {@code cart.total}) compared with a value. */
    public record DataCondition(String field, String op, BigDecimal value) {
    }
}
