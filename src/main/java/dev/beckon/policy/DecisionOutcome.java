package dev.beckon.policy;

import dev.beckon.policy.DecisionExplanations.DeliveryState;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A decision's outcome in a word, and why, as the why-and-why-not view shows it: the policy's verdict
 * read together with what became of the deliveries since, so it never says {@code held} once the
 * message went out, nor {@code sent} when nothing could be sent.
 */
final class DecisionOutcome {

    /** Not judged yet: planning reaches a decision within a second, or later behind a backlog. */
    static final String PLANNING = "planning";

    private DecisionOutcome() {
    }

    /** What the facts below add up to: {@code [outcome, reason]}. */
    record Facts(String verdict, String verdictReason, Instant heldUntil, String followUpStatus, Instant dueAt,
                 String closedByEvent, String escalationStatus, String escalationQueue, List<DeliveryState> deliveries) {
    }

    static String[] of(Facts f) {
        if (f.verdict() != null) {
            return ofVerdict(f);
        }
        if (f.followUpStatus() != null) {
            return switch (f.followUpStatus()) {
                case "pending" -> new String[] {"waiting", "due at " + f.dueAt()};
                case "cancelled" -> new String[] {"cancelled", "cancelled by event " + f.closedByEvent()};
                case "superseded" -> new String[] {"superseded", "a later follow-up of the same campaign replaced it"};
                default -> new String[] {PLANNING, "fired; the policy has not judged it yet"};
            };
        }
        if (f.escalationStatus() != null) {
            return new String[] {"escalated", "to the " + f.escalationQueue() + " queue, " + f.escalationStatus()};
        }
        return new String[] {PLANNING, "decided moments ago; the policy has not judged it yet"};
    }

    private static String[] ofVerdict(Facts f) {
        if (!Verdict.SENT.equals(f.verdict())) {
            return new String[] {f.verdict(), f.verdictReason()};
        }
        List<DeliveryState> deliveries = f.deliveries();
        if (!deliveries.isEmpty() && deliveries.stream().allMatch(d -> "suppressed".equals(d.status()))) {
            return new String[] {Verdict.SUPPRESSED, "no delivery could be made: " + deliveries.stream()
                    .map(d -> d.channel() + " " + d.reason()).distinct().collect(Collectors.joining("; "))};
        }
        if (f.heldUntil() == null) {
            return new String[] {Verdict.SENT, f.verdictReason()};
        }
        boolean stillHeld = deliveries.stream().anyMatch(d -> "pending".equals(d.status()))
                && deliveries.stream().noneMatch(d -> d.deliveredAt() != null);
        return stillHeld ? new String[] {"held", f.verdictReason()}
                : new String[] {Verdict.SENT, f.verdictReason() + "; released when the window opened"};
    }
}
