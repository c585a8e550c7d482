package dev.beckon.inbox;

import java.util.Arrays;
import java.util.Optional;

/** An escalation's priority, most urgent first; the names are those rules and the database use. */
public enum Priority {
    urgent, high, normal, low;

    public static Optional<Priority> named(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }

    /** One step more urgent; urgent stays urgent. */
    public Priority raised() {
        return this == urgent ? urgent : values()[ordinal() - 1];
    }
}
