package dev.beckon.rules.vocabulary;

/** A decision as a rule stated it, before Beckon checks and records it. */
public sealed interface Draft permits OfferDraft, FollowUpDraft, EscalationDraft {

    String rule();

    /** Throws {@link InvalidDecisionException} naming the rule when the draft is incomplete or wrong. */
    void validate();
}
