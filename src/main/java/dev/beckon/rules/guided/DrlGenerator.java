package dev.beckon.rules.guided;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the DRL of a checked guided rule. Values have been checked to hold no quotes or
 * backslashes, so they are quoted as they are; numbers are written as plain decimals.
 */
final class DrlGenerator {

    private DrlGenerator() {
    }

    static String drl(GuidedRule rule) {
        List<String> event = new ArrayList<>();
        event.add("type == " + quote(rule.trigger()));
        List<String> profile = new ArrayList<>();
        for (GuidedRule.Condition c : rule.conditions() == null ? List.<GuidedRule.Condition>of() : rule.conditions()) {
            if ("profile".equals(c.on())) {
                profile.add(c.field() + " " + c.operator() + " " + number(c.value()));
            } else {
                event.add(eventCondition(c));
            }
        }
        StringBuilder drl = new StringBuilder();
        drl.append("rule ").append(quote(rule.name()));
        if (!rule.enabledOrDefault()) {
            drl.append(" enabled false");
        }
        drl.append("\nwhen\n");
        drl.append("    Event(").append(String.join(", ", event)).append(")\n");
        if (!profile.isEmpty()) {
            drl.append("    Profile(").append(String.join(", ", profile)).append(")\n");
        }
        drl.append("then\n    ").append(consequence(rule)).append(";\nend\n");
        return drl.toString();
    }

    private static String eventCondition(GuidedRule.Condition c) {
        String path = quote(c.field());
        return switch (c.operator()) {
            case "is" -> "text(" + path + ") == " + quote(c.value());
            case "is not" -> "text(" + path + ") != " + quote(c.value());
            case "contains" -> "text(" + path + ") matches " + quote(".*\\\\Q" + c.value() + "\\\\E.*");
            case "is set" -> "has(" + path + ")";
            case "is not set" -> "!has(" + path + ")";
            case "is true" -> "flag(" + path + ")";
            case "is false" -> "!flag(" + path + ")";
            default -> "number(" + path + ") " + c.operator() + " " + number(c.value());
        };
    }

    private static String consequence(GuidedRule rule) {
        GuidedRule.Decision d = rule.decision();
        GuidedRule.UnlessWithin unless = rule.unlessWithin();
        StringBuilder call = new StringBuilder("decide.");
        switch (d.kind()) {
            case "offer" -> {
                if (unless != null) {
                    // "Unless X within D": the offer waits, as a follow-up that X calls off.
                    call.append("followUp(").append(quote(d.campaign())).append(").after(").append(quote(unless.duration()))
                            .append(").cancelledBy(").append(quote(unless.eventType())).append(")");
                    if (d.message() != null) {
                        call.append(".message(").append(quote(d.message())).append(")");
                    }
                    call.append(d.percentOff() != null
                            ? ".withOffer(" + number(d.percentOff()) + ", " + quoteOrNull(d.code()) + ")"
                            : ".withAmountOff(" + number(d.amountOff()) + ", " + quoteOrNull(d.code()) + ")");
                } else {
                    call.append("offer(").append(quote(d.campaign())).append(")");
                    call.append(d.percentOff() != null ? ".percentOff(" + number(d.percentOff()) + ")"
                            : ".amountOff(" + number(d.amountOff()) + ")");
                    optional(call, "code", d.code());
                    optional(call, "channel", d.channel());
                    optional(call, "message", d.message());
                    optional(call, "validFor", d.validFor());
                }
            }
            case "followup" -> {
                List<String> cancelledBy = new ArrayList<>(d.cancelledBy() == null ? List.of() : d.cancelledBy());
                String delay = d.delay();
                if (unless != null) {
                    delay = unless.duration();
                    if (!cancelledBy.contains(unless.eventType())) {
                        cancelledBy.add(unless.eventType());
                    }
                }
                call.append("followUp(").append(quote(d.campaign())).append(").after(").append(quote(delay)).append(")");
                optional(call, "message", d.message());
                if (!cancelledBy.isEmpty()) {
                    call.append(".cancelledBy(").append(cancelledBy.stream().map(DrlGenerator::quote)
                            .collect(Collectors.joining(", "))).append(")");
                }
                if (d.percentOff() != null) {
                    call.append(".withOffer(").append(number(d.percentOff())).append(", ").append(quoteOrNull(d.code())).append(")");
                } else if (d.amountOff() != null) {
                    call.append(".withAmountOff(").append(number(d.amountOff())).append(", ").append(quoteOrNull(d.code())).append(")");
                }
            }
            default -> {
                call.append("escalate(").append(quote(d.reason())).append(")");
                optional(call, "priority", d.priority());
                optional(call, "queue", d.queue());
            }
        }
        return call.toString();
    }

    private static void optional(StringBuilder call, String method, String value) {
        if (value != null && !value.isBlank()) {
            call.append('.').append(method).append('(').append(quote(value)).append(')');
        }
    }

    private static String quote(String text) {
        return '"' + text + '"';
    }

    private static String quoteOrNull(String text) {
        return text == null || text.isBlank() ? "null" : quote(text);
    }

    private static String number(Object value) {
        return new BigDecimal(value.toString().trim()).stripTrailingZeros().toPlainString();
    }
}
