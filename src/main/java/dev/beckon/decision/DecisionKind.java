package dev.beckon.decision;

/** The three things rules decide. The wire name is used in the database and in routing keys. */
public enum DecisionKind {
    OFFER("offer"), FOLLOW_UP("followup"), ESCALATION("escalation");

    private final String wireName;

    DecisionKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
