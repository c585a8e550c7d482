package dev.beckon.segment;

import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.segment.SegmentDefinition.Condition;
import dev.beckon.segment.SegmentDefinition.DataCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses a definition that would not mean what its author thinks, naming each field and why:
 * a marketer writes these, so "unknown field" says which fields there are.
 */
final class DefinitionCheck {

    static final int MAX_CONDITIONS = 20;
    /** Ten years: a longer window is a typing mistake, and would keep every event in play. */
    static final int MAX_DAYS = 3650;
    /** A key, or a dotted path of keys, in an event's data. */
    private static final Pattern DATA_FIELD = Pattern.compile("[A-Za-z0-9_-]{1,64}(\\.[A-Za-z0-9_-]{1,64}){0,4}");
    private static final int MAX_EVENT_TYPE = 200;

    private DefinitionCheck() {
    }

    /** Throws a 400 listing every problem, or returns when there is none. */
    static void check(SegmentDefinition definition) {
        List<FieldError> errors = new ArrayList<>();
        if (definition == null || definition.conditions() == null || definition.conditions().isEmpty()) {
            errors.add(new FieldError("conditions", "needs at least one condition (a segment of everyone is not a segment)"));
        } else if (definition.conditions().size() > MAX_CONDITIONS) {
            errors.add(new FieldError("conditions", "has more than " + MAX_CONDITIONS + " conditions"));
        } else {
            for (int i = 0; i < definition.conditions().size(); i++) {
                check(definition.conditions().get(i), "conditions[" + i + "]", errors);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The segment definition is not valid", errors);
        }
    }

    private static void check(Condition condition, String at, List<FieldError> errors) {
        if (condition == null) {
            errors.add(new FieldError(at, "is empty: say a profile field or an event type"));
            return;
        }
        if (condition.profile() != null && condition.event() != null) {
            errors.add(new FieldError(at, "names both a profile field and an event type: make them two conditions"));
            return;
        }
        if (condition.profile() == null && condition.event() == null) {
            errors.add(new FieldError(at, "needs \"profile\" (a profile field) or \"event\" (an event type)"));
            return;
        }
        op(condition.op(), at + ".op", errors);
        if (condition.countsEvents()) {
            checkEvent(condition, at, errors);
        } else {
            checkProfile(condition, at, errors);
        }
    }

    private static void checkProfile(Condition condition, String at, List<FieldError> errors) {
        if (ProfileField.named(condition.profile()).isEmpty()) {
            errors.add(new FieldError(at + ".profile", "is not a profile field; use one of " + ProfileField.names()));
        }
        if (condition.value() == null) {
            errors.add(new FieldError(at + ".value", "is required: the number to compare " + condition.profile() + " with"));
        }
        notForProfiles(condition.count(), at + ".count", errors);
        notForProfiles(condition.withinDays(), at + ".withinDays", errors);
        notForProfiles(condition.where(), at + ".where", errors);
    }

    private static void checkEvent(Condition condition, String at, List<FieldError> errors) {
        if (condition.event().isBlank() || condition.event().length() > MAX_EVENT_TYPE) {
            errors.add(new FieldError(at + ".event", "must be an event type, e.g. \"order.completed\""));
        }
        if (condition.count() == null) {
            errors.add(new FieldError(at + ".count", "is required: how many events to compare with (0 for \"none\")"));
        } else if (condition.count() < 0) {
            errors.add(new FieldError(at + ".count", "must not be negative"));
        }
        if (condition.withinDays() == null) {
            errors.add(new FieldError(at + ".withinDays", "is required: count events of the last how many days"));
        } else if (condition.withinDays() < 1 || condition.withinDays() > MAX_DAYS) {
            errors.add(new FieldError(at + ".withinDays", "must be between 1 and " + MAX_DAYS));
        }
        if (condition.value() != null) {
            errors.add(new FieldError(at + ".value", "is for profile conditions; an event condition compares its count"));
        }
        DataCondition where = condition.where();
        if (where != null) {
            if (where.field() == null || !DATA_FIELD.matcher(where.field()).matches()) {
                errors.add(new FieldError(at + ".where.field", "must name a field of the event's data, e.g. \"total\" or \"cart.total\""));
            }
            op(where.op(), at + ".where.op", errors);
            if (where.value() == null) {
                errors.add(new FieldError(at + ".where.value", "is required: the number to compare the data field with"));
            }
        }
    }

    private static void op(String op, String at, List<FieldError> errors) {
        if (op == null) {
            errors.add(new FieldError(at, "is required: one of " + Comparison.ops()));
        } else if (Comparison.of(op).isEmpty()) {
            errors.add(new FieldError(at, "must be one of " + Comparison.ops()));
        }
    }

    private static void notForProfiles(Object value, String at, List<FieldError> errors) {
        if (value != null) {
            errors.add(new FieldError(at, "is for event conditions only"));
        }
    }
}
