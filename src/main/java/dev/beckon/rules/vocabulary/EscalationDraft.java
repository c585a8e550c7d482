package dev.beckon.rules.vocabulary;

import java.util.Set;

/** A case for a person: a reason, a priority (urgent, high, normal, low) and a queue (default "support"). */
public final class EscalationDraft implements Draft {

    public static final Set<String> PRIORITIES = Set.of("urgent", "high", "normal", "low");

    private final String rule;
    private final String reason;
    private String priority = "normal";
    private String queue = "support";

    EscalationDraft(String rule, String reason) {
        this.rule = rule;
        this.reason = reason;
    }

    public EscalationDraft priority(String priority) {
        this.priority = priority;
        return this;
    }

    public EscalationDraft queue(String queue) {
        this.queue = queue;
        return this;
    }

    @Override
    public void validate() {
        if (reason == null || reason.isBlank()) {
            throw new InvalidDecisionException(rule, "an escalation needs a reason");
        }
        if (!PRIORITIES.contains(priority)) {
            throw new InvalidDecisionException(rule, "priority must be one of urgent, high, normal, low; was " + priority);
        }
        if (queue == null || queue.isBlank()) {
            throw new InvalidDecisionException(rule, "an escalation needs a queue");
        }
    }

    @Override
    public String rule() {
        return rule;
    }

    public String reason() {
        return reason;
    }

    public String priorityValue() {
        return priority;
    }

    public String queueValue() {
        return queue;
    }
}
