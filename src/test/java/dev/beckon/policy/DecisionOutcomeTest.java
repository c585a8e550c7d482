package dev.beckon.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.policy.DecisionExplanations.DeliveryState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outcome the why-and-why-not view shows reads the verdict together with what became of the deliveries. */
class DecisionOutcomeTest {

    private static final Instant MORNING = Instant.parse("2026-12-08T08:00:00Z");
    private static final String HELD = "held for quiet hours (21:00–08:00 UTC) until " + MORNING;

    @Test
    void aHeldMessageIsHeldWhileItsDeliveriesWait() {
        assertThat(outcome("sent", HELD, MORNING, delivery("pending", null, null)))
                .containsExactly("held", HELD);
    }

    @Test
    void aHeldMessageIsSentOnceADeliveryWentOut() {
        assertThat(outcome("sent", HELD, MORNING, delivery("delivered", null, MORNING.plusSeconds(5)),
                delivery("pending", null, null))[0]).isEqualTo("sent");
    }

    @Test
    void aSentVerdictWhoseEveryDeliveryWasSuppressedIsSuppressedWithTheirReasons() {
        assertThat(outcome("sent", null, null, delivery("suppressed", "no email address is known for the customer", null)))
                .containsExactly("suppressed", "no delivery could be made: email no email address is known for the customer");
    }

    @Test
    void aSentVerdictWithOneDeliveryLeftIsSent() {
        assertThat(outcome("sent", null, null, delivery("suppressed", "no address", null), delivery("pending", null, null))[0])
                .isEqualTo("sent");
    }

    @Test
    void aDecisionNotJudgedYetSaysSoInWords() {
        assertThat(outcome(null, null, null)).containsExactly("planning",
                "decided moments ago; the policy has not judged it yet");
    }

    private static String[] outcome(String verdict, String reason, Instant heldUntil, DeliveryState... deliveries) {
        return DecisionOutcome.of(new DecisionOutcome.Facts(verdict, reason, heldUntil, null, null, null, null, null,
                List.of(deliveries)));
    }

    private static DeliveryState delivery(String status, String reason, Instant deliveredAt) {
        return new DeliveryState("email", "c@example.com", status, reason, deliveredAt);
    }
}
