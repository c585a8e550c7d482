package dev.beckon.platform.notify;

import java.util.Arrays;
import java.util.Optional;

/**
 * What changed, as a notice's payload names it. Each topic is state that every replica holds in
 * memory and must read again when another replica changes it in the database.
 */
public enum ChangeTopic {
    /** The published rule set version: replicas activate the newly published (or rolled-back) version. */
    RULES("rules"),
    /** The registered event schemas: replicas load the latest version of each type again. */
    SCHEMAS("schemas");

    private final String payload;

    ChangeTopic(String payload) {
        this.payload = payload;
    }

    public String payload() {
        return payload;
    }

    /** The topic a notice's payload names; empty for a payload this version of Beckon does not know. */
    static Optional<ChangeTopic> of(String payload) {
        return Arrays.stream(values()).filter(t -> t.payload.equals(payload)).findFirst();
    }
}
