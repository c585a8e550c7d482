package dev.beckon.console;

import dev.beckon.rules.guided.GuidedRule;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The guided builder's form, field by field, as the browser posts it, and its translation to and
 * from a {@link GuidedRule}. Empty condition rows are left out; blank optional fields are null.
 */
public record GuidedRuleForm(String name, String trigger, List<Row> conditions, boolean unless, String unlessType,
                             String unlessWithin, String kind, String campaign, String percentOff, String amountOff,
                             String code, String channel, String validFor, String delay, String message,
                             String cancelledBy, String reason, String priority, String queue, boolean enabled) {

    /** Condition rows the form shows (filled ones first, then empty ones to fill). */
    static final int ROWS = 5;

    /** One condition row: on the event's data or the profile, a field, an operator and a value. */
    public record Row(int index, String on, String field, String operator, String value) {

        /** How errors name this row's parts: conditions[2].field. */
        public String key(String part) {
            return "conditions[" + index + "]." + part;
        }

        public int number() {
            return index + 1;
        }
    }

    /** The operators offered: comparisons for numbers, the rest for text, presence and yes/no fields. */
    public List<String> operators() {
        return List.of(">", ">=", "<", "<=", "==", "!=", "is", "is not", "contains", "is set", "is not set", "is true", "is false");
    }

    public List<String> priorities() {
        return List.of("urgent", "high", "normal", "low");
    }

    static GuidedRuleForm empty() {
        return new GuidedRuleForm("", "", rows(List.of()), false, "order.completed", "30m", "followup", "", "", "", "", "email",
                "7d", "30m", "", "", "", "normal", "support", true);
    }

    static GuidedRuleForm of(MultivaluedMap<String, String> form) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Row(i, value(form, "condition." + i + ".on"), value(form, "condition." + i + ".field"),
                    value(form, "condition." + i + ".operator"), value(form, "condition." + i + ".value")));
        }
        return new GuidedRuleForm(value(form, "name"), value(form, "trigger"), rows, "on".equals(value(form, "unless")),
                value(form, "unlessType"), value(form, "unlessWithin"), value(form, "kind"), value(form, "campaign"),
                value(form, "percentOff"), value(form, "amountOff"), value(form, "code"), value(form, "channel"),
                value(form, "validFor"), value(form, "delay"), value(form, "message"), value(form, "cancelledBy"),
                value(form, "reason"), value(form, "priority"), value(form, "queue"), !"on".equals(value(form, "disabled")));
    }

    static GuidedRuleForm of(GuidedRule rule) {
        List<Row> filled = new ArrayList<>();
        List<GuidedRule.Condition> conditions = rule.conditions() == null ? List.of() : rule.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            GuidedRule.Condition c = conditions.get(i);
            filled.add(new Row(i, c.on(), c.field(), c.operator(), c.value()));
        }
        GuidedRule.Decision d = rule.decision();
        GuidedRule.UnlessWithin u = rule.unlessWithin();
        return new GuidedRuleForm(rule.name(), rule.trigger(), rows(filled), u != null, u == null ? "" : u.eventType(),
                u == null ? "" : u.duration(), d.kind(), text(d.campaign()), number(d.percentOff()), number(d.amountOff()),
                text(d.code()), text(d.channel()), text(d.validFor()), text(d.delay()), text(d.message()),
                d.cancelledBy() == null ? "" : String.join(", ", d.cancelledBy()), text(d.reason()), text(d.priority()),
                text(d.queue()), rule.enabledOrDefault());
    }

    GuidedRule toRule() {
        List<GuidedRule.Condition> list = conditions.stream()
                .filter(row -> row.field() != null || row.value() != null)
                .map(row -> new GuidedRule.Condition(row.on() == null ? "event" : row.on(), row.field(), row.operator(), row.value()))
                .toList();
        List<String> cancelling = cancelledBy == null ? List.of()
                : Arrays.stream(cancelledBy.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        GuidedRule.Decision decision = new GuidedRule.Decision(kind, campaign, parse(percentOff), parse(amountOff), code,
                channel, validFor, delay, message, cancelling, reason, priority, queue);
        return new GuidedRule(name, trigger, list, unless ? new GuidedRule.UnlessWithin(unlessType, unlessWithin) : null,
                decision, enabled);
    }

    private static List<Row> rows(List<Row> filled) {
        List<Row> rows = new ArrayList<>(filled);
        for (int i = filled.size(); i < Math.max(ROWS, filled.size()); i++) {
            rows.add(new Row(i, "event", "", ">", ""));
        }
        return rows;
    }

    private static String value(MultivaluedMap<String, String> form, String key) {
        String value = form.getFirst(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A number as typed; text that is not one is kept as NaN so the check names the field. */
    private static Double parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String number(Double value) {
        return value == null ? "" : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
