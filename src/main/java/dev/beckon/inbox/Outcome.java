package dev.beckon.inbox;

import java.util.Arrays;
import java.util.Optional;

/** How an escalation was resolved: a fixed list, so rules can react to each (see docs/inbox.md). */
public enum Outcome {
    refunded("Refunded"),
    goodwill_offer("Goodwill offer"),
    no_action("No action"),
    fraud_confirmed("Fraud confirmed");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Outcome> named(String name) {
        return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst();
    }
}
