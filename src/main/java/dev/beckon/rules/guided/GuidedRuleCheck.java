package dev.beckon.rules.guided;

import dev.beckon.platform.FieldError;
import dev.beckon.rules.vocabulary.Durations;
import dev.beckon.rules.vocabulary.EscalationDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.beckon.campaign.CampaignNames;
import java.util.regex.Pattern;

/** Checks a guided rule as a marketer filled it in, naming every field that is wrong and why. */
final class GuidedRuleCheck {

    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} .,:!?()&'+-]{1,120}");
    static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");
    static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[\\d{1,4}\\])?(\\.[A-Za-z_][A-Za-z0-9_]*(\\[\\d{1,4}\\])?){0,5}");
    static final Pattern PLAIN_TEXT = Pattern.compile("[^\"\\\\\\p{Cntrl}]{0,500}");

    /** Profile fields a guided condition may use, and whether each is a number. */
    static final Map<String, String> PROFILE_FIELDS = Map.of(
            "lifetimeSpend", "number", "lifetimeSpendBefore", "number", "orderCount", "number",
            "openCartValue", "number", "eventCount", "number", "paymentCount", "number",
            "usualPaymentAmount", "number");
    static final Set<String> NUMBER_OPERATORS = Set.of(">", ">=", "<", "<=", "==", "!=");
    static final Set<String> TEXT_OPERATORS = Set.of("is", "is not", "contains", "is set", "is not set", "is true", "is false");

    private GuidedRuleCheck() {
    }

    static List<FieldError> errors(GuidedRule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (rule == null) {
            return List.of(new FieldError("body", "a guided rule is required"));
        }
        if (rule.name() == null || !NAME.matcher(rule.name()).matches()) {
            errors.add(new FieldError("name", "is required: letters, digits, spaces and simple punctuation, at most 120"));
        }
        if (rule.trigger() == null || !TYPE.matcher(rule.trigger()).matches()) {
            errors.add(new FieldError("trigger", "must be an event type such as cart.updated"));
        }
        List<GuidedRule.Condition> conditions = rule.conditions() == null ? List.of() : rule.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            condition(conditions.get(i), "conditions[" + i + "]", errors);
        }
        if (rule.unlessWithin() != null) {
            if (rule.unlessWithin().eventType() == null || !TYPE.matcher(rule.unlessWithin().eventType()).matches()) {
                errors.add(new FieldError("unlessWithin.eventType", "must be an event type such as order.completed"));
            }
            duration(rule.unlessWithin().duration(), "unlessWithin.duration", errors);
        }
        decision(rule, errors);
        return errors;
    }

    private static void condition(GuidedRule.Condition c, String at, List<FieldError> errors) {
        if ("profile".equals(c.on())) {
            if (!PROFILE_FIELDS.containsKey(c.field())) {
                errors.add(new FieldError(at + ".field", "must be one of " + PROFILE_FIELDS.keySet()));
            }
            if (!NUMBER_OPERATORS.contains(c.operator())) {
                errors.add(new FieldError(at + ".operator", "must be one of " + NUMBER_OPERATORS));
            }
            number(c.value(), at + ".value", errors);
        } else if ("event".equals(c.on())) {
            if (c.field() == null || !PATH.matcher(c.field()).matches()) {
                errors.add(new FieldError(at + ".field", "must be a field of the event's data, such as total or items[0].sku"));
            }
            if (NUMBER_OPERATORS.contains(c.operator())) {
                number(c.value(), at + ".value", errors);
            } else if (!TEXT_OPERATORS.contains(c.operator())) {
                errors.add(new FieldError(at + ".operator", "must be a comparison (> >= < <= == !=) or one of " + TEXT_OPERATORS));
            } else if ((c.operator().equals("is") || c.operator().equals("is not") || c.operator().equals("contains"))
                    && (c.value() == null || !PLAIN_TEXT.matcher(c.value()).matches())) {
                errors.add(new FieldError(at + ".value", "must be text without quotes or backslashes, at most 500 characters"));
            }
        } else {
            errors.add(new FieldError(at + ".on", "must be event or profile"));
        }
    }

    private static void decision(GuidedRule rule, List<FieldError> errors) {
        GuidedRule.Decision d = rule.decision();
        if (d == null || d.kind() == null) {
            errors.add(new FieldError("decision.kind", "must be offer, followup or escalation"));
            return;
        }
        switch (d.kind()) {
            case "offer" -> {
                campaign(d, errors);
                if ((d.percentOff() == null) == (d.amountOff() == null)) {
                    errors.add(new FieldError("decision.percentOff", "give either a percentage or an amount off"));
                } else if (d.percentOff() != null && !(d.percentOff() > 0 && d.percentOff() <= 100)) {
                    errors.add(new FieldError("decision.percentOff", "must be above 0 and at most 100"));
                } else if (d.amountOff() != null && !(d.amountOff() > 0)) {
                    errors.add(new FieldError("decision.amountOff", "must be above 0"));
                }
                text(d.code(), "decision.code", errors);
                text(d.channel(), "decision.channel", errors);
                if (d.validFor() != null) {
                    duration(d.validFor(), "decision.validFor", errors);
                }
            }
            case "followup" -> {
                campaign(d, errors);
                if (rule.unlessWithin() == null) {
                    duration(d.delay(), "decision.delay", errors);
                }
                text(d.message(), "decision.message", errors);
                List<String> cancelledBy = d.cancelledBy() == null ? List.of() : d.cancelledBy();
                for (int i = 0; i < cancelledBy.size(); i++) {
                    if (cancelledBy.get(i) == null || !TYPE.matcher(cancelledBy.get(i)).matches()) {
                        errors.add(new FieldError("decision.cancelledBy[" + i + "]", "must be an event type"));
                    }
                }
                if (d.percentOff() != null && d.amountOff() != null) {
                    errors.add(new FieldError("decision.percentOff", "give either a percentage or an amount off, not both"));
                } else if (d.percentOff() != null && !(d.percentOff() > 0 && d.percentOff() <= 100)) {
                    errors.add(new FieldError("decision.percentOff", "must be above 0 and at most 100"));
                } else if (d.amountOff() != null && !(d.amountOff() > 0)) {
                    errors.add(new FieldError("decision.amountOff", "must be above 0"));
                }
                text(d.code(), "decision.code", errors);
            }
            case "escalation" -> {
                if (rule.unlessWithin() != null) {
                    errors.add(new FieldError("unlessWithin", "an escalation goes to a person at once; it cannot wait"));
                }
                if (d.reason() == null || d.reason().isBlank()) {
                    errors.add(new FieldError("decision.reason", "is required"));
                }
                text(d.reason(), "decision.reason", errors);
                if (d.priority() != null && !EscalationDraft.PRIORITIES.contains(d.priority())) {
                    errors.add(new FieldError("decision.priority", "must be one of " + EscalationDraft.PRIORITIES));
                }
                text(d.queue(), "decision.queue", errors);
            }
            default -> errors.add(new FieldError("decision.kind", "must be offer, followup or escalation"));
        }
    }

    private static void campaign(GuidedRule.Decision d, List<FieldError> errors) {
        if (!CampaignNames.isValid(d.campaign())) {
            errors.add(new FieldError("decision.campaign", "must be lower case letters, digits, '-' or '_', e.g. cart-rescue"));
        }
    }

    private static void number(String value, String field, List<FieldError> errors) {
        try {
            Double.parseDouble(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a number"));
        }
    }

    private static void text(String value, String field, List<FieldError> errors) {
        if (value != null && !PLAIN_TEXT.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be text without quotes or backslashes, at most 500 characters"));
        }
    }

    private static void duration(String value, String field, List<FieldError> errors) {
        try {
            java.time.Duration parsed = Durations.parse(value);
            if (parsed.isZero() || parsed.isNegative()) {
                errors.add(new FieldError(field, "must be longer than zero"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
        }
    }
}
