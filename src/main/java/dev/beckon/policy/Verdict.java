package dev.beckon.policy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What becomes of one marketing decision: {@code sent} (after quiet hours when {@code heldUntil} is
 * set), {@code held_out} as the campaign's control group, or {@code suppressed}, with the reason.
 */
public record Verdict(String outcome, String reason, Instant heldUntil, String offerCode, BigDecimal discountValue) {

    public static final String SENT = "sent";
    public static final String HELD_OUT = "held_out";
    public static final String SUPPRESSED = "suppressed";

    static Verdict suppressed(String reason) {
        return new Verdict(SUPPRESSED, reason, null, null, null);
    }

    static Verdict heldOut(String reason) {
        return new Verdict(HELD_OUT, reason, null, null, null);
    }

    /** Why no delivery may reach the customer, or null when the decision is sent. */
    public String withheldBecause() {
        return SENT.equals(outcome) ? null : reason;
    }
}
