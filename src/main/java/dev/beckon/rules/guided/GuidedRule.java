package dev.beckon.rules.guided;

import java.util.List;

/**
 * A rule built without code: a trigger event type, conditions on the event's data and on the
 * profile, optionally "unless &lt;event type&gt; arrives within &lt;duration&gt;", and one decision.
 * Beckon generates the rule's DRL from it; authors see that text but do not edit it.
 */
public record GuidedRule(String name, String trigger, List<Condition> conditions, UnlessWithin unlessWithin,
                         Decision decision, Boolean enabled) {

    /** {@code on} is "event" (a path in the event's data) or "profile" (a profile field). */
    public record Condition(String on, String field, String operator, String value) {
    }

    /** The abandoned-cart shape: decide only if no event of this type arrives within the duration. */
    public record UnlessWithin(String eventType, String duration) {
    }

    /** One decision: an offer, a follow-up or an escalation, with the fields its kind uses. */
    public record Decision(String kind, String campaign, Double percentOff, Double amountOff, String code,
                           String channel, String validFor, String delay, String message, List<String> cancelledBy,
                           String reason, String priority, String queue) {
    }

    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }
}
